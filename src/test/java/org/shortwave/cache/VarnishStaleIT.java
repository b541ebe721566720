package org.shortwave.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.shortwave.Await;

/**
 * The shipped VCL's stale rules, with a real varnishd in front of a stand-in node on loopback whose answers the test
 * controls (short lifetimes, then failures): a page past its {@code stale-while-revalidate} is served stale while
 * the node answers 5xx or refuses connections ({@code stale-if-error}), and fresh again once it answers.
 */
class VarnishStaleIT {

    /** As Shortwave sends it for a page, with lifetimes short enough to pass during the test. */
    private static final String CACHE_CONTROL =
            "public, max-age=1, s-maxage=1, stale-while-revalidate=1, stale-if-error=86400";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPageIsServedStaleWhileTheNodeFailsAndFreshOnceItAnswers() throws Exception {
        AtomicReference<String> version = new AtomicReference<>("first");
        AtomicInteger failWith = new AtomicInteger(0);
        HttpServer node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        node.createContext("/", exchange -> {
            boolean probe = exchange.getRequestURI().getPath().equals("/readyz");
            int failure = failWith.get();
            if (!probe && failure != 0) {
                exchange.sendResponseHeaders(failure, -1);
                exchange.close();
                return;
            }
            byte[] body = (probe ? "UP" : "page " + version.get()).getBytes(StandardCharsets.UTF_8);
            if (!probe) {
                exchange.getResponseHeaders().set("Cache-Control", CACHE_CONTROL);
                exchange.getResponseHeaders().set("Surrogate-Key", "a1 e:en");
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        node.start();
        int port = node.getAddress().getPort();
        boolean stopped = false;
        try (Varnish varnish = Varnish.start(Varnish.freePort(), port, port)) {
            HttpRequest page = HttpRequest.newBuilder(varnish.uri("/en/stale/a-1")).build();
            HttpResponse<String> first = http.send(page, HttpResponse.BodyHandlers.ofString());
            assertThat(first.body()).isEqualTo("page first");

            // The node fails (500): every answer stays the stored page, hit then stale, never the error.
            failWith.set(500);
            List<HttpResponse<String>> seen = new ArrayList<>();
            Await.until(() -> cacheVerdict(send(page, seen)).equals("stale"), "the stale page while the node fails");
            assertThat(seen).allSatisfy(response -> {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("page first");
            });
            assertThat(Integer.parseInt(seen.getLast().headers().firstValue("Age").orElseThrow()))
                    .as("older than s-maxage plus stale-while-revalidate").isGreaterThanOrEqualTo(2);

            // The node answers again, with a new version: a page that stale is fetched anew, not served.
            version.set("second");
            failWith.set(0);
            Await.until(() -> send(page, seen).body().equals("page second"), "the node's new version");

            // The node is gone (connections refused): the stored page again, once it is past its window.
            node.stop(0);
            stopped = true;
            seen.clear();
            Await.until(() -> cacheVerdict(send(page, seen)).equals("stale"), "the stale page while the node is down");
            assertThat(seen).allSatisfy(response -> {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("page second");
            });
            assertThat(seen.getLast().headers().firstValue("Surrogate-Key")).isEmpty();
        } finally {
            if (!stopped) {
                node.stop(0);
            }
        }
    }

    private HttpResponse<String> send(HttpRequest request, List<HttpResponse<String>> seen) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            seen.add(response);
            return response;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String cacheVerdict(HttpResponse<?> response) {
        return response.headers().firstValue("X-Cache").orElse("");
    }
}
