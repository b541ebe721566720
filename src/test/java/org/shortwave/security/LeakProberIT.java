package org.shortwave.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.Multipart;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.ApiTokens;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.NewsroomArticles;
import org.shortwave.content.Taxonomy;
import org.shortwave.distribution.MirrorExport;
import org.shortwave.media.TestFiles;
import org.shortwave.editorial.EditorialWorkflow;
import org.shortwave.platform.Refusal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The leak prober. Stories in every state readers must not see (draft, in review, scheduled, embargoed,
 * unpublished, deleted) carry a unique marker in every field and in their photo's texts; then thousands of
 * randomized requests go to every public route Spring knows (read from its route table, so a route added later is
 * probed too), to their media files and to the static mirror export. No marker may appear anywhere: not in a page,
 * a feed, a sitemap, an API answer, search, structured data or a redirect.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeakProberIT extends AppTestBase {

    private static final int PROBES = 10_000;
    private static final String PASSWORD = "harbour lights at dusk";

    enum Hidden { DRAFT, IN_REVIEW, SCHEDULED, EMBARGOED, UNPUBLISHED, DELETED }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    EditorialWorkflow workflow;

    @Autowired
    NewsroomArticles articles;

    @Autowired
    Taxonomy taxonomy;

    @Autowired
    MirrorExport mirror;

    private final Map<String, Hidden> markers = new HashMap<>();
    private final List<Long> hiddenIds = new ArrayList<>();
    private final List<String> hiddenPaths = new ArrayList<>();
    private final List<String> mediaPaths = new ArrayList<>();
    private final Random random = new Random(20261126);
    private Pattern anyMarker;
    private long section;

    @BeforeAll
    void hiddenStories() {
        Account editor = accounts.create(null, "prober-" + UUID.randomUUID() + "@example.org", "Prober", PASSWORD,
                false);
        accounts.grant(null, editor.id(), "zh-hans", Role.EDITOR);
        accounts.grant(null, editor.id(), "en", Role.EDITOR);
        Account user = accounts.find(editor.id()).orElseThrow();
        String token = tokens.create(user, "prober");
        section = taxonomy.sections("zh-hans").getFirst().id();

        for (String edition : List.of("zh-hans", "en")) {
            long editionSection = taxonomy.sections(edition).getFirst().id();
            for (Hidden state : Hidden.values()) {
                String marker = "qzleak" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
                markers.put(marker, state);
                long photo = upload(token, marker);
                long id = workflow.create(user, content(edition, editionSection, marker, photo, "story-" + marker));
                int version = articles.find(id).orElseThrow().version();
                switch (state) {
                    case DRAFT -> { }
                    case IN_REVIEW -> workflow.submit(user, id, version);
                    case SCHEDULED -> workflow.publish(user, id, version, NOW.plus(Duration.ofDays(1)), null);
                    case EMBARGOED -> workflow.publish(user, id, version, null, NOW.plus(Duration.ofDays(1)));
                    case UNPUBLISHED -> {
                        // Public for a while (readers, caches and the index saw it), renamed, then taken down.
                        int published = workflow.publish(user, id, version, null, null);
                        String visible = get("/" + edition + "/story-" + marker + "/a-" + id).body();
                        assertThat(visible).as("the story was public before").contains(marker);
                        int renamed = workflow.save(user, id, published,
                                content(edition, editionSection, marker, photo, "renamed-" + marker));
                        workflow.unpublish(user, id, renamed);
                    }
                    case DELETED -> jdbc.sql("update article set deleted_at = now() where id = ?").param(id).update();
                }
                hiddenIds.add(id);
                hiddenPaths.add("/" + edition + "/story-" + marker + "/a-" + id);
                hiddenPaths.add("/" + edition + "/renamed-" + marker + "/a-" + id);
                hiddenPaths.add("/" + edition + "/a-" + id);
            }
        }
        anyMarker = Pattern.compile(String.join("|", markers.keySet()), Pattern.CASE_INSENSITIVE);
        for (long id : hiddenIds) {
            // Hidden stories' media: every file of their photo, as stored.
            mediaPaths.addAll(jdbc.sql("""
                    select m.file_path from media m join article a on a.main_image_id = m.id where a.id = ?
                    union select r.file_path from media_rendition r join article a on a.main_image_id = r.media_id
                    where a.id = ?""").params(id, id).query(String.class).list().stream()
                    .map(path -> "/media/" + path).toList());
        }
        referenceTricks();
    }

    /**
     * An editor of en only first tries every reference trick on zh-hans's hidden stories (issue 15): their photos
     * as her main image and in her body, then publishing her story; each hidden story as her translation partner;
     * zh-hans's section and topic for her story. Every one is refused, so the prober must still find nothing.
     */
    private void referenceTricks() {
        Account en = accounts.create(null, "trickster-" + UUID.randomUUID() + "@example.org", "Trickster", PASSWORD,
                false);
        accounts.grant(null, en.id(), "en", Role.EDITOR);
        Account editor = accounts.find(en.id()).orElseThrow();
        long enSection = taxonomy.sections("en").getFirst().id();
        int tricks = 0;
        List<Long> zhHidden = jdbc.sql("select id from article where edition_code = 'zh-hans' and id = any(?)")
                .param(hiddenIds.toArray(Long[]::new)).query(Long.class).list();
        for (long hidden : zhHidden) {
            long photo = jdbc.sql("select main_image_id from article where id = ?").param(hidden).query(Long.class)
                    .single();
            String slug = "borrowed-" + UUID.randomUUID().toString().substring(0, 8);
            assertThatThrownBy(() -> workflow.create(editor, borrowed(enSection, slug, photo, List.of(), List.of())))
                    .isInstanceOf(Refusal.class);
            long own = workflow.create(editor, borrowed(enSection, slug, null, List.of(), List.of()));
            assertThatThrownBy(() -> workflow.save(editor, own, 1, borrowed(enSection, slug, null, List.of(),
                    List.of(new Block.Image(photo, null, null))))).isInstanceOf(Refusal.class);
            assertThatThrownBy(() -> workflow.save(editor, own, 1, borrowed(enSection, slug, photo, List.of(),
                    List.of()))).isInstanceOf(Refusal.class);
            workflow.publish(editor, own, 1, null, null); // her story goes public, with none of theirs
            assertThatThrownBy(() -> workflow.linkTranslation(editor, own, hidden)).isInstanceOf(Refusal.class);
            tricks += 4;
        }
        long zhSection = taxonomy.sections("zh-hans").getFirst().id();
        long zhTopic = taxonomy.topics("zh-hans").getFirst().id();
        String slug = "borrowed-" + UUID.randomUUID().toString().substring(0, 8);
        assertThatThrownBy(() -> workflow.create(editor, borrowed(zhSection, slug, null, List.of(), List.of())))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> workflow.create(editor, borrowed(enSection, slug, null, List.of(zhTopic),
                List.of()))).isInstanceOf(Refusal.class);
        tricks += 2;
        System.out.printf("Leak prober: %d reference tricks by an en editor on zh-hans's hidden stories, all refused%n",
                tricks);
    }

    private static ArticleContent borrowed(long section, String slug, Long mainImage, List<Long> topics,
            List<Block> more) {
        List<Block> body = new ArrayList<>(List.of(new Block.Paragraph(InlineHtml.sanitize("My own words."))));
        body.addAll(more);
        return new ArticleContent("en", section, "Borrowed pictures", slug, "", "", body, mainImage, List.of(),
                topics, "Shortwave");
    }

    private ArticleContent content(String edition, long sectionId, String marker, long photo, String slug) {
        return new ArticleContent(edition, sectionId, "Headline " + marker + " 标题", slug, "Lead " + marker,
                "Dateline " + marker,
                List.of(new Block.Paragraph(InlineHtml.sanitize("Body " + marker + " <strong>" + marker + "</strong>")),
                        new Block.Heading("Heading " + marker, 2),
                        new Block.Quote("Quote " + marker, "Speaker " + marker),
                        new Block.Image(photo, "Caption " + marker, "Credit " + marker),
                        new Block.ListBlock(false, List.of(InlineHtml.sanitize("Item " + marker)))),
                photo, List.of(), List.of(), "Holder " + marker);
    }

    private long upload(String token, String marker) {
        HttpResponse<String> response = send(new Multipart().field("alt", "Alt " + marker)
                .field("caption", "Caption " + marker).field("credit", "Credit " + marker)
                .file("file", marker + ".jpg", "image/jpeg", TestFiles.uniqueJpeg(400, 300)) // a file of its own
                .post(uri("/api/admin/v1/media")).header("Authorization", "Bearer " + token).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(response.body());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }


    @Test
    void noHiddenStoryLeaksThroughAnyPublicRoute() {
        List<String> patterns = PublicRoutes.of(routes);
        Map<String, Integer> sentPerRoute = new TreeMap<>();
        List<String> leaks = new ArrayList<>();
        int sent = 0;
        for (String path : hiddenPaths) {
            sent += probe(path, leaks);
        }
        for (String path : mediaPaths) {
            HttpResponse<String> response = get(path);
            sent++;
            if (response.statusCode() != 404) {
                leaks.add("media of a hidden story answered " + response.statusCode() + ": " + path);
            }
        }
        while (sent < PROBES) {
            String pattern = patterns.get(sent % patterns.size());
            sent += probe(fill(pattern), leaks);
            sentPerRoute.merge(pattern, 1, Integer::sum);
        }
        System.out.printf("Leak prober: %d public routes, %d probes sent, %d markers in %d hidden stories, "
                + "%d leaks found%n", patterns.size(), sent, markers.size(), hiddenIds.size(), leaks.size());
        assertThat(leaks).isEmpty();
        assertThat(sentPerRoute.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(100));
    }

    @Test
    void theMirrorExportHoldsNoHiddenStory() throws IOException {
        Path out = Files.createTempDirectory("mirror-probe");
        mirror.export(out, null);
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.toString();
                String text = name.endsWith(".html") || name.endsWith(".xml") || name.endsWith(".json")
                        || name.endsWith(".txt") || name.endsWith(".vtt") || name.endsWith(".css")
                        ? Files.readString(file) : "";
                Matcher found = anyMarker.matcher(name + "\n" + text);
                if (found.find()) {
                    leaks.add(out.relativize(file) + " holds " + found.group() + " ("
                            + markers.get(found.group().toLowerCase(Locale.ROOT)) + ")");
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /**
     * Sends one GET and records any marker in its answer (body, redirect, links). A marker the request itself
     * carries (a search for it) may be echoed back, in the search box say: that is a leak only if it shows more often
     * than a marker nobody used does in the answer to the same request. Returns the requests sent.
     */
    private int probe(String path, List<String> leaks) {
        HttpResponse<String> response = get(path);
        String seen = seen(response);
        Matcher found = anyMarker.matcher(seen);
        Set<String> shown = new TreeSet<>();
        while (found.find()) {
            shown.add(found.group().toLowerCase(Locale.ROOT));
        }
        int sent = 1;
        for (String marker : shown) {
            if (path.contains(marker)) {
                String control = path.replace(marker, CONTROL);
                int echoes = count(seen(get(control)), CONTROL);
                sent++;
                if (count(seen, marker) <= echoes) {
                    continue;
                }
            }
            leaks.add(path + " (" + response.statusCode() + ") shows " + marker + " of a " + markers.get(marker)
                    + " story");
        }
        return sent;
    }

    /** A marker of the same shape that no story carries. */
    private static final String CONTROL = "qzleakc0ntr0l000";

    private static String seen(HttpResponse<String> response) {
        return (response.headers().map() + "\n" + response.body()).toLowerCase(Locale.ROOT);
    }

    private static int count(String text, String marker) {
        int count = 0;
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
            count++;
        }
        return count;
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)(?::[^{}]*(?:\\{[^}]*}[^{}]*)*)?}|/\\*\\*");

    /**
     * A request for a route: each variable filled with a value a prober would try (the hidden stories' ids and
     * slugs among others), and query parameters that search, filter or page. A variable with no generator here
     * fails the test: extend this method when adding a route.
     */
    private String fill(String pattern) {
        Matcher variable = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1) == null ? "**" : variable.group(1);
            String value = switch (name) {
                case "edition", "code" -> pick("zh-hans", "en", "zh-hant", "xx");
                case "id" -> String.valueOf(pickId());
                case "slug" -> pick("story-" + pickMarker(), "renamed-" + pickMarker(), "news", "x");
                case "page" -> String.valueOf(1 + random.nextInt(3));
                case "format" -> pick("rss", "atom", "json");
                case "dir" -> mediaFile()[0];
                case "name" -> mediaFile()[1];
                case "**" -> "/" + pick("articles", "articles/" + pickId(), "editions", "search", "x");
                default -> throw new AssertionError("no generator for {" + name + "} in " + pattern
                        + ": add one to LeakProberIT.fill, so the new route is probed");
            };
            variable.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variable.appendTail(path);
        String query = switch (random.nextInt(4)) {
            case 0 -> "?q=" + URLEncoder.encode(pickMarker(), StandardCharsets.UTF_8);
            case 1 -> "?q=" + URLEncoder.encode("Headline " + pickMarker(), StandardCharsets.UTF_8)
                    + "&edition=" + pick("zh-hans", "en") + "&section=" + section;
            case 2 -> "?edition=" + pick("zh-hans", "en") + "&page=" + (1 + random.nextInt(3)) + "&a=" + pickId();
            default -> "";
        };
        return path + query;
    }

    /** The folder and name of a hidden story's media file (the prober knows them; readers may have guessed). */
    private String[] mediaFile() {
        String path = mediaPaths.get(random.nextInt(mediaPaths.size()));
        String[] parts = path.split("/");
        return new String[] {parts[parts.length - 2], parts[parts.length - 1]};
    }

    private long pickId() {
        return random.nextInt(4) == 0 ? 1 + random.nextInt(2_000) : hiddenIds.get(random.nextInt(hiddenIds.size()));
    }

    private String pickMarker() {
        List<String> all = List.copyOf(markers.keySet());
        return all.get(random.nextInt(all.size()));
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }
}
