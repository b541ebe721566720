package org.shortwave.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shortwave.DefaultPortsTaken;
import org.shortwave.FreshDatabase;
import org.shortwave.NewsroomBrowser;
import org.shortwave.ShortwaveApplication;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Newsroom sessions in PostgreSQL (ADR 0024), across two nodes on one database as behind a load balancer without
 * sticky sessions: one browser (its cookie is the host's, whichever node's port it talks to) signs in on A, carries
 * on on B, and is still signed in after A restarts. Signing out on one node, or the user being disabled, ends the
 * session on both.
 */
@ExtendWith(DefaultPortsTaken.class)
class SessionsAcrossNodesIT {

    private static final String PASSWORD = "harbour lights at dusk";

    static FreshDatabase database;
    static Path dataDirA;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() throws IOException {
        database = FreshDatabase.create("shortwave_sessions");
        dataDirA = dataDir("a");
        nodeA = node(dataDirA);
        nodeB = node(dataDir("b"));
        nodeA.getBean(Editions.class).createIfMissing(new Edition("en", Locale.forLanguageTag("en-GB"), "English",
                "Shortwave", "ltr", ZoneId.of("UTC"), true), 0);
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

    private static ConfigurableApplicationContext node(Path dataDir) {
        List<String> args = new ArrayList<>(database.arguments());
        args.addAll(List.of("--shortwave.data-dir=" + dataDir, "--server.port=0", "--management.server.port=-1",
                "--shortwave.demo-content=false", "--spring.main.banner-mode=off"));
        // The test's logging stays as it is; the nodes get none of their own (see TwoNodesIT).
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            return new SpringApplicationBuilder(ShortwaveApplication.class).run(args.toArray(String[]::new));
        } finally {
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        }
    }

    private static Path dataDir(String name) throws IOException {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data")), "sessions-" + name + "-")
                .toAbsolutePath();
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /** One browser, one cookie jar; {@code on} chooses the node its next request goes to. */
    static final class Browser extends NewsroomBrowser {
        private final ConfigurableApplicationContext[] target;

        Browser(ConfigurableApplicationContext first) {
            this(new ConfigurableApplicationContext[] {first});
        }

        private Browser(ConfigurableApplicationContext[] target) {
            super(path -> URI.create("http://localhost:" + port(target[0]) + path));
            this.target = target;
        }

        Browser on(ConfigurableApplicationContext node) {
            target[0] = node;
            return this;
        }
    }

    private static Account editor(String name) {
        Accounts accounts = nodeA.getBean(Accounts.class);
        Account account = accounts.create(null, "sessions-" + UUID.randomUUID() + "@example.org", name, PASSWORD, false);
        accounts.grant(null, account.id(), "en", Role.EDITOR);
        return accounts.find(account.id()).orElseThrow();
    }

    private static void assertSignedIn(HttpResponse<String> page, String name) {
        assertThat(page.statusCode()).as(page.headers().firstValue("Location").orElse("")).isEqualTo(200);
        assertThat(page.body()).contains(name);
    }

    private static void assertSentToSignIn(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/admin/login");
    }

    private static long sessionsOf(Account account) {
        return JdbcClient.create(nodeB.getBean(javax.sql.DataSource.class))
                .sql("select count(*) from spring_session where principal_name = ?").param(account.email())
                .query(Long.class).single();
    }

    @Test
    void aSessionCarriesOnOnTheOtherNodeAndThroughARestartAndEndsEverywhereWhenTheUserIsDisabled() {
        Account editor = editor("Chen Jing");
        Browser browser = new Browser(nodeA);
        assertThat(browser.signIn(editor.email(), PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/admin/");
        assertSignedIn(browser.get("/admin/"), "Chen Jing");
        assertSignedIn(browser.on(nodeB).get("/admin/"), "Chen Jing");
        assertThat(sessionsOf(editor)).isOne();

        // Node A restarts (its memory is gone); the session is in the database.
        nodeA.close();
        nodeA = node(dataDirA);
        assertSignedIn(browser.on(nodeA).get("/admin/"), "Chen Jing");
        assertSignedIn(browser.on(nodeB).get("/admin/"), "Chen Jing");

        // Disabled on B: the session ends on both nodes at once.
        nodeB.getBean(Accounts.class).disable(null, editor.id());
        assertThat(sessionsOf(editor)).isZero();
        assertSentToSignIn(browser.on(nodeA).get("/admin/"));
        assertSentToSignIn(browser.on(nodeB).get("/admin/"));
    }

    @Test
    void signingOutOnOneNodeEndsTheSessionOnTheOther() {
        Account editor = editor("Liu Yang");
        Browser browser = new Browser(nodeB);
        assertThat(browser.signIn(editor.email(), PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/admin/");
        assertSignedIn(browser.on(nodeA).get("/admin/"), "Liu Yang");
        String session = browser.session();

        HttpResponse<String> out = browser.on(nodeB).submit("/admin/", "/admin/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(sessionsOf(editor)).isZero();
        // The old cookie, sent again on the other node (as a copied cookie would be): signed out there too.
        assertSentToSignIn(new Browser(nodeA).send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port(nodeA) + "/admin/")).header("Cookie", "JSESSIONID=" + session)
                .GET().build()));
        assertSentToSignIn(browser.on(nodeA).get("/admin/"));
    }
}
