package org.shortwave.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.shortwave.NewsroomBrowser;

/**
 * Every kind of response carries the security headers: pages, feeds, sitemaps, robots, media, assets, the content
 * API, the admin API's refusal, error pages, the newsroom and the beacon. And the newsroom's session cookie is
 * HttpOnly and SameSite.
 */
class SecurityHeadersIT extends AppTestBase {

    @Test
    void everyResponseKindCarriesTheSecurityHeaders() {
        String home = get("/zh-hans/").body();
        String article = Jsoup.parse(home).select("main a[href*=/a-]").first().attr("href");
        // A demo photo: public, whatever stories other tests have put first on the home page.
        String picture = "/media/" + jdbc.sql("select file_path from media where source_key is not null and "
                + "visibility = 'public' and kind = 'image' order by id limit 1").query(String.class).single();

        Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();
        for (String path : List.of("/zh-hans/", article, "/zh-hans/feed.rss", "/zh-hans/feed.json", "/sitemap.xml",
                "/robots.txt", picture, "/api/v1/openapi.json", "/api/v1/search?edition=zh-hans&q=%E5%8F%B0%E9%A3%8E",
                "/api/admin/v1/articles/1", "/zh-hans/no-such-page", "/zh-hans/a-99999999", "/admin/login",
                "/api/beacon")) {
            responses.put(path, get(path));
        }
        responses.put("POST /api/v1/articles", send(HttpRequest.newBuilder(uri("/api/v1/articles"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()));

        responses.forEach((path, response) -> {
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> {
                assertThat(csp).contains("default-src 'self'", "script-src 'self'", "object-src 'none'",
                        "frame-ancestors 'none'", "base-uri 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
            });
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("strict-origin-when-cross-origin");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(headers.firstValue("Strict-Transport-Security")).as("%s over plain HTTP", path).isEmpty();
            assertThat(headers.firstValue("Set-Cookie")).as("%s sets no cookie", path)
                    .satisfiesAnyOf(cookie -> assertThat(cookie).isEmpty(),
                            cookie -> assertThat(path).startsWith("/admin/"));
        });
        System.out.printf("Security headers: %d response kinds checked%n", responses.size());
    }

    @Test
    void theNewsroomSessionCookieIsHttpOnlyAndSameSite() {
        HttpResponse<String> login = new NewsroomBrowser(this::uri).get("/admin/login");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("Path=/");
    }
}
