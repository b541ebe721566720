package org.shortwave.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shortwave.content.ArticleFixtures.anArticle;

import com.aayushatharva.brotli4j.decoder.Decoder;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.Await;
import org.shortwave.accounts.Accounts;
import org.shortwave.site.caching.PageCacheInvalidation;
import org.shortwave.analytics.PageViews;
import org.shortwave.content.ArticleChanges;
import org.shortwave.content.ArticleNote;
import org.shortwave.content.ArticleStore;
import org.shortwave.content.ChangeKind;
import org.shortwave.content.ChangeLog;
import org.shortwave.content.NewsroomArticles;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Topic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The page cache over real HTTP: misses and hits, encodings, ETags and 304, the headers of each page kind, every
 * kind of change evicting exactly the pages that show it, and nothing personal ever stored or served from the store.
 * Changes made through the change log reach the cache at commit on this node; these tests never sleep.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageCacheIT extends AppTestBase {

    static final String READER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

    @Autowired
    ArticleStore store;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    ChangeLog changeLog;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    NewsroomArticles newsroom;
    @Autowired
    PageViews views;
    @Autowired
    PageCacheInvalidation invalidation;
    @Autowired
    PageCache cache;
    @Autowired
    Accounts accounts;

    ArticleChanges changes;
    Section section;
    Topic topic;

    @BeforeAll
    void setUp() {
        changes = new ArticleChanges(jdbc, changeLog, transactions);
        section = taxonomy.section("en", taxonomy.ensureSection("en", "page-cache-tests", "Page cache", 97)).orElseThrow();
        topic = taxonomy.topic("en", taxonomy.ensureTopic("en", "page-cache-topic", "Cache topic")).orElseThrow();
    }

    private long story(String headline) {
        return store.create(anArticle().in(section).withTopic(topic).headline(headline)
                .publishedAt(NOW.minusSeconds(60)).build());
    }

    private String path(long id) {
        return articlePath(id);
    }

    HttpResponse<byte[]> fetch(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return fetch(http, request.build());
    }

    static HttpResponse<byte[]> fetch(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body as text, decoded from whatever encoding was sent. */
    static String text(HttpResponse<byte[]> response) {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
        byte[] body = switch (encoding) {
            case "gzip" -> Compression.gunzip(response.body());
            case "br" -> {
                try {
                    yield Decoder.decompress(response.body()).getDecompressedData();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            default -> response.body();
        };
        return new String(body, StandardCharsets.UTF_8);
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /**
     * Fetches until the page is served from the store. Changes other tests made may still be on their way through the
     * change feed and evict it meanwhile, so this waits (bounded) rather than trying a fixed number of times.
     */
    HttpResponse<byte[]> hit(String path, String... headers) {
        var last = new AtomicReference<HttpResponse<byte[]>>();
        Await.until(() -> {
            last.set(fetch(path, headers));
            return "hit".equals(header(last.get(), "X-Cache"));
        }, path + " served from the page cache");
        return last.get();
    }

    @Test
    void aPageIsRenderedOnceThenServedFromTheStoreWithTheSameHeadersAndBytes() {
        long id = story("Cache first visit");
        String path = path(id);

        HttpResponse<byte[]> miss = fetch(path, "Accept-Encoding", "gzip");
        assertThat(miss.statusCode()).isEqualTo(200);
        assertThat(header(miss, "X-Cache")).isEqualTo("miss");
        HttpResponse<byte[]> hit = hit(path, "Accept-Encoding", "gzip");

        assertThat(text(hit)).isEqualTo(text(miss)).contains("Cache first visit");
        for (String name : List.of("Content-Type", "Content-Language", "Cache-Control", "Surrogate-Key", "ETag", "Vary",
                "Content-Encoding", "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                "X-Frame-Options")) {
            assertThat(header(hit, name)).as(name).isNotNull().isEqualTo(header(miss, name));
        }
        assertThat(header(hit, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(hit, "Vary")).isEqualTo("Accept-Encoding");
        assertThat(header(hit, "Content-Language")).isEqualTo("en-GB");
        assertThat(header(hit, "Cache-Control"))
                .isEqualTo("public, max-age=60, s-maxage=60, stale-while-revalidate=60, stale-if-error=86400");
        assertThat(header(hit, "Surrogate-Key").split(" ")).contains("a" + id, "e:en", "top:en");
        assertThat(hit.headers().allValues("Set-Cookie")).isEmpty();
    }

    /**
     * Hits are answered before the servlet filters (PageCacheValve): they must still carry every header the filters
     * give a rendered answer, a request id of their own (or the one a proxy sent), and HSTS only over HTTPS.
     */
    @Test
    void aHitAnsweredBeforeTheFiltersCarriesEverythingARenderedAnswerDoes() {
        String path = path(story("Cache hit headers"));
        HttpResponse<byte[]> miss = fetch(path, "Accept-Encoding", "gzip", "X-Forwarded-Proto", "https");
        assertThat(header(miss, "X-Cache")).isEqualTo("miss");
        HttpResponse<byte[]> hit = hit(path, "Accept-Encoding", "gzip", "X-Forwarded-Proto", "https");

        var withoutPerRequest = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        withoutPerRequest.addAll(miss.headers().map().keySet());
        // Connection is hop-by-hop: the server says close when a kept-alive connection has served its share.
        withoutPerRequest.removeAll(List.of("date", "x-cache", "connection"));
        var hitNames = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        hitNames.addAll(hit.headers().map().keySet());
        hitNames.removeAll(List.of("date", "x-cache", "connection"));
        assertThat(hitNames).containsExactlyElementsOf(withoutPerRequest);
        assertThat(header(hit, "Strict-Transport-Security")).isEqualTo(header(miss, "Strict-Transport-Security"))
                .startsWith("max-age=");
        assertThat(header(hit, "X-Request-Id")).matches("[0-9a-f-]{36}").isNotEqualTo(header(miss, "X-Request-Id"));

        HttpResponse<byte[]> plain = hit(path, "Accept-Encoding", "gzip", "X-Request-Id", "varnish-1234567");
        assertThat(header(plain, "Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();
        assertThat(header(plain, "X-Request-Id")).isEqualTo("varnish-1234567");
        assertThat(header(hit(path, "X-Request-Id", "<script>"), "X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void everyEncodingCarriesTheSamePageUnderItsOwnStrongEtag() {
        String path = path(story("Cache encodings"));
        fetch(path);
        HttpResponse<byte[]> brotli = hit(path, "Accept-Encoding", "gzip, deflate, br");
        HttpResponse<byte[]> gzip = hit(path, "Accept-Encoding", "gzip, br;q=0");
        HttpResponse<byte[]> plain = hit(path);

        assertThat(header(brotli, "Content-Encoding")).isEqualTo("br");
        assertThat(header(gzip, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(plain, "Content-Encoding")).isNull();
        assertThat(text(brotli)).isEqualTo(text(gzip)).isEqualTo(text(plain));
        assertThat(brotli.body().length).isLessThan(plain.body().length / 2);
        assertThat(Integer.parseInt(header(plain, "Content-Length"))).isEqualTo(plain.body().length);

        String etag = header(plain, "ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"").doesNotStartWith("W/");
        assertThat(header(gzip, "ETag")).isEqualTo(etag.replace("\"", "").transform(e -> "\"" + e + "-gz\""));
        assertThat(header(brotli, "ETag")).isEqualTo(etag.replace("\"", "").transform(e -> "\"" + e + "-br\""));
    }

    @Test
    void aMatchingIfNoneMatchGets304WithTheCachingHeadersAndNoBody() {
        String path = path(story("Cache revalidation"));
        HttpResponse<byte[]> first = fetch(path, "Accept-Encoding", "gzip");
        String etag = header(first, "ETag");

        for (String validator : List.of(etag, "W/" + etag, "\"other\", " + etag, "*",
                etag.replace("-gz\"", "\""))) {
            HttpResponse<byte[]> again = fetch(path, "Accept-Encoding", "gzip", "If-None-Match", validator);
            assertThat(again.statusCode()).as(validator).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(header(again, "ETag")).isEqualTo(etag);
            assertThat(header(again, "Cache-Control")).isEqualTo(header(first, "Cache-Control"));
            assertThat(header(again, "Surrogate-Key")).isEqualTo(header(first, "Surrogate-Key"));
            assertThat(header(again, "Vary")).isEqualTo("Accept-Encoding");
        }
        for (String validator : List.of("\"stale\"", "garbage", "\"", "W/")) {
            assertThat(fetch(path, "If-None-Match", validator).statusCode()).as(validator).isEqualTo(200);
        }
    }

    @Test
    void eachPageKindHasItsCachingPolicyAndSurrogateKeys() {
        long id = story("Cache kinds");
        record Expected(String path, String cacheControl, List<String> keys) {
        }
        String shared = ", stale-if-error=86400";
        for (Expected expected : List.of(
                new Expected("/en/", "public, max-age=30, s-maxage=60, stale-while-revalidate=30" + shared,
                        List.of("e:en", "s" + section.id())),
                new Expected(section.path(), "public, max-age=60, s-maxage=60, stale-while-revalidate=60" + shared,
                        List.of("s" + section.id(), "a" + id)),
                new Expected(topic.path(), "public, max-age=60, s-maxage=60, stale-while-revalidate=60" + shared,
                        List.of("t" + topic.id(), "a" + id)),
                new Expected("/en/feed.atom", "public, max-age=300, s-maxage=300, stale-while-revalidate=60" + shared,
                        List.of("feed", "e:en")),
                new Expected(section.path() + "/feed.rss", "public, max-age=300, s-maxage=300, stale-while-revalidate=60"
                        + shared, List.of("feed", "s" + section.id(), "a" + id)),
                new Expected("/sitemap.xml", "public, max-age=300, s-maxage=300, stale-while-revalidate=300" + shared,
                        List.of("sitemap")),
                new Expected("/en/sitemap-news.xml", "public, max-age=300, s-maxage=300, stale-while-revalidate=300"
                        + shared, List.of("sitemap", "e:en")),
                new Expected("/api/v1/articles?edition=en&section=" + section.id(),
                        "public, max-age=60, s-maxage=60, stale-while-revalidate=30" + shared,
                        List.of("api", "e:en", "s" + section.id(), "a" + id)),
                new Expected("/api/v1/articles/" + id, "public, max-age=60, s-maxage=60, stale-while-revalidate=30"
                        + shared, List.of("api", "a" + id)))) {
            HttpResponse<byte[]> response = fetch(expected.path(), "Accept-Encoding", "gzip");
            assertThat(response.statusCode()).as(expected.path()).isEqualTo(200);
            assertThat(header(response, "Cache-Control")).as(expected.path()).isEqualTo(expected.cacheControl());
            assertThat(header(response, "Surrogate-Key").split(" ")).as(expected.path())
                    .containsAll(expected.keys());
            assertThat(header(response, "Vary")).as(expected.path()).isEqualTo("Accept-Encoding");
            assertThat(header(response, "ETag")).as(expected.path()).isNotNull();
        }
        // A missing article's 404 and a stale slug's 301 are kept too, under the article's key.
        HttpResponse<byte[]> missing = fetch("/en/nothing-here/a-987654321");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(header(missing, "Surrogate-Key")).isEqualTo("a987654321");
        assertThat(header(hit("/en/nothing-here/a-987654321"), "X-Cache")).isEqualTo("hit");
        HttpResponse<byte[]> moved = fetch("/en/old-slug/a-" + id);
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(header(hit("/en/old-slug/a-" + id), "Location")).isEqualTo(path(id));
    }

    @Test
    void theQueryStringIsPartOfTheKeyInAnyOrder() {
        story("Cache query order");
        String base = "/api/v1/articles?edition=en&section=" + section.id();
        hit(base + "&size=3");
        assertThat(header(fetch("/api/v1/articles?size=3&section=" + section.id() + "&edition=en"), "X-Cache"))
                .isEqualTo("hit");
        assertThat(text(fetch(base + "&size=2"))).doesNotContain("\"size\":3");
    }

    // ---- invalidation -----------------------------------------------------------------------------------------

    @Test
    void publishingEvictsTheListsTheStoryJoinsAndItsOwn404() {
        long id = store.create(anArticle().in(section).withTopic(topic).headline("Cache story to come").draft().build());
        List<String> pages = List.of(path(id), section.path(), topic.path(), "/en/", "/en/feed.rss",
                section.path() + "/feed.atom", "/sitemaps/articles-1.xml", "/api/v1/articles/" + id,
                "/api/v1/articles?edition=en&section=" + section.id());
        pages.forEach(this::fetch);
        assertThat(header(hit(section.path()), "X-Cache")).isEqualTo("hit");
        assertThat(hit(path(id)).statusCode()).isEqualTo(404);

        changes.publish(id, NOW);

        assertThat(fetch(path(id)).statusCode()).isEqualTo(200);
        for (String page : pages.subList(1, pages.size())) {
            HttpResponse<byte[]> response = fetch(page);
            assertThat(header(response, "X-Cache")).as(page).isEqualTo("miss");
            if (!page.equals("/en/")) {
                assertThat(text(response)).as(page).contains(page.contains("sitemap") ? "/a-" + id : "Cache story to come");
            }
        }
    }

    @Test
    void anEditEvictsEveryPageThatShowsTheStoryAndNoOther() {
        long id = story("Cache headline before");
        long other = story("Cache bystander");
        String otherTopic = "/en/page-cache-lone-topic/t-"
                + taxonomy.ensureTopic("en", "page-cache-lone-topic", "Lone topic");
        List<String> showing = List.of(path(id), section.path(), topic.path(), "/en/feed.rss", "/api/v1/articles/" + id);
        showing.forEach(this::hit);
        hit("/api/v1/articles/" + other);
        hit(otherTopic);

        changes.retitle(id, "Cache headline after");

        for (String page : showing) {
            HttpResponse<byte[]> response = fetch(page);
            assertThat(header(response, "X-Cache")).as(page).isEqualTo("miss");
            assertThat(text(response)).as(page).contains("Cache headline after").doesNotContain("Cache headline before");
        }
        assertThat(header(fetch("/api/v1/articles/" + other), "X-Cache")).as("a page that does not show it").isEqualTo("hit");
        assertThat(header(fetch(otherTopic), "X-Cache")).as("a list it is not in").isEqualTo("hit");
    }

    @Test
    void unpublishingTakesTheStoryOffItsPageListsFeedsSitemapsAndApi() {
        long id = story("Cache story withdrawn");
        List<String> pages = List.of(section.path(), topic.path(), "/en/", "/en/feed.json", "/sitemaps/articles-1.xml",
                "/en/sitemap-news.xml", "/api/v1/articles?edition=en&section=" + section.id());
        pages.forEach(this::hit);
        hit(path(id));

        changes.unpublish(id);

        assertThat(fetch(path(id)).statusCode()).isEqualTo(404);
        assertThat(fetch("/api/v1/articles/" + id).statusCode()).isEqualTo(404);
        for (String page : pages) {
            assertThat(text(fetch(page))).as(page).doesNotContain("Cache story withdrawn").doesNotContain("/a-" + id + "<");
        }
    }

    @Test
    void aCorrectionNoteAppearsAtOnce() {
        long id = story("Cache story corrected");
        hit(path(id));
        newsroom.addNote(id, ArticleNote.Kind.CORRECTION, "An earlier version gave the wrong frequency.", null);
        assertThat(text(fetch(path(id)))).contains("An earlier version gave the wrong frequency.");
    }

    @Test
    void aNewSlugTurnsTheOldAddressIntoARedirect() {
        long id = story("Cache story renamed");
        String old = path(id);
        hit(old);
        saved(id, "update article set slug = 'cache-story-new-name' where id = ?");

        HttpResponse<byte[]> response = fetch(old);
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(header(response, "Location")).isEqualTo("/en/cache-story-new-name/a-" + id);
        assertThat(fetch("/en/cache-story-new-name/a-" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void aNewMainPhotoAppearsOnThePageAndInTheLists() {
        long id = story("Cache story with new photo");
        long image = jdbc.sql("select id from media where kind = 'image' order by id limit 1").query(Long.class).single();
        hit(path(id));
        hit(section.path());
        saved(id, "update article set main_image_id = " + image + " where id = ?");

        assertThat(Jsoup.parse(text(fetch(path(id)))).select("main img")).isNotEmpty();
        assertThat(Jsoup.parse(text(fetch(section.path()))).select("img[src*=/media/]")).isNotEmpty();
    }

    @Test
    void aStoryListedAsRelatedIsUpdatedOnThePagesThatListIt() {
        long listed = story("Cache related before");
        long page = story("Cache page with related");
        store.setRelated(page, List.of(listed));
        assertThat(text(hit(path(page)))).contains("Cache related before");

        changes.retitle(listed, "Cache related after");
        assertThat(text(fetch(path(page)))).contains("Cache related after").doesNotContain("Cache related before");

        changes.unpublish(listed);
        assertThat(text(fetch(path(page)))).doesNotContain("Cache related after");
    }

    @Test
    void topStoriesFollowTheEditorsPinsAndTheMostRead() {
        long pinned = story("Cache pinned story");
        long reader = story("Cache page with top stories");
        long popular = story("Cache much read story");
        List<Long> demoPins = jdbc.sql("select article_id from top_story where edition_code = 'en' order by position")
                .query(Long.class).list();
        hit(path(reader));

        List<Long> pins = new java.util.ArrayList<>(demoPins);
        pins.addFirst(pinned);
        store.setTopStories("en", pins);
        assertThat(text(fetch(path(reader)))).contains("Cache pinned story");
        // The change feed's copies of this test's changes (the stories, the pins) evict the page again when they
        // arrive: let them all arrive before asking whether only the ranking evicts it.
        long latest = jdbc.sql("select max(seq) from change_log").query(Long.class).single();
        Await.until(() -> invalidation.appliedSeq() >= latest, "the page cache to act on this test's changes");

        invalidation.checkMostRead(); // the ranking as it is now
        assertThat(header(hit(path(reader)), "X-Cache")).isEqualTo("hit");
        invalidation.checkMostRead();
        assertThat(header(fetch(path(reader)), "X-Cache")).as("the ranking did not move").isEqualTo("hit");

        for (int i = 0; i < 40; i++) {
            views.record(popular, "192.0.2." + i, READER);
        }
        views.flush();
        invalidation.checkMostRead();
        HttpResponse<byte[]> after = fetch(path(reader));
        assertThat(header(after, "X-Cache")).isEqualTo("miss");
        assertThat(Jsoup.parse(text(after)).select("#top-stories").text()).contains("Cache much read story");
        store.setTopStories("en", demoPins); // the demo's pins, as other tests expect them
    }

    private void saved(long id, String sql) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql(sql).param(id).update();
            changeLog.record(ChangeKind.ARTICLE_SAVED, id, "en");
        });
    }

    // ---- never personal ------------------------------------------------------------------------------------------

    @Test
    void requestsWithCredentialsAreNeitherServedFromTheStoreNorStored() {
        String path = path(story("Cache private visit"));
        HttpResponse<byte[]> withCookie = fetch(path, "Cookie", "JSESSIONID=0123456789ABCDEF");
        assertThat(header(withCookie, "X-Cache")).isEqualTo("pass");
        assertThat(header(fetch(path, "Authorization", "Bearer sw_not_a_token"), "X-Cache")).isEqualTo("pass");
        assertThat(header(fetch(path), "X-Cache")).as("nothing was stored for them").isEqualTo("miss");
        assertThat(header(fetch(path, "Cookie", "JSESSIONID=0123456789ABCDEF"), "X-Cache"))
                .as("a stored page is not served to them either").isEqualTo("pass");
    }

    @Test
    void anEditorsSessionPreviewAndNewsroomAreNeverCached() throws Exception {
        long id = store.create(anArticle().in(section).headline("Cache preview draft").draft().build());
        String email = "cache-" + UUID.randomUUID() + "@example.org";
        accounts.create(null, email, "Cache Editor", "harbour lights at dusk", true);
        HttpClient editor = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf = Jsoup.parse(new String(fetch(editor, HttpRequest.newBuilder(uri("/admin/login")).build()).body(),
                StandardCharsets.UTF_8)).selectFirst("input[name=_csrf]").attr("value");
        String form = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=harbour+lights+at+dusk";
        HttpResponse<byte[]> signIn = fetch(editor, HttpRequest.newBuilder(uri("/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(header(signIn, "Location")).endsWith("/admin/");

        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> preview = fetch(editor, HttpRequest.newBuilder(uri("/admin/articles/" + id + "/preview"))
                    .header("Accept-Encoding", "gzip").build());
            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(header(preview, "Cache-Control")).contains("private").contains("no-store");
            assertThat(header(preview, "X-Cache")).isNull();
            assertThat(header(preview, "Surrogate-Key")).isNull();
            HttpResponse<byte[]> newsroomHome = fetch(editor, HttpRequest.newBuilder(uri("/admin/")).build());
            assertThat(header(newsroomHome, "Cache-Control")).contains("no-store");
            assertThat(header(newsroomHome, "X-Cache")).isNull();
        }
        // Nobody else can reach the draft through the cache: the public address is a 404.
        assertThat(fetch(path(id)).statusCode()).isEqualTo(404);

        // The editor reading the public site gets fresh pages, and what they get is not kept for others.
        String publicPath = path(story("Cache read by an editor"));
        assertThat(header(fetch(editor, HttpRequest.newBuilder(uri(publicPath)).build()), "X-Cache")).isEqualTo("pass");
        assertThat(header(fetch(publicPath), "X-Cache")).isEqualTo("miss");
    }

    @Test
    void searchAndOtherUnmarkedAnswersAreNotStoredButGetEtags() {
        HttpResponse<byte[]> search = fetch("/en/search?q=cache");
        assertThat(header(search, "X-Cache")).isNull();
        assertThat(header(search, "Surrogate-Key")).isNull();
        HttpResponse<byte[]> robots = fetch("/robots.txt");
        String etag = header(robots, "ETag");
        assertThat(etag).isNotNull();
        assertThat(fetch("/robots.txt", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(header(fetch("/robots.txt"), "X-Cache")).isNull();
    }

    @Test
    void theStoreStaysWithinItsBudgetAndCountsItsWork() {
        String path = path(story("Cache counts"));
        // Other tests' changes may empty the store at any moment: look while it holds at least this page.
        var seen = new AtomicReference<PageCache.Stats>();
        Await.until(() -> {
            hit(path);
            seen.set(cache.stats());
            return seen.get().bytes() > 0;
        }, "a stored page counted");
        PageCache.Stats stats = seen.get();
        assertThat(stats.bytes()).isPositive().isLessThanOrEqualTo(128L * 1024 * 1024);
        assertThat(stats.hits()).isPositive();
        assertThat(stats.stores()).isPositive();
    }
}
