package org.shortwave.faults;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shortwave.Await;
import org.shortwave.DefaultPortsTaken;
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
import org.shortwave.site.caching.PageCacheInvalidation;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database goes away under load and comes back. While it is away: pages the node has stored keep being served
 * (even past their time to live: the page cache's own stale-if-error), pages it has not answer 503 with
 * {@code Retry-After}, and an editor who saves gets a clear error with their text kept in a form that saves it once
 * the database is back. Afterwards everything works again without a restart. This node has a PostgreSQL of its own
 * (also when the suite runs on a PostgreSQL server), because the test stops it.
 */
@ExtendWith(DefaultPortsTaken.class)
class DatabaseOutageIT {

    private static final String PASSWORD = "harbour lights at dusk";

    static Path pgData;
    static int pgPort;
    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext node;
    static int port;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        pgData = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data")), "outage-pg-")
                .toAbsolutePath();
        postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).start();
        pgPort = postgres.getPort();
        Path data = Files.createTempDirectory(Path.of("target", "it-data"), "outage-node-").toAbsolutePath();
        node = new SpringApplicationBuilder(ShortwaveApplication.class).run(
                "--spring.datasource.url=jdbc:postgresql://localhost:" + pgPort + "/postgres",
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--shortwave.data-dir=" + data, "--server.port=0", "--management.server.port=-1",
                "--shortwave.demo-content=false", "--spring.main.banner-mode=off",
                // Stored pages expire while the database is away, so what is served then is served stale.
                "--shortwave.page-cache.ttl=1s");
        port = ((WebServerApplicationContext) node).getWebServer().getPort();
        node.getBean(Editions.class).createIfMissing(new Edition("en", java.util.Locale.forLanguageTag("en-GB"),
                "English", "Shortwave", "ltr", java.time.ZoneId.of("UTC"), true), 0);
    }

    @AfterAll
    static void stop() throws IOException {
        if (node != null) {
            node.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void storedPagesAreServedUncachedOnesAnswer503AndTheEditorKeepsItsText() throws Exception {
        Accounts accounts = node.getBean(Accounts.class);
        Account editor = accounts.create(null, "outage-" + UUID.randomUUID() + "@example.org", "Chen Jing", PASSWORD,
                false);
        accounts.grant(null, editor.id(), "en", Role.EDITOR);
        editor = accounts.find(editor.id()).orElseThrow();
        long section = node.getBean(Taxonomy.class).ensureSection("en", "outage", "Outage", 93);
        EditorialWorkflow workflow = node.getBean(EditorialWorkflow.class);
        long stored = publish(workflow, editor, section, "Read before the outage");
        long unseen = publish(workflow, editor, section, "Never read before the outage");
        String storedPath = path(stored);
        String unseenPath = path(unseen);
        // Once this node's cache has acted on both publications (the second evicts pages listing the newest), the
        // first story's page goes into the store and stays there.
        long latest = node.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select max(seq) from change_log").query(Long.class).single();
        PageCacheInvalidation invalidation = node.getBean(PageCacheInvalidation.class);
        Await.until(() -> invalidation.appliedSeq() >= latest, "the page cache to act on both publications");
        Await.until(() -> "hit".equals(fetch(storedPath).headers().firstValue("X-Cache").orElse("")),
                "the first story in the page cache");

        NewsroomBrowser browser = new NewsroomBrowser(p -> URI.create("http://localhost:" + port + p));
        assertThat(browser.signIn(editor.email(), PASSWORD).statusCode()).isEqualTo(302);
        Document form = browser.page("/admin/articles/" + stored);
        Map<String, String> fields = formFields(form.selectFirst("form.editor"));
        fields.put("headline", "Written while the database was away");
        String paragraph = fields.keySet().stream().filter(k -> k.startsWith("blocks.") && k.endsWith(".text"))
                .findFirst().orElseThrow();
        fields.put(paragraph, "Every word of this paragraph must survive the outage.");

        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logged);
        postgres.close();
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger withoutRetryAfter = new AtomicInteger();
        AtomicInteger withoutRequestId = new AtomicInteger();
        ExecutorService readers = Executors.newFixedThreadPool(4);
        Instant until = Instant.now().plusSeconds(4);
        List<Future<?>> load = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String path = i % 2 == 0 ? storedPath : unseenPath;
            load.add(readers.submit(() -> {
                while (Instant.now().isBefore(until)) {
                    HttpResponse<String> answer = fetch(path);
                    statuses.merge((path.equals(storedPath) ? "stored " : "unseen ") + answer.statusCode(), 1,
                            Integer::sum);
                    if (answer.statusCode() == 503 && answer.headers().firstValue("Retry-After").isEmpty()) {
                        withoutRetryAfter.incrementAndGet();
                    }
                    if (answer.headers().firstValue("X-Request-Id").isEmpty()) {
                        withoutRequestId.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        HttpResponse<String> saved = browser.post("/admin/articles/" + stored, fields); // its CSRF token is among them
        for (Future<?> reader : load) {
            reader.get();
        }
        readers.shutdown();
        System.out.printf("Database outage: %s; 503s without Retry-After: %d; answers without a request id: %d%n",
                new TreeMap<>(statuses), withoutRetryAfter.get(), withoutRequestId.get());
        assertThat(statuses.keySet()).containsOnly("stored 200", "unseen 503");
        assertThat(withoutRetryAfter).hasValue(0);
        assertThat(withoutRequestId).as("answers without X-Request-Id").hasValue(0);

        assertThat(saved.statusCode()).isEqualTo(503);
        assertThat(saved.headers().firstValue("Retry-After")).isPresent();
        Document kept = Jsoup.parse(saved.body());
        assertThat(kept.select("[role=alert]").text()).isNotBlank();
        Element retry = kept.selectFirst("form[action=/admin/articles/" + stored + "]");
        assertThat(retry).as("a form that saves the kept text").isNotNull();
        Map<String, String> keptFields = formFields(retry);
        assertThat(keptFields).containsEntry("headline", "Written while the database was away")
                .containsEntry(paragraph, "Every word of this paragraph must survive the outage.");

        postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).setPort(pgPort)
                .start();
        Await.until(() -> fetch(unseenPath).statusCode() == 200, "the unseen story once the database is back");
        root.detachAppender(logged);
        // Hundreds of 503s and failed background jobs, but no stack trace for each: a line now and then says how many.
        assertThat(logged.list).as("errors logged by Tomcat or the scheduler for each failure")
                .noneMatch(e -> e.getLevel() == Level.ERROR && (e.getLoggerName().startsWith("org.apache.catalina")
                        || e.getLoggerName().startsWith("org.springframework.scheduling")));
        assertThat(logged.list).filteredOn(e -> e.getLoggerName().endsWith(".UnavailableAnswers"))
                .hasSizeBetween(1, 2)
                .allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
        HttpResponse<String> retried = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/admin/articles/" + stored))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(keptFields))).build());
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(302);
        Await.until(() -> fetch(storedPath).body().contains("Every word of this paragraph must survive the outage."),
                "the text saved after the outage on the public page");
    }

    private static long publish(EditorialWorkflow workflow, Account editor, long section, String headline) {
        long id = workflow.create(editor, new ArticleContent("en", section, headline,
                "outage-" + UUID.randomUUID().toString().substring(0, 8), "A lead.", "HILLTOWN (Shortwave) —",
                List.of(new Block.Paragraph(InlineHtml.sanitize("The first paragraph."))), null, List.of(), List.of(),
                "Shortwave"));
        workflow.publish(editor, id, 1, null, null);
        return id;
    }

    private static String path(long id) {
        return node.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select '/' || edition_code || '/' || slug || '/a-' || id from article where id = ?").param(id)
                .query(String.class).single();
    }

    private static HttpResponse<String> fetch(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The values a browser would submit: inputs, textareas and selected options. */
    private static Map<String, String> formFields(Element form) {
        Map<String, String> fields = new HashMap<>();
        for (Element field : form.select("input[name], textarea[name], select[name]")) {
            String type = field.attr("type");
            if (type.equals("submit") || ((type.equals("checkbox") || type.equals("radio")) && !field.hasAttr("checked"))) {
                continue;
            }
            String value = switch (field.tagName()) {
                case "textarea" -> field.wholeText();
                case "select" -> field.select("option[selected]").eachAttr("value").stream().findFirst().orElse("");
                default -> field.val();
            };
            fields.put(field.attr("name"), value);
        }
        return fields;
    }

    private static String encode(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return body.toString();
    }
}
