package org.shortwave;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.Taxonomy;
import org.shortwave.editorial.EditorialWorkflow;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Shortwave nodes on one fresh PostgreSQL database, started at the same moment: Flyway's lock lets exactly one
 * of them migrate while the other waits; then what must hold across nodes does (the sign-in throttle, the editor's
 * "also editing" warning, the scheduler's exactly-once announcement).
 */
@ExtendWith(DefaultPortsTaken.class)
class TwoNodesIT {

    private static final String PASSWORD = "harbour lights at dusk";

    static FreshDatabase database;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodesAtOnce() throws Exception {
        database = FreshDatabase.create("shortwave_nodes");

        ExecutorService starters = Executors.newFixedThreadPool(2);
        // Spring Boot sets up logging through JVM-wide system properties, which two applications starting at the
        // same moment in one JVM race on ("Unknown format CONSOLE_LOG_STRUCTURED_FORMAT_IS_UNDEFINED"): these two
        // nodes start with no logging system of their own; the test context's logging stays as it is.
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            CompletableFuture<ConfigurableApplicationContext> a = CompletableFuture.supplyAsync(() -> node("a"), starters);
            CompletableFuture<ConfigurableApplicationContext> b = CompletableFuture.supplyAsync(() -> node("b"), starters);
            nodeA = a.get();
            nodeB = b.get();
        } finally {
            starters.shutdown();
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        }
        // No demo content on these nodes: the one edition the tests write in.
        nodeA.getBean(org.shortwave.i18n.Editions.class).createIfMissing(new org.shortwave.i18n.Edition("en",
                java.util.Locale.forLanguageTag("en-GB"), "English", "Shortwave", "ltr", java.time.ZoneId.of("UTC"),
                true), 0);
    }

    @AfterAll
    static void stop() throws IOException {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    private static ConfigurableApplicationContext node(String name) {
        try {
            List<String> args = new ArrayList<>(database.arguments());
            args.addAll(List.of("--shortwave.data-dir=" + dataDir("node-" + name), "--server.port=0",
                    "--management.server.port=-1", "--shortwave.demo-content=false", "--spring.main.banner-mode=off"));
            return new SpringApplicationBuilder(ShortwaveApplication.class).run(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path dataDir(String name) throws IOException {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data")), "two-nodes-" + name + "-")
                .toAbsolutePath();
    }

    @Test
    void bothNodesStartedTogetherAndEveryMigrationRanOnce() {
        JdbcClient db = nodeA.getBean(JdbcClient.class);
        List<String> versions = db.sql("select version from flyway_schema_history where version is not null"
                + " order by installed_rank").query(String.class).list();
        assertThat(versions).doesNotHaveDuplicates().contains("1", "10", "11");
        assertThat(db.sql("select count(*) from flyway_schema_history where not success").query(Long.class).single())
                .isZero();
        assertThat(nodeB.getBean(JdbcClient.class).sql("select count(*) from flyway_schema_history")
                .query(Long.class).single()).isEqualTo(db.sql("select count(*) from flyway_schema_history")
                .query(Long.class).single());
    }

    @Test
    void failedSignInsOnOneNodeCountOnTheOther() {
        String email = "nobody-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < 5; i++) {
            Browser browser = new Browser(nodeA);
            assertThat(browser.signIn(email, "wrong password " + i).statusCode()).isEqualTo(302);
        }
        HttpResponse<String> sixth = new Browser(nodeB).signIn(email, "wrong password 5");
        assertThat(sixth.statusCode()).isEqualTo(429);
    }

    @Test
    void anEditorOnOneNodeIsWarnedOfAnotherOnTheOtherNode() {
        Accounts accounts = nodeA.getBean(Accounts.class);
        Account first = editor(accounts, "Wang Fang");
        Account second = editor(accounts, "Li Wei");
        long section = nodeA.getBean(Taxonomy.class).ensureSection("en", "two-nodes", "Two nodes", 94);
        long article = nodeA.getBean(EditorialWorkflow.class).create(first, story(section));

        Browser onA = new Browser(nodeA);
        assertThat(onA.signIn(first.email(), PASSWORD).headers().firstValue("Location").orElseThrow()).endsWith("/admin/");
        assertThat(onA.get("/admin/articles/" + article).body()).doesNotContain("Li Wei");

        Browser onB = new Browser(nodeB);
        assertThat(onB.signIn(second.email(), PASSWORD).headers().firstValue("Location").orElseThrow()).endsWith("/admin/");
        String page = onB.get("/admin/articles/" + article).body();
        assertThat(Jsoup.parse(page).select("[role=alert]").text()).contains("Wang Fang");
    }

    @Test
    void disablingAUserOnOneNodeSignsThemOutOnTheOther() {
        Accounts accounts = nodeA.getBean(Accounts.class);
        Account leaving = editor(accounts, "Zhao Lei");
        Browser onB = new Browser(nodeB);
        assertThat(onB.signIn(leaving.email(), PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/admin/");
        assertThat(onB.get("/admin/").statusCode()).isEqualTo(200);

        accounts.disable(null, leaving.id()); // on node A, which holds none of their sessions
        HttpResponse<String> next = onB.get("/admin/");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElseThrow()).contains("/admin/login");
    }

    @Test
    void aScheduledArticleIsAnnouncedOnceThoughBothNodesRunTheScheduler() {
        Accounts accounts = nodeA.getBean(Accounts.class);
        Account editor = editor(accounts, "Zhao Min");
        long section = nodeA.getBean(Taxonomy.class).ensureSection("en", "two-nodes", "Two nodes", 94);
        EditorialWorkflow workflow = nodeA.getBean(EditorialWorkflow.class);
        long article = workflow.create(editor, story(section));
        // The nodes run on the system clock: schedule two seconds ahead and wait (bounded) for the announcement.
        Instant due = nodeA.getBean(Clock.class).instant().plusSeconds(2);
        workflow.publish(editor, article, 1, due, null);

        JdbcClient db = nodeB.getBean(JdbcClient.class);
        Await.until(() -> announcements(db, article) > 0, "a node to announce the story", Duration.ofSeconds(30));
        assertThat(announcements(db, article)).isEqualTo(1);
        // Both schedulers go on running every second: three more runs each, still one announcement.
        double runsA = schedulerRuns(nodeA);
        double runsB = schedulerRuns(nodeB);
        Await.until(() -> schedulerRuns(nodeA) >= runsA + 3 && schedulerRuns(nodeB) >= runsB + 3,
                "both nodes' schedulers to run three more times");
        assertThat(announcements(db, article)).isEqualTo(1);
    }

    private static double schedulerRuns(ConfigurableApplicationContext node) {
        return node.getBean(MeterRegistry.class).get("shortwave.scheduler.runs").counter().count();
    }

    private static long announcements(JdbcClient db, long article) {
        return db.sql("select count(*) from change_log where article_id = ? and kind = 'article_published'")
                .param(article).query(Long.class).single();
    }

    private static Account editor(Accounts accounts, String name) {
        Account account = accounts.create(null, "node-" + UUID.randomUUID() + "@example.org", name, PASSWORD, false);
        accounts.grant(null, account.id(), "en", Role.EDITOR);
        return accounts.find(account.id()).orElseThrow();
    }

    private static ArticleContent story(long section) {
        return new ArticleContent("en", section, "Two towers", "two-" + UUID.randomUUID().toString().substring(0, 8),
                "A lead.", "HILLTOWN (Shortwave) —", List.of(new Block.Paragraph(InlineHtml.sanitize("Text."))),
                null, List.of(), List.of(), "Shortwave");
    }

    /** A browser with its own cookies, talking to one node. */
    static class Browser extends NewsroomBrowser {
        Browser(ConfigurableApplicationContext node) {
            super(path -> URI.create("http://localhost:"
                    + ((WebServerApplicationContext) node).getWebServer().getPort() + path));
        }
    }
}
