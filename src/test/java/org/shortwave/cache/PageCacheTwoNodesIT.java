package org.shortwave.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shortwave.content.ArticleFixtures.anArticle;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shortwave.AppTestBase;
import org.shortwave.Await;
import org.shortwave.DefaultPortsTaken;
import org.shortwave.ShortwaveApplication;
import org.shortwave.content.ArticleChanges;
import org.shortwave.content.ArticleStore;
import org.shortwave.content.ChangeLog;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes on one database: a change written on this node (A) reaches node B through the change log, evicts the
 * pages B had stored and makes B call its purge hook, here a real HTTP server on loopback standing in for Varnish.
 */
@ExtendWith(DefaultPortsTaken.class)
class PageCacheTwoNodesIT extends AppTestBase {

    record Purge(String method, String path, String keys) {
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    ArticleStore store;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    ChangeLog changeLog;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    org.springframework.context.ApplicationContext nodeA;

    static HttpServer purgeServer(BlockingQueue<Purge> received, int status, String header) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(new Purge(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst(header)));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void aChangeOnOneNodeEvictsTheOtherNodesPagesAndPurgesItsFrontCache() throws Exception {
        assertThat(nodeA.getBeansOfType(PurgeHook.class)).as("no purge URL, no hook").isEmpty();
        Section section = taxonomy.section("en", taxonomy.ensureSection("en", "two-node-cache", "Two nodes", 96))
                .orElseThrow();
        long id = store.create(anArticle().in(section).headline("Two nodes before").publishedAt(NOW.minusSeconds(30))
                .build());
        String path = "/en/two-nodes-before/a-" + id;

        BlockingQueue<Purge> purges = new LinkedBlockingQueue<>();
        HttpServer varnish = purgeServer(purges, 200, "xkey-purge");
        HikariDataSource database = dataSource.unwrap(HikariDataSource.class);
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data")), "node-b-");
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=-1",
                "--shortwave.data-dir=" + dataDir,
                "--shortwave.demo-content=false", "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--shortwave.purge.url=http://127.0.0.1:" + varnish.getAddress().getPort() + "/"));
        if (database.getPassword() != null) {
            args.add("--spring.datasource.password=" + database.getPassword());
        }
        try (ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(ShortwaveApplication.class)
                .run(args.toArray(String[]::new))) {
            URI b = URI.create("http://localhost:" + nodeB.getEnvironment().getProperty("local.server.port") + path);
            assertThat(header(fetchB(b), "X-Cache")).isEqualTo("miss");
            // Node B's own start-up work (its first most-read check) may evict while a page renders, which then
            // is not stored: fetch until it is served from the store, a few times at most.
            HttpResponse<byte[]> stored = fetchB(b);
            for (int i = 0; i < 5 && !"hit".equals(header(stored, "X-Cache")); i++) {
                stored = fetchB(b);
            }
            assertThat(header(stored, "X-Cache")).isEqualTo("hit");
            assertThat(PageCacheIT.text(stored)).contains("Two nodes before");

            new ArticleChanges(jdbc, changeLog, transactions).retitle(id, "Two nodes after");

            Purge purge = awaitPurgeOf("a" + id, purges);
            assertThat(purge.method()).isEqualTo("PURGE");
            assertThat(purge.path()).isEqualTo("/");
            assertThat(Set.of(purge.keys().split(" "))).contains("a" + id, "s" + section.id(), "e:en", "sitemap");
            HttpResponse<byte[]> fresh = fetchB(b);
            assertThat(header(fresh, "X-Cache")).as("node B evicted before it purged").isEqualTo("miss");
            assertThat(PageCacheIT.text(fresh)).contains("Two nodes after").doesNotContain("Two nodes before");
        } finally {
            varnish.stop(0);
        }
    }

    @Test
    void aPurgeThatFailsIsLoggedAndNeverThrows() throws Exception {
        BlockingQueue<Purge> purges = new LinkedBlockingQueue<>();
        HttpServer refusing = purgeServer(purges, 500, "X-Keys");
        try {
            HttpPurgeHook hook = new HttpPurgeHook(new PurgeProperties(
                    URI.create("http://127.0.0.1:" + refusing.getAddress().getPort() + "/purge"), "BAN", "X-Keys",
                    Duration.ofSeconds(2), Duration.ZERO));
            hook.send(Set.of("a1")).get(10, TimeUnit.SECONDS);
            assertThat(purges.poll(5, TimeUnit.SECONDS)).isEqualTo(new Purge("BAN", "/purge", "a1"));
            // A purge goes twice: at once, and again a moment later for a page fetched while the first passed.
            HttpPurgeHook twice = new HttpPurgeHook(new PurgeProperties(
                    URI.create("http://127.0.0.1:" + refusing.getAddress().getPort() + "/purge"), "BAN", "X-Keys",
                    Duration.ofSeconds(2), Duration.ofMillis(300)));
            twice.purge(Set.of("a2"));
            assertThat(purges.poll(5, TimeUnit.SECONDS)).isEqualTo(new Purge("BAN", "/purge", "a2"));
            assertThat(purges.poll(5, TimeUnit.SECONDS)).isEqualTo(new Purge("BAN", "/purge", "a2"));
        } finally {
            refusing.stop(0);
        }
        // Nobody listens there any more: the purge fails, and says so only in the log.
        HttpPurgeHook gone = new HttpPurgeHook(new PurgeProperties(
                URI.create("http://127.0.0.1:" + refusing.getAddress().getPort() + "/"), "PURGE", "xkey-purge",
                Duration.ofSeconds(2), Duration.ofMillis(100)));
        gone.purge(Set.of("a1"));
        assertThat(gone.send(Set.of("a1", "e:en")).get(10, TimeUnit.SECONDS)).isNull();
        assertThat(gone.send(Set.of()).get(1, TimeUnit.SECONDS)).isNull();
    }

    private HttpResponse<byte[]> fetchB(URI uri) {
        return PageCacheIT.fetch(http, HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static Purge awaitPurgeOf(String key, BlockingQueue<Purge> purges) {
        return Await.result(() -> {
            Purge purge = purges.poll();
            return purge != null && purge.keys() != null && Set.of(purge.keys().split(" ")).contains(key) ? purge : null;
        }, "a purge of " + key);
    }
}
