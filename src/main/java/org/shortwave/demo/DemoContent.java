package org.shortwave.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shortwave.content.ArticleStatus;
import org.shortwave.content.ArticleStore;
import org.shortwave.content.BodyJson;
import org.shortwave.content.NewArticle;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Translations;
import org.shortwave.editorial.ChineseDerivation;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.media.MediaLibrary;
import org.shortwave.media.MediaUploads;
import org.shortwave.media.NewMedia;
import org.shortwave.media.StoredFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo site (src/main/resources/demo) into an empty database. Everything it writes carries a stable
 * source key and is skipped if that key exists, and the whole load runs in one transaction under an advisory lock,
 * so two nodes starting together or a second start never duplicate it.
 */
@Component
public class DemoContent {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
    private static final long LOCK_KEY = 0x5347_4e44_454dL; // any constant shared by every node
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Editions editions;
    private final Taxonomy taxonomy;
    private final ArticleStore articles;
    private final MediaLibrary media;
    private final MediaUploads uploads;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final Translations translations;
    private final ChineseDerivation derivation;

    DemoContent(Editions editions, Taxonomy taxonomy, ArticleStore articles, MediaLibrary media,
            MediaUploads uploads, TransactionTemplate transaction, JdbcClient jdbc, Translations translations,
            ChineseDerivation derivation) {
        this.translations = translations;
        this.derivation = derivation;
        this.editions = editions;
        this.taxonomy = taxonomy;
        this.articles = articles;
        this.media = media;
        this.uploads = uploads;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    /** Loads what is missing of the demo; returns the number of articles added. */
    public int load() {
        Integer added = transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_KEY).query(Object.class).single();
            return loadLocked();
        });
        // The derived edition (zh-hant) follows its source; idempotent, so a second start changes nothing.
        derivation.catchUp();
        return added == null ? 0 : added;
    }

    private int loadLocked() {
        Catalog catalog = read("classpath:demo/catalog.json", Catalog.class);
        Map<String, Long> sections = new HashMap<>();
        Map<String, Long> topics = new HashMap<>();
        Map<String, Long> people = new HashMap<>();
        Map<String, List<String>> topStories = new LinkedHashMap<>();
        for (CatalogEdition e : catalog.editions()) {
            editions.createIfMissing(new Edition(e.code(), Locale.forLanguageTag(e.locale()), e.name(), e.siteName(),
                    e.direction(), ZoneId.of(e.timeZone()), e.isDefault(), e.copyrightHolder(), e.calendar(),
                    e.derivedFrom()), e.position());
            int position = 0;
            for (Named section : e.sections()) {
                sections.put(e.code() + "/" + section.slug(),
                        taxonomy.ensureSection(e.code(), section.slug(), section.name(), position++));
            }
            for (Named topic : e.topics()) {
                topics.put(e.code() + "/" + topic.slug(), taxonomy.ensureTopic(e.code(), topic.slug(), topic.name()));
            }
            for (CatalogPerson p : e.people()) {
                String key = e.code() + "/" + p.key();
                people.put(key, taxonomy.ensurePerson("demo:" + key, p.name(), p.latinName(), p.description()));
            }
            topStories.put(e.code(), e.topStories() == null ? List.of() : e.topStories());
            topStories.values().removeIf(List::isEmpty);
        }

        Map<String, String> copyright = new HashMap<>();
        catalog.editions().forEach(e -> copyright.put(e.code(),
                e.copyrightHolder() != null ? e.copyrightHolder() : e.siteName()));
        Map<String, Long> ids = new HashMap<>();
        Map<String, DemoArticle> byKey = new LinkedHashMap<>();
        int added = 0;
        for (Resource resource : articleFiles()) {
            DemoArticle a = read(resource, DemoArticle.class);
            String edition = a.key().substring(0, a.key().indexOf('/'));
            byKey.put(a.key(), a);
            var existing = articles.findIdBySourceKey("demo:" + a.key());
            if (existing.isPresent()) {
                ids.put(a.key(), existing.get());
                continue;
            }
            Map<String, Long> mediaIds = storeMedia(a);
            ids.put(a.key(), articles.create(new NewArticle("demo:" + a.key(), edition,
                    require(sections, edition + "/" + a.section()), a.headline(), a.slug(), a.lead(), a.dateline(),
                    BodyJson.fromTree(withMediaIds(a.body(), mediaIds)),
                    a.mainImage() == null ? null : require(mediaIds, a.mainImage()),
                    a.authors().stream().map(k -> require(people, edition + "/" + k)).toList(),
                    a.topics().stream().map(k -> require(topics, edition + "/" + k)).toList(),
                    ArticleStatus.valueOf(a.status().toUpperCase(Locale.ROOT)), Instant.parse(a.publishedAt()),
                    a.updatedAt() == null ? null : Instant.parse(a.updatedAt()), copyright.get(edition))));
            added++;
        }
        if (added > 0) {
            byKey.forEach((key, a) -> articles.setRelated(ids.get(key),
                    a.related() == null ? List.of() : a.related().stream().map(k -> require(ids, k)).toList()));
            topStories.forEach((edition, keys) -> articles.setTopStories(edition,
                    keys.stream().map(k -> require(ids, k)).toList()));
            // Language versions of one story: each linked to the first of its group.
            for (List<String> story : catalog.translations() == null ? List.<List<String>>of() : catalog.translations()) {
                for (String key : story.subList(1, story.size())) {
                    translations.link(require(ids, story.getFirst()), require(ids, key));
                }
            }
            log.info("Loaded {} demo articles", added);
        }
        return added;
    }

    private Map<String, Long> storeMedia(DemoArticle article) {
        Map<String, Long> ids = new HashMap<>();
        if (article.media() == null) {
            return ids;
        }
        for (DemoMedia m : article.media()) {
            String sourceKey = "demo:" + article.key() + "/" + m.key();
            long id = media.findIdBySourceKey(sourceKey).orElseGet(() -> switch (m.kind()) {
                // Through the upload checks like any photo: re-encoded, with renditions for srcset.
                case "image" -> uploads.acceptImage(DemoPictures.jpeg(m.scene(), m.seed()), m.alt(), m.caption(),
                        m.credit(), sourceKey).id();
                case "video" -> {
                    long poster = uploads.acceptPoster(DemoPictures.jpeg(m.poster().scene(), m.poster().seed()),
                            sourceKey + "/poster").id();
                    String language = article.key().substring(0, article.key().indexOf('/'));
                    yield media.create(NewMedia.video(sourceKey, file(m.file()), m.title(), m.durationSeconds(),
                            poster, m.captions() == null ? null : file(m.captions()),
                            m.captions() == null ? null : captionLanguage(language)));
                }
                default -> throw new IllegalArgumentException("unknown demo media kind: " + m.kind());
            });
            // The story's edition owns its media (docs/media.md), as an upload from that edition would.
            media.assignOwner(id, article.key().substring(0, article.key().indexOf('/')), null);
            ids.put(m.key(), id);
        }
        return ids;
    }

    private StoredFile file(String name) {
        try (InputStream in = resolver().getResource("classpath:demo/media/" + name).getInputStream()) {
            return media.storeFile(in.readAllBytes(), name.substring(name.lastIndexOf('.') + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("demo media file missing: " + name, e);
        }
    }

    private String captionLanguage(String editionCode) {
        return editions.find(editionCode).map(Edition::languageTag).orElse(editionCode);
    }

    /** Replaces the media keys of image and video blocks with the ids the media got. */
    private static List<Object> withMediaIds(List<Map<String, Object>> body, Map<String, Long> mediaIds) {
        List<Object> result = new ArrayList<>();
        for (Map<String, Object> block : body) {
            Map<String, Object> copy = new LinkedHashMap<>(block);
            if (copy.get("media") instanceof String key) {
                copy.put("media", require(mediaIds, key));
            }
            result.add(copy);
        }
        return result;
    }

    private static long require(Map<String, Long> ids, String key) {
        Long id = ids.get(key);
        if (id == null) {
            throw new IllegalStateException("demo content refers to unknown key: " + key);
        }
        return id;
    }

    private static List<Resource> articleFiles() {
        try {
            Resource[] files = resolver().getResources("classpath*:demo/articles/*/*.json");
            return Arrays.stream(files).sorted(Comparator.comparing(DemoContent::sortKey)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sortKey(Resource resource) {
        try {
            return resource.getURI().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String location, Class<T> type) {
        return read(resolver().getResource(location), type);
    }

    private static <T> T read(Resource resource, Class<T> type) {
        try (InputStream in = resource.getInputStream()) {
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo file " + resource, e);
        }
    }

    private static PathMatchingResourcePatternResolver resolver() {
        return new PathMatchingResourcePatternResolver(DemoContent.class.getClassLoader());
    }

    /** @param translations groups of article keys that are language versions of one story */
    record Catalog(List<CatalogEdition> editions, List<List<String>> translations) {
    }

    record CatalogEdition(String code, String locale, String name, String siteName, String direction,
            String timeZone, boolean isDefault, int position, List<Named> sections, List<Named> topics,
            List<CatalogPerson> people, List<String> topStories, String copyrightHolder, String calendar,
            String derivedFrom) {
    }

    record Named(String slug, String name) {
    }

    record CatalogPerson(String key, String name, String latinName, String description) {
    }

    record DemoArticle(String key, String section, List<String> topics, String headline, String slug, String lead,
            String dateline, List<String> authors, String publishedAt, String updatedAt, String status,
            String mainImage, List<String> related, List<DemoMedia> media, List<Map<String, Object>> body) {
    }

    record DemoMedia(String key, String kind, String scene, Long seed, String alt, String caption, String credit,
            String file, Integer durationSeconds, Poster poster, String title, String captions) {
    }

    record Poster(String scene, long seed) {
    }
}
