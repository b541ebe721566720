package org.shortwave;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a real port and a real PostgreSQL: the embedded one in a fresh data directory, or the
 * server named by {@code -Dspring.datasource.url=...} (see .ci/run). All integration tests share this one context,
 * with the demo content loaded and the clock ({@link TestClock}) at {@link #NOW}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({AppTestBase.FixedClock.class, ChangeRecorder.class})
public abstract class AppTestBase {

    /** The fixed "now" of every integration test: after all demo stories were published. */
    public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static final Path DATA_DIR = tempDir();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("shortwave.data-dir", DATA_DIR::toString);
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    protected HttpResponse<String> get(String path, String acceptLanguage) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", acceptLanguage).GET().build());
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A reader with a cookie: never answered from the page store, so the page is rendered for this request. */
    protected HttpResponse<String> rendered(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Cookie", "theme=dark").GET().build());
    }

    /** The canonical path of an article, by its id (whether or not it is public). */
    protected String articlePath(long id) {
        return jdbc.sql("select '/' || edition_code || '/' || slug || '/a-' || id from article where id = ?").param(id)
                .query(String.class).single();
    }

    /** The canonical path of a demo article, by its key in src/main/resources/demo. */
    protected String demoPath(String key) {
        return jdbc.sql("select '/' || edition_code || '/' || slug || '/a-' || id from article where source_key = ?")
                .param("demo:" + key).query(String.class).single();
    }

    /**
     * The path of an edition's reference article: its newest demo story with a video, which the demo content
     * writes with every part of the reference page (DESIGN.md section 1).
     */
    protected String referenceArticlePath(String edition) {
        return jdbc.sql("""
                select '/' || edition_code || '/' || slug || '/a-' || id from article
                where edition_code = ? and source_key like 'demo:%' and status = 'published'
                  and body @> '[{"type": "video"}]'
                order by published_at desc limit 1""")
                .param(edition).query(String.class).single();
    }

    private static Path tempDir() {
        try {
            // Under target/, so that `./mvnw clean` removes the test databases.
            Path parent = Files.createDirectories(Path.of("target", "it-data"));
            return Files.createTempDirectory(parent, "run-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
