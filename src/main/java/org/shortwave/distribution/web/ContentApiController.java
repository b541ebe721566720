package org.shortwave.distribution.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shortwave.content.Article;
import org.shortwave.content.ArticleTeaser;
import org.shortwave.content.BodyJson;
import org.shortwave.content.PublishedArticles;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Topic;
import org.shortwave.distribution.PublicListings;
import org.shortwave.distribution.internal.DistributionRepository.ArticleFilter;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.media.MediaItem;
import org.shortwave.media.MediaLibrary;
import org.shortwave.platform.PublicUrl;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.shortwave.cache.PageCaching;
import org.shortwave.cache.PageKind;
import org.shortwave.site.caching.SurrogateKeys;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public, read-only content delivery API, {@code /api/v1/...}: editions, sections, topics, and visible
 * articles only. Parameters are taken as text and checked here, so every bad one gets a 400 naming it.
 */
@RestController
@RequestMapping(path = "/api/v1")
class ContentApiController {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    /** Deep paging is refused past this many items; clients narrow by edition, section or topic instead. */
    static final int MAX_OFFSET = 10_000;

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Editions editions;
    private final Taxonomy taxonomy;
    private final PublishedArticles articles;
    private final PublicListings listings;
    private final MediaLibrary media;
    private final PublicUrl publicUrl;

    ContentApiController(Editions editions, Taxonomy taxonomy, PublishedArticles articles, PublicListings listings,
            MediaLibrary media, PublicUrl publicUrl) {
        this.editions = editions;
        this.taxonomy = taxonomy;
        this.articles = articles;
        this.listings = listings;
        this.media = media;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/openapi.json")
    ResponseEntity<String> openApi() throws IOException {
        try (InputStream in = new ClassPathResource("distribution/openapi.json").getInputStream()) {
            return ok(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @GetMapping("/editions")
    ResponseEntity<ApiViews.Listing<ApiViews.EditionView>> editions() {
        return ok(new ApiViews.Listing<>(editions.all().stream().map(this::edition).toList()));
    }

    @GetMapping("/editions/{code}")
    ResponseEntity<ApiViews.EditionView> edition(@PathVariable String code) {
        return ok(edition(findEdition(code, "code")));
    }

    @GetMapping("/editions/{code}/sections")
    ResponseEntity<ApiViews.Listing<ApiViews.SectionView>> sections(@PathVariable String code) {
        Edition edition = findEdition(code, "code");
        return ok(new ApiViews.Listing<>(taxonomy.sections(edition.code()).stream().map(this::section).toList()));
    }

    @GetMapping("/editions/{code}/topics")
    ResponseEntity<ApiViews.Listing<ApiViews.TopicView>> topics(@PathVariable String code) {
        Edition edition = findEdition(code, "code");
        return ok(new ApiViews.Listing<>(listings.topics(edition.code()).stream().map(this::topic).toList()));
    }

    @GetMapping("/articles")
    ResponseEntity<ApiViews.Page<ApiViews.TeaserView>> articles(@RequestParam(required = false) String edition,
            @RequestParam(required = false) String section, @RequestParam(required = false) String topic,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        int pageNumber = number(page, "page", 1, 1, Integer.MAX_VALUE);
        int pageSize = number(size, "size", DEFAULT_SIZE, 1, MAX_SIZE);
        if ((long) (pageNumber - 1) * pageSize >= MAX_OFFSET) {
            throw ApiException.badRequest("paging is limited to the first " + MAX_OFFSET
                    + " articles; filter by edition, section or topic", "page");
        }
        Edition found = edition == null ? null : findEdition(edition, "edition");
        Long sectionId = null;
        Long topicId = null;
        if (section != null || topic != null) {
            if (found == null) {
                throw ApiException.badRequest("filtering by section or topic needs 'edition'", "edition");
            }
            if (section != null) {
                sectionId = id(section, "section");
                taxonomy.section(found.code(), sectionId)
                        .orElseThrow(() -> ApiException.notFound("no such section in this edition", "section"));
            }
            if (topic != null) {
                topicId = id(topic, "topic");
                taxonomy.topic(found.code(), topicId)
                        .orElseThrow(() -> ApiException.notFound("no such topic in this edition", "topic"));
            }
        }
        ArticleFilter filter = new ArticleFilter(found == null ? null : found.code(), sectionId, topicId);
        // Which lists a publish changes: the edition's (or every edition's), the section's, the topic's.
        if (found != null) {
            PageCaching.addKeys(List.of(SurrogateKeys.edition(found.code())));
        } else {
            editions.all().forEach(e -> PageCaching.addKeys(List.of(SurrogateKeys.edition(e.code()))));
        }
        if (sectionId != null) {
            PageCaching.addKeys(List.of(SurrogateKeys.section(sectionId)));
        }
        if (topicId != null) {
            PageCaching.addKeys(List.of(SurrogateKeys.topic(topicId)));
        }
        long total = listings.countArticles(filter);
        List<ApiViews.TeaserView> items = listings.articles(filter, (pageNumber - 1) * pageSize, pageSize).stream()
                .map(this::teaser).toList();
        items.forEach(t -> PageCaching.addKeys(List.of(SurrogateKeys.article(t.id()))));
        int pages = (int) ((total + pageSize - 1) / pageSize);
        String next = null;
        if (pageNumber < pages && (long) pageNumber * pageSize < MAX_OFFSET) {
            next = "/api/v1/articles?" + (found == null ? "" : "edition=" + found.code() + "&")
                    + (sectionId == null ? "" : "section=" + sectionId + "&")
                    + (topicId == null ? "" : "topic=" + topicId + "&")
                    + "page=" + (pageNumber + 1) + "&size=" + pageSize;
        }
        return ok(new ApiViews.Page<>(items, pageNumber, pageSize, total, pages, next));
    }

    @GetMapping("/articles/{id}")
    ResponseEntity<ApiViews.ArticleView> article(@PathVariable String id) {
        // Marked first, so that the 404 for this id is cached too, and evicted when the article is published.
        Paths.id(id).ifPresent(i -> PageCaching.mark(PageKind.API, SurrogateKeys.API, SurrogateKeys.article(i)));
        Article article = articles.find(id(id, "id")).orElseThrow(() -> ApiException.notFound("no such article", "id"));
        Edition edition = findEdition(article.editionCode(), "id");
        Set<Long> mediaIds = new HashSet<>(article.mediaIds());
        Map<String, ApiViews.MediaView> mediaViews = new LinkedHashMap<>();
        media.findWithPosters(mediaIds).values().stream()
                .sorted(java.util.Comparator.comparingLong(MediaItem::id))
                .forEach(m -> mediaViews.put(String.valueOf(m.id()), media(m)));
        JsonNode body = JSON.readTree(BodyJson.write(article.body()));
        return ok(new ApiViews.ArticleView(article.id(), article.editionCode(), section(article.section()),
                article.slug(), article.headline(), article.lead(), article.dateline(),
                iso(article.publishedAt(), edition), iso(article.wasUpdated() ? article.updatedAt() : article.publishedAt(), edition),
                publicUrl.of(article.path()),
                article.authors().stream().map(p -> new ApiViews.PersonView(p.id(), p.name(), p.latinName())).toList(),
                article.topics().stream().map(this::topic).toList(), article.mainImageId(), body, mediaViews,
                article.copyrightHolder()));
    }

    /** Anything else under /api/v1 is a JSON 404, not the site's HTML page. */
    @GetMapping("/**")
    ResponseEntity<ApiError> unknown() {
        throw ApiException.notFound("no such resource", null);
    }

    /** The API is read-only: any other method on any API path is a JSON 405. */
    @RequestMapping(path = "/**", method = {RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
            RequestMethod.DELETE})
    ResponseEntity<ApiError> readOnly() {
        throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "the content API is read-only", null);
    }

    private Edition findEdition(String code, String field) {
        return editions.find(code).orElseThrow(() -> ApiException.notFound("no such edition", field));
    }

    private static long id(String text, String field) {
        return Paths.id(text).orElseThrow(() -> ApiException.badRequest("'" + field + "' must be a positive id", field));
    }

    private static int number(String text, String field, int fallback, int min, int max) {
        if (text == null) {
            return fallback;
        }
        if (!text.matches("[0-9]{1,9}")) {
            throw ApiException.badRequest("'" + field + "' must be a whole number", field);
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw ApiException.badRequest("'" + field + "' must be between " + min + " and " + max, field);
        }
        return value;
    }

    private ApiViews.EditionView edition(Edition e) {
        return new ApiViews.EditionView(e.code(), e.languageTag(), e.name(), e.siteName(), e.direction(),
                e.timeZone().getId(), e.isDefault(), publicUrl.of(e.homePath()));
    }

    private ApiViews.SectionView section(Section s) {
        return new ApiViews.SectionView(s.id(), s.editionCode(), s.slug(), s.name(), publicUrl.of(s.path()));
    }

    private ApiViews.TopicView topic(Topic t) {
        return new ApiViews.TopicView(t.id(), t.editionCode(), t.slug(), t.name(), publicUrl.of(t.path()));
    }

    private ApiViews.TeaserView teaser(ArticleTeaser t) {
        Edition edition = editions.find(t.editionCode()).orElseThrow();
        return new ApiViews.TeaserView(t.id(), t.editionCode(), t.slug(), t.headline(), t.lead(),
                iso(t.publishedAt(), edition), publicUrl.of(t.path()), "/api/v1/articles/" + t.id(), t.imageId());
    }

    private ApiViews.MediaView media(MediaItem m) {
        return new ApiViews.MediaView(m.id(), m.kind(), publicUrl.of(m.url()), m.contentType(), m.byteSize(), m.width(),
                m.height(), m.altText(), m.caption(), m.credit(), m.title(), m.durationSeconds(), m.posterId(),
                m.captionsUrl() == null ? null : publicUrl.of(m.captionsUrl()), m.captionsLang());
    }

    private static String iso(java.time.Instant instant, Edition edition) {
        return instant.atZone(edition.timeZone()).toOffsetDateTime()
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static <T> ResponseEntity<T> ok(T body) {
        PageCaching.mark(PageKind.API, SurrogateKeys.API);
        return ResponseEntity.status(HttpStatus.OK).contentType(MediaType.APPLICATION_JSON).cacheControl(CACHE)
                .body(body);
    }
}
