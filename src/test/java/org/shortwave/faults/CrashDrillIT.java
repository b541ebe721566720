package org.shortwave.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.shortwave.Await;
import org.shortwave.Chromium;
import org.shortwave.DefaultPortsTaken;
import org.shortwave.Multipart;
import org.shortwave.ShortwaveApplication;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.ApiTokens;
import org.shortwave.content.Taxonomy;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.media.TestFiles;
import org.shortwave.platform.FaultPoints;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crash drills: Shortwave, started from its jar as a process of its own, is killed with SIGKILL at named points
 * ({@link FaultPoints}): between a publication's commit and the search index acting on it, in the middle of an image
 * upload, and while the scheduler announces a due article. Then it starts again, and the database, the index and
 * the media files must agree: the index holds exactly the public set, no media row refers to a missing file, the
 * upload that was cut off left no row, and the scheduled article is announced exactly once. The nodes share a
 * PostgreSQL of the test's own and one data directory, as one server restarted in place would.
 */
@ExtendWith(DefaultPortsTaken.class)
class CrashDrillIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** A process start on a loaded two-core machine (the suite's other JVM runs beside it) can be slow. */
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    static EmbeddedPostgres postgres;
    static JdbcClient db;
    static String url;
    static Path dataDir;
    static String token;
    static String editorEmail;
    static final String PASSWORD = "harbour lights at dusk";
    static long section;
    static final List<String> drills = new ArrayList<>();

    @BeforeAll
    static void installation() throws IOException {
        Path root = Files.createDirectories(Path.of("target", "it-data")).toAbsolutePath();
        postgres = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory(root, "crash-pg-"))
                .setCleanDataDirectory(true).start();
        url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        db = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        dataDir = Files.createTempDirectory(root, "crash-node-");
        // Set up in-process (migrations, an edition, a section, an editor with an API token), then closed: from
        // here on only the killed and restarted processes touch this installation.
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try (ConfigurableApplicationContext setup = new SpringApplicationBuilder(ShortwaveApplication.class).run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--shortwave.data-dir=" + dataDir, "--server.port=0",
                "--management.server.port=-1", "--shortwave.demo-content=false", "--spring.main.banner-mode=off")) {
            setup.getBean(Editions.class).createIfMissing(new Edition("en", Locale.forLanguageTag("en-GB"), "English",
                    "Shortwave", "ltr", java.time.ZoneId.of("UTC"), true), 0);
            section = setup.getBean(Taxonomy.class).ensureSection("en", "drills", "Drills", 92);
            Accounts accounts = setup.getBean(Accounts.class);
            editorEmail = "crash-" + UUID.randomUUID() + "@example.org";
            Account editor = accounts.create(null, editorEmail, "Drill editor", PASSWORD, true);
            token = setup.getBean(ApiTokens.class).create(accounts.find(editor.id()).orElseThrow(), "drills");
        } finally {
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void killedAtEveryNamedPointShortwaveComesBackConsistent() throws Exception {
        // 1. A publication committed, the index not yet told.
        long published;
        try (Node node = Node.start(FaultPoints.INDEX_BEFORE_APPLY)) {
            published = node.create("Published just before the crash");
            node.api("POST", "/articles/" + published + "/publish", Map.of("version", 1));
            node.killAtFaultPoint();
        }
        // 2. An upload's files written and rows inserted, the transaction not committed.
        long mediaBefore = count("select count(*) from media");
        try (Node node = Node.start(FaultPoints.UPLOAD_BEFORE_COMMIT)) {
            CompletableFuture<HttpResponse<String>> upload = CompletableFuture.supplyAsync(node::uploadImage);
            node.killAtFaultPoint();
            assertThat(upload).failsWithin(Duration.ofSeconds(30)); // the connection died with the process
        }
        // 3. A scheduled article claimed and announced, the transaction not committed.
        long scheduled;
        try (Node node = Node.start(FaultPoints.SCHEDULER_BEFORE_COMMIT)) {
            scheduled = node.create("Scheduled across a crash");
            Instant due = Instant.now().plusSeconds(2);
            node.api("POST", "/articles/" + scheduled + "/publish", Map.of("version", 1, "publishAt", due.toString()));
            node.killAtFaultPoint();
        }
        assertThat(announcements(scheduled)).as("the killed announcement was rolled back").isZero();

        List<String> inconsistencies = new ArrayList<>();
        long orphans;
        try (Node node = Node.start(null)) {
            // The index catches up from the change log by itself and then holds exactly the public set.
            Await.until(() -> node.get("/api/health/search").body().contains("\"appliedSeq\""),
                    "the search health check", START_LIMIT);
            check(inconsistencies, "the search index holds exactly the public set", () -> {
                Await.until(() -> node.get("/api/health/search").statusCode() == 200, "a healthy index");
                return true;
            });
            check(inconsistencies, "the story published before the crash is found", () -> {
                Await.until(() -> node.get("/api/v1/search?edition=en&q=crash").body()
                        .contains("\"id\":" + published + ","), "the story in search");
                return node.get(path(published)).statusCode() == 200;
            });
            // The cut-off upload left no row, and every row's files are there.
            check(inconsistencies, "the cut-off upload left no media row",
                    () -> count("select count(*) from media") == mediaBefore);
            List<String> referenced = db.sql("select file_path from media union select file_path from media_rendition")
                    .query(String.class).list();
            List<String> missing = referenced.stream()
                    .filter(file -> !Files.isRegularFile(dataDir.resolve("media").resolve(file))).toList();
            check(inconsistencies, "every media row's file exists " + missing, missing::isEmpty);
            try (Stream<Path> files = Files.walk(dataDir.resolve("media"))) {
                // Files the killed upload wrote stay on disk unreferenced: harmless, and reported.
                orphans = files.filter(Files::isRegularFile)
                        .filter(f -> !referenced.contains(dataDir.resolve("media").relativize(f).toString())).count();
            }
            // The scheduler announces the due article once, and goes on not announcing it again.
            check(inconsistencies, "the scheduled article is announced exactly once", () -> {
                Await.until(() -> announcements(scheduled) > 0, "the scheduled article's announcement");
                Instant settle = Instant.now().plusSeconds(3);
                Await.until(() -> Instant.now().isAfter(settle), "three more scheduler runs");
                return announcements(scheduled) == 1 && node.get(path(scheduled)).statusCode() == 200;
            });
        }
        System.out.printf("Crash drills: %d faults injected (SIGKILL at %s), %d inconsistencies found%s; "
                + "%d unreferenced media files left by the killed upload%n", drills.size(), String.join(", ", drills),
                inconsistencies.size(), inconsistencies.isEmpty() ? "" : ": " + inconsistencies, orphans);
        assertThat(drills).hasSize(3);
        assertThat(inconsistencies).isEmpty();
    }

    /**
     * The editor's journey through a crash (issue 17): she types into a saved story, her browser context is closed
     * (no leaving handler gets to run as it would on a real closed tab) and the node is killed with SIGKILL; on the
     * restarted node, signed in again in a fresh browser, the story offers her unsaved text, which she restores and
     * saves. Only the autosave that reached the server before the kill can bring it back.
     */
    @Test
    void textTypedBeforeAClosedBrowserAndAKilledNodeIsOfferedAfterTheRestart() throws Exception {
        String typed = "崩溃前写下的这句话 " + UUID.randomUUID().toString().substring(0, 8);
        long id;
        try (Node node = Node.start(null); Chromium chromium = Chromium.launch()) {
            id = node.create("Written across a crash");
            try (BrowserContext context = chromium.browser().newContext()) {
                Page page = node.signIn(context);
                page.navigate(node.uri("/admin/articles/" + id).toString());
                page.click(".rt-story");
                page.keyboard().press("Control+End");
                page.keyboard().press("Enter");
                page.keyboard().type(typed);
                // The autosave, a few seconds after typing stops: a draft row, not a revision.
                Await.until(() -> count("select count(*) from article_draft where article_id = " + id
                        + " and form::text like '%" + typed + "%'") == 1, "the autosaved draft",
                        Duration.ofSeconds(60));
            }
            node.kill();
        }
        assertThat(count("select count(*) from article_revision where article_id = " + id))
                .as("autosave wrote no revision").isEqualTo(1);
        try (Node node = Node.start(null); Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            Page page = node.signIn(context);
            page.navigate(node.uri("/admin/articles/" + id).toString());
            page.click("section.recovery a.button");
            page.waitForSelector(".rt-story");
            assertThat(page.textContent(".rt-story")).contains(typed);
            page.click("form.editor button[value=save] >> nth=0");
            page.waitForURL("**/admin/articles/" + id + "?saved*");
            assertThat(node.apiGet("/articles/" + id).body()).contains(typed);
            assertThat(page.locator("section.recovery").count()).as("nothing left to offer once saved").isZero();
        }
    }

    /** Records what does not hold (a failed wait counts too), so the drill reports every inconsistency at once. */
    private static void check(List<String> inconsistencies, String what, java.util.function.BooleanSupplier holds) {
        try {
            if (!holds.getAsBoolean()) {
                inconsistencies.add(what);
            }
        } catch (AssertionError | RuntimeException e) {
            inconsistencies.add(what + " (" + e.getMessage() + ")");
        }
    }

    private static long count(String sql) {
        return db.sql(sql).query(Long.class).single();
    }

    private static long announcements(long article) {
        return db.sql("select count(*) from change_log where article_id = ? and kind = 'article_published'")
                .param(article).query(Long.class).single();
    }

    private static String path(long id) {
        return db.sql("select '/' || edition_code || '/' || slug || '/a-' || id from article where id = ?").param(id)
                .query(String.class).single();
    }

    /** Shortwave from its jar, in a process of its own, on this test's database and data directory. */
    private static final class Node implements AutoCloseable {

        private final Process process;
        private final int port;
        private final CountDownLatch atFaultPoint = new CountDownLatch(1);
        private final String faultPoint;

        private Node(Process process, int port, String faultPoint, Path log) {
            this.process = process;
            this.port = port;
            this.faultPoint = faultPoint;
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8)); PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        copy.println(line);
                        copy.flush();
                        if (line.equals("FAULT POINT REACHED: " + faultPoint)) {
                            atFaultPoint.countDown();
                        }
                    }
                } catch (IOException e) {
                    // The process was killed: its output ends here.
                }
            });
        }

        static Node start(String faultPoint) throws IOException {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
            if (faultPoint != null) {
                command.add("-Dshortwave.fault.pause-at=" + faultPoint);
            }
            command.addAll(List.of("-jar", jar().toString(), "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--shortwave.data-dir=" + dataDir, "--server.port=" + port, "--management.server.port=-1",
                    "--shortwave.demo-content=false", "--spring.main.banner-mode=off"));
            Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + (faultPoint == null ? "after" : faultPoint)
                    + ".log");
            Node node = new Node(new ProcessBuilder(command).redirectErrorStream(true).start(), port, faultPoint, log);
            Await.until(() -> node.ready(), "Shortwave to start (its output: " + log + ")", START_LIMIT);
            if (faultPoint != null) {
                drills.add(faultPoint);
            }
            return node;
        }

        private static Path jar() throws IOException {
            try (Stream<Path> files = Files.list(Path.of("target"))) {
                return files.filter(f -> f.getFileName().toString().matches("shortwave-[0-9][^/]*(?<!-sources)\\.jar"))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no Shortwave jar in target/: "
                                + "the drills run after the package phase"))
                        .toAbsolutePath();
            }
        }

        private boolean ready() {
            if (!process.isAlive()) {
                throw new AssertionError("Shortwave exited with " + process.exitValue());
            }
            try {
                return get("/readyz").statusCode() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        }

        /** Waits for the process to reach its fault point, then kills it with SIGKILL. */
        void killAtFaultPoint() throws InterruptedException {
            assertThat(atFaultPoint.await(60, TimeUnit.SECONDS)).as("reached " + faultPoint).isTrue();
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback clean-up, no flush
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET().build());
        }

        /** Kills the process with SIGKILL, wherever it is. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        /** The drill's editor, signed in to this node's newsroom in a browser. */
        Page signIn(BrowserContext context) {
            Page page = context.newPage();
            page.navigate(uri("/admin/login").toString());
            page.fill("#email", editorEmail);
            page.fill("#password", PASSWORD);
            page.click("form.stack button[type=submit]");
            assertThat(page.url()).endsWith("/admin/");
            return page;
        }

        long create(String headline) {
            HttpResponse<String> created = api("POST", "/articles", Map.of("edition", "en", "section", section,
                    "headline", headline, "slug", "crash-" + UUID.randomUUID().toString().substring(0, 8),
                    "lead", "A lead.", "dateline", "", "copyright", "Shortwave",
                    "body", List.of(Map.of("type", "paragraph", "text", headline + ": the crash drill's text."))));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            return JSON.readTree(created.body()).get("id").asLong();
        }

        HttpResponse<String> apiGet(String path) {
            return send(HttpRequest.newBuilder(uri("/api/admin/v1" + path)).header("Authorization", "Bearer " + token)
                    .GET().build());
        }

        HttpResponse<String> api(String method, String path, Object body) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/admin/v1" + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
            assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isBetween(200, 299);
            return answer;
        }

        HttpResponse<String> uploadImage() {
            return send(new Multipart().field("alt", "A drill photo")
                    .file("file", "d.jpg", "image/jpeg", TestFiles.uniqueJpeg(1200, 800))
                    .post(uri("/api/admin/v1/media")).header("Authorization", "Bearer " + token).build());
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
