package org.shortwave.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shortwave.Await;
import org.shortwave.DefaultPortsTaken;
import org.shortwave.FreshDatabase;
import org.shortwave.NewsroomBrowser;
import org.shortwave.ShortwaveApplication;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.Taxonomy;
import org.shortwave.editorial.EditorialWorkflow;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 9's set-up on loopback: two Shortwave nodes on one PostgreSQL database (the embedded one, or the server when
 * {@code spring.datasource.url} names one) and a real Varnish in front running the shipped deploy/varnish/shortwave.vcl,
 * both nodes sending their purges to it. A publish on node A shows through Varnish and on node B within a second, an
 * unpublish purges Varnish's copy by its key, and a signed-in editor's requests are never answered from Varnish.
 */
@ExtendWith(DefaultPortsTaken.class)
class VarnishTwoNodesIT {

    /** Issues 7 and 9: what changes on one node shows everywhere within this (p95). */
    private static final long BOUND_MILLIS = 1_000;
    /** A run that takes longer than this has failed whatever the others did. */
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Enough runs that the 95th percentile is not the slowest one: one pause of a loaded machine is allowed. */
    private static final int RUNS = 20;
    private static final String PASSWORD = "signal over the ridge";

    static FreshDatabase database;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static Varnish varnish;
    static Account editor;
    static long section;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTwoNodesAndVarnish() throws Exception {
        database = FreshDatabase.create("shortwave_varnish");

        int varnishPort = Varnish.freePort();
        // One node first (it migrates the new database), then the other; each starts with no logging system of its
        // own (see TwoNodesIT: Spring Boot's logging set-up is JVM-wide).
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        ExecutorService starters = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<ConfigurableApplicationContext> a =
                    CompletableFuture.supplyAsync(() -> node("a", varnishPort), starters);
            CompletableFuture<ConfigurableApplicationContext> b =
                    CompletableFuture.supplyAsync(() -> node("b", varnishPort), starters);
            nodeA = a.get();
            nodeB = b.get();
        } finally {
            starters.shutdown();
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        }
        varnish = Varnish.start(varnishPort, port(nodeA), port(nodeB));

        nodeA.getBean(Editions.class).createIfMissing(new Edition("en", Locale.forLanguageTag("en-GB"), "English",
                "Shortwave", "ltr", ZoneId.of("UTC"), true), 0);
        section = nodeA.getBean(Taxonomy.class).ensureSection("en", "varnish", "Varnish", 93);
        Accounts accounts = nodeA.getBean(Accounts.class);
        Account account = accounts.create(null, "varnish-" + UUID.randomUUID() + "@example.org", "Chen Jing",
                PASSWORD, false);
        accounts.grant(null, account.id(), "en", Role.EDITOR);
        editor = accounts.find(account.id()).orElseThrow();
    }

    @AfterAll
    static void stop() throws IOException {
        if (varnish != null) {
            varnish.close();
        }
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    private static ConfigurableApplicationContext node(String name, int varnishPort) {
        try {
            List<String> args = new ArrayList<>(database.arguments());
            args.addAll(List.of("--shortwave.data-dir=" + dataDir("node-" + name),
                    "--server.port=0", "--server.address=127.0.0.1", "--management.server.port=-1",
                    "--shortwave.demo-content=false", "--spring.main.banner-mode=off",
                    "--shortwave.purge.url=http://127.0.0.1:" + varnishPort + "/",
                    // Varnish may keep a page for an hour: a page that changes sooner was purged, not expired.
                    "--shortwave.page-cache.shared-max-age=1h"));
            return new SpringApplicationBuilder(ShortwaveApplication.class).run(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static Path dataDir(String name) throws IOException {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data")), "varnish-" + name + "-")
                .toAbsolutePath();
    }

    @Test
    void aPublishShowsEverywhereAndAnUnpublishPurgesVarnishByKey() throws Exception {
        EditorialWorkflow workflow = nodeA.getBean(EditorialWorkflow.class);
        List<Long> publishToVarnish = new ArrayList<>();
        List<Long> publishToNodeB = new ArrayList<>();
        List<Long> unpublishToVarnish = new ArrayList<>();
        List<Long> unpublishToNodeB = new ArrayList<>();
        List<Long> publishCall = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            String headline = "Ferry lines reopen " + UUID.randomUUID().toString().substring(0, 8);
            String slug = "ferry-" + UUID.randomUUID().toString().substring(0, 8);
            long id = workflow.create(editor, story(headline, slug));
            String path = "/en/" + slug + "/a-" + id;
            URI throughVarnish = varnish.uri(path);
            URI onNodeB = URI.create("http://127.0.0.1:" + port(nodeB) + path);

            // The draft's address answers 404, and Varnish keeps that answer under the article's key (once the
            // nodes' purges for the draft's creation have come, in the background).
            awaitVarnishHit(throughVarnish, 404);
            assertThat(get(onNodeB).statusCode()).isEqualTo(404);

            long start = System.nanoTime();
            int version = workflow.publish(editor, id, 1, null, null);
            publishCall.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            long[] seen = awaitBoth(throughVarnish, onNodeB, start, response -> response.statusCode() == 200
                    && PageCacheIT.text(response).contains(headline));
            publishToVarnish.add(seen[0]);
            publishToNodeB.add(seen[1]);

            // The published page becomes a Varnish hit (two ids in X-Varnish: this request's and the stored one's).
            HttpResponse<byte[]> hit = awaitVarnishHit(throughVarnish, 200);
            assertThat(PageCacheIT.header(hit, "Cache-Control")).contains("s-maxage=3600");
            assertThat(hit.headers().firstValue("Surrogate-Key")).as("internal keys stay in Varnish").isEmpty();
            assertThat(hit.headers().firstValue("xkey")).isEmpty();

            // Unpublished on node A: the page Varnish could have kept for an hour is purged by its key.
            start = System.nanoTime();
            workflow.unpublish(editor, id, version);
            long[] gone = awaitBoth(throughVarnish, onNodeB, start, response -> response.statusCode() == 404);
            unpublishToVarnish.add(gone[0]);
            unpublishToNodeB.add(gone[1]);
            // Varnish's log of the nodes' purges naming a<id> (written as each ends): one of them removed the page.
            Await.until(() -> varnish.purgesOf("a" + id).stream().anyMatch(removed -> removed > 0),
                    "a purge of a" + id + " that removed Varnish's copy");
        }
        System.out.printf("Varnish, two nodes, %d runs: publish on A (the call itself: p50 %d ms, max %d ms) to"
                + " visible through Varnish: p50 %d ms, p95 %d ms, max %d ms; on node B: p50 %d ms, p95 %d ms, max %d ms;"
                + " unpublish to 404 through Varnish: p50 %d ms, p95 %d ms, max %d ms; on node B: p95 %d ms%n", RUNS,
                p50(publishCall), max(publishCall), p50(publishToVarnish), p95(publishToVarnish),
                max(publishToVarnish), p50(publishToNodeB), p95(publishToNodeB), max(publishToNodeB),
                p50(unpublishToVarnish), p95(unpublishToVarnish), max(unpublishToVarnish), p95(unpublishToNodeB));
        assertThat(List.of(p95(publishToVarnish), p95(publishToNodeB), p95(unpublishToVarnish),
                p95(unpublishToNodeB))).as("p95 of publish and unpublish to visible, through Varnish and on node B")
                .allSatisfy(p95 -> assertThat(p95).isLessThanOrEqualTo(BOUND_MILLIS));
    }

    @Test
    void aSignedInEditorIsNeverServedFromVarnishAndReadersNeverSeeWhatTheEditorSaw() {
        EditorialWorkflow workflow = nodeA.getBean(EditorialWorkflow.class);
        String draftHeadline = "Harbour plan draft " + UUID.randomUUID().toString().substring(0, 8);
        long draft = workflow.create(editor, story(draftHeadline, "harbour-" + UUID.randomUUID().toString()
                .substring(0, 8)));
        String publicHeadline = "Harbour plan approved " + UUID.randomUUID().toString().substring(0, 8);
        String publicSlug = "approved-" + UUID.randomUUID().toString().substring(0, 8);
        long published = workflow.create(editor, story(publicHeadline, publicSlug));
        workflow.publish(editor, published, 1, null, null);
        String publicPath = "/en/" + publicSlug + "/a-" + published;
        String preview = "/admin/articles/" + draft + "/preview";

        // Signed in through Varnish: every newsroom request reaches the node that holds the session.
        NewsroomBrowser signedIn = new NewsroomBrowser(path -> varnish.uri(path));
        HttpResponse<String> signIn = signedIn.signIn(editor.email(), PASSWORD);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin/");
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> desk = signedIn.get("/admin/");
            assertThat(desk.statusCode()).as("newsroom request %d through Varnish", i).isEqualTo(200);
            assertPassed(desk);
        }
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> shown = signedIn.get(preview);
            assertThat(shown.statusCode()).isEqualTo(200);
            assertThat(shown.body()).contains(draftHeadline);
            assertPassed(shown);
            // A public page asked for with the session is passed too, never answered from Varnish's copy.
            HttpResponse<String> page = signedIn.get(publicPath);
            assertThat(page.statusCode()).isEqualTo(200);
            assertPassed(page);
        }

        // A reader after the editor: none of what the editor saw.
        NewsroomBrowser reader = new NewsroomBrowser(path -> varnish.uri(path));
        HttpResponse<String> readerPreview = reader.get(preview);
        assertThat(readerPreview.statusCode()).isIn(302, 401, 403, 404);
        assertThat(readerPreview.body()).doesNotContain(draftHeadline);
        assertPassed(readerPreview);
        // (That visit to the newsroom gave the reader a session cookie, so their pages pass now: a fresh reader.)
        HttpResponse<byte[]> readerPage = awaitVarnishHit(varnish.uri(publicPath), 200);
        assertThat(PageCacheIT.text(readerPage)).contains(publicHeadline).doesNotContain(draftHeadline);
        assertThat(readerPage.headers().firstValue("Set-Cookie")).isEmpty();

        // A reader with a tracking cookie shares that copy: only the newsroom's session cookie passes.
        HttpResponse<byte[]> withCookie = PageCacheIT.fetch(http, HttpRequest.newBuilder(varnish.uri(publicPath))
                .header("Cookie", "_consent=yes; _visits=3").build());
        assertThat(withCookie.headers().firstValue("X-Cache")).hasValue("hit");
    }

    @Test
    void onlyTheNodesMayPurge() throws Exception {
        // An article that never existed: its 404 is kept under a key no change of this test's nodes ever names.
        long id = 900_000_000L + new java.util.Random().nextInt(1_000_000);
        URI page = varnish.uri("/en/never-written/a-" + id);
        awaitVarnishHit(page, 404);

        // 127.0.0.2 is loopback too, but not in the VCL's purgers.
        HttpClient outsider = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
        HttpResponse<byte[]> refused = PageCacheIT.fetch(outsider, HttpRequest.newBuilder(varnish.uri("/"))
                .method("PURGE", HttpRequest.BodyPublishers.noBody()).header("xkey-purge", "a" + id).build());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(varnishIds(get(page))).as("still Varnish's copy").hasSize(2);

        HttpResponse<byte[]> purged = PageCacheIT.fetch(http, HttpRequest.newBuilder(varnish.uri("/"))
                .method("PURGE", HttpRequest.BodyPublishers.noBody()).header("xkey-purge", "a" + id).build());
        assertThat(purged.statusCode()).isEqualTo(200);
        assertThat(varnishIds(get(page))).as("fetched anew after the purge").hasSize(1);

        HttpResponse<byte[]> noKeys = PageCacheIT.fetch(http, HttpRequest.newBuilder(varnish.uri("/"))
                .method("PURGE", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(noKeys.statusCode()).as("a purge names its keys; there is no flush").isEqualTo(400);
    }

    private static void assertPassed(HttpResponse<?> response) {
        assertThat(response.headers().firstValue("X-Cache")).as("Varnish's verdict").hasValue("pass");
        assertThat(varnishIds(response)).as("X-Varnish of a pass").hasSize(1);
        assertThat(response.headers().firstValue("Age").orElse("0")).isEqualTo("0");
    }

    /**
     * Asks until Varnish answers from its cache: a change's purges reach Varnish from each node in the background,
     * and one may drop the copy the previous request stored.
     */
    private HttpResponse<byte[]> awaitVarnishHit(URI uri, int status) {
        List<HttpResponse<byte[]>> last = new ArrayList<>(List.of(get(uri)));
        Await.until(() -> {
            HttpResponse<byte[]> response = get(uri);
            last.set(0, response);
            return varnishIds(response).size() == 2;
        }, "a Varnish hit on " + uri);
        HttpResponse<byte[]> hit = last.get(0);
        assertThat(hit.statusCode()).isEqualTo(status);
        assertThat(hit.headers().firstValue("X-Cache")).as("Varnish's verdict").hasValue("hit");
        assertThat(hit.headers().firstValue("Age")).isPresent();
        return hit;
    }

    private HttpResponse<byte[]> get(URI uri) {
        return PageCacheIT.fetch(http, HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build());
    }

    /**
     * Polls Varnish and node B until each answers as wanted; returns the milliseconds each took from {@code start}
     * (when its answer came). Gives up after ten seconds; the one-second bound is held on the 95th percentile.
     */
    private long[] awaitBoth(URI throughVarnish, URI onNodeB, long start,
            java.util.function.Predicate<HttpResponse<byte[]>> wanted) {
        long[] seen = {-1, -1};
        URI[] uris = {throughVarnish, onNodeB};
        while (seen[0] < 0 || seen[1] < 0) {
            for (int i = 0; i < 2; i++) {
                if (seen[i] < 0 && wanted.test(get(uris[i]))) {
                    seen[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
            }
            if (System.nanoTime() - start > GIVE_UP_NANOS && (seen[0] < 0 || seen[1] < 0)) {
                throw new AssertionError("not everywhere within 10 s: through Varnish "
                        + (seen[0] < 0 ? "no" : seen[0] + " ms") + ", node B " + (seen[1] < 0 ? "no" : seen[1] + " ms"));
            }
        }
        return seen;
    }

    private static List<String> varnishIds(HttpResponse<?> response) {
        return Arrays.asList(response.headers().firstValue("X-Varnish").orElseThrow().trim().split("\\s+"));
    }

    private static long p50(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** The nearest-rank 95th percentile. */
    private static long p95(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
    }

    private static long max(List<Long> values) {
        return Collections.max(values);
    }

    private static ArticleContent story(String headline, String slug) {
        return new ArticleContent("en", section, headline, slug, "A lead.", "PORTVILLE (Shortwave) —",
                List.of(new Block.Paragraph(InlineHtml.sanitize("Text."))), null, List.of(), List.of(), "Shortwave");
    }
}
