package org.shortwave.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.shortwave.accounts.Accounts;
import org.shortwave.media.MediaUploads;
import org.shortwave.media.RejectedUploadException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;

/** Request ids, probes, Prometheus metrics on the management port only, and the admins' health page. */
class OperationsIT extends AppTestBase {

    private static final String PASSWORD = "harbour lights at dusk";

    @LocalManagementPort
    int managementPort;

    @Autowired
    Accounts accounts;
    @Autowired
    MediaUploads uploads;

    @Test
    void everyResponseCarriesARequestIdAndAGoodOneSentInIsKept() {
        HttpResponse<String> fresh = get("/en/");
        assertThat(fresh.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(get("/en/").headers().firstValue("X-Request-Id")).isNotEqualTo(fresh.headers()
                .firstValue("X-Request-Id"));

        HttpResponse<String> kept = send(HttpRequest.newBuilder(uri("/en/")).header("X-Request-Id", "varnish-1234abcd")
                .build());
        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("varnish-1234abcd");
        HttpResponse<String> replaced = send(HttpRequest.newBuilder(uri("/en/"))
                .header("X-Request-Id", "<script>alert(1)</script>").build());
        assertThat(replaced.headers().firstValue("X-Request-Id").orElseThrow()).doesNotContain("<");
    }

    @Test
    void livenessAndReadinessAnswerOnTheSitesPort() {
        assertThat(get("/livez").statusCode()).isEqualTo(200);
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
        assertThat(get("/readyz").body()).contains("UP").doesNotContain("components");
    }

    @Test
    void metricsAreOnTheManagementPortOnlyWithRequestsByPageKind() {
        get(referenceArticlePath("zh-hans"));
        get("/zh-hans/");
        assertThatThrownBy(() -> uploads.acceptImage("<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8),
                "alt", null, null, null)).isInstanceOf(RejectedUploadException.class);

        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(404);
        HttpResponse<String> metrics = send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/prometheus")).build());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("http_server_requests_seconds_count\\{[^}]*page=\"article\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*page=\"home\"")
                .containsPattern("shortwave_media_upload_rejections_total\\{[^}]*reason=\"unsupported_type\"")
                .contains("shortwave_changelog_lag_changes", "shortwave_search_index_lag_changes",
                        "shortwave_scheduler_runs_total", "hikaricp_connections_usage_seconds",
                        "shortwave_page_cache_hits_total", "shortwave_page_cache_misses_total",
                        "shortwave_page_cache_size_bytes", "shortwave_page_cache_coalescing",
                        "shortwave_readers_waiting");
    }

    /**
     * By default the management port listens on the loopback address only: from this machine's own network address
     * (as another machine would reach it) the connection is refused, while the site's port answers there.
     */
    @Test
    void theManagementPortListensOnLoopbackOnlyByDefault() throws IOException {
        InetAddress outward = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst().orElse(null);
        assumeTrue(outward != null, "this machine has no network address but loopback");

        assertThat(connects(InetAddress.getLoopbackAddress(), managementPort)).isTrue();
        assertThat(connects(outward, port)).as("the site's port on " + outward).isTrue();
        assertThat(connects(outward, managementPort)).as("the management port on " + outward).isFalse();
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Test
    void adminsSeeTheHealthPageAndOthersDoNot() {
        assertThat(get("/admin/health").statusCode()).isEqualTo(302);

        Browser admin = new Browser().signIn(account(true));
        HttpResponse<String> page = admin.get("/admin/health");
        assertThat(page.statusCode()).isEqualTo(200);
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("table.health tbody tr")).hasSize(5);
        assertThat(html.select("table.health tbody th").eachText())
                .containsExactly("Database", "Search index", "Change log", "Disk", "Media store");
        assertThat(html.select("tr.status-fail")).isEmpty();
        assertThat(html.text()).contains("PostgreSQL", "local disk");

        Browser editor = new Browser().signIn(account(false));
        assertThat(editor.get("/admin/health").statusCode()).isEqualTo(403);
    }

    private String account(boolean admin) {
        String email = "ops-" + UUID.randomUUID() + "@example.org";
        accounts.create(null, email, "Ops Person", PASSWORD, admin);
        return email;
    }

    class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) {
            try {
                return client.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        Browser signIn(String email) {
            String token = Jsoup.parse(get("/admin/login").body()).selectFirst("input[name=_csrf]").attr("value");
            String form = "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&email="
                    + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/admin/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/admin/");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }
    }
}
