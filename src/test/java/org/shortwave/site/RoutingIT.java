package org.shortwave.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shortwave.AppTestBase;

/** Canonical URLs, 301s for stale slugs, and localized 404s for everything else: never a 500. */
class RoutingIT extends AppTestBase {

    @Test
    void aStaleOrMissingSlugIsRedirectedToTheCanonicalUrl() {
        String canonical = referenceArticlePath("zh-hans");
        String id = canonical.substring(canonical.lastIndexOf("/a-") + 3);

        assertRedirect(get("/zh-hans/an-old-slug/a-" + id), 301, canonical);
        assertRedirect(get("/zh-hans/a-" + id), 301, canonical);
        assertRedirect(get("/zh-hans/" + "x".repeat(3000) + "/a-" + id), 301, canonical);
        assertRedirect(get("/zh-hans/%E5%8F%B0%E9%A3%8E/a-" + id), 301, canonical);
        assertThat(get(canonical).statusCode()).isEqualTo(200);
    }

    @Test
    void sectionAndTopicPagesHaveCanonicalUrlsToo() {
        String section = jdbc.sql("select '/en/' || slug || '/s-' || id from section where edition_code = 'en' order by position limit 1")
                .query(String.class).single();
        String topic = jdbc.sql("select '/en/' || slug || '/t-' || id from topic where edition_code = 'en' order by id limit 1")
                .query(String.class).single();

        assertThat(get(section).statusCode()).isEqualTo(200);
        assertThat(get(topic).statusCode()).isEqualTo(200);
        assertRedirect(get("/en/old/" + section.substring(section.lastIndexOf('/') + 1)), 301, section);
        assertRedirect(get("/en/" + topic.substring(topic.lastIndexOf('/') + 1)), 301, topic);
        assertRedirect(get("/en"), 301, "/en/");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/zh-hans/x/a-abc", "/zh-hans/x/a-0", "/zh-hans/x/a-007", "/zh-hans/x/a--1", "/zh-hans/x/a-1.5",
            "/zh-hans/x/a-99999999999999999999999999", "/zh-hans/x/a-999999999", "/zh-hans/x/s-abc",
            "/zh-hans/x/s-99999", "/zh-hans/x/t-0", "/zh-hans/x/y/z", "/zh-hans/x/a-%F0%9F%92%A9"})
    void malformedAndUnknownAddressesInAnEditionGetItsLocalized404(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(404);
        assertThat(response.body()).as(path).contains("<html lang=\"zh-Hans", "找不到此页面", "返回首页");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/xx/story/a-1", "/english/", "/zh-hk/x/a-1", "/favicon.ico", "/a/b/c/d/e/f",
            "/media/00/does-not-exist.jpg", "/assets/nothing.css"})
    void addressesOutsideAnyEditionGetA404InTheReadersLanguage(String path) {
        HttpResponse<String> english = get(path, "en-US,en;q=0.9");
        assertThat(english.statusCode()).as(path).isEqualTo(404);
        assertThat(english.body()).as(path).contains("Page not found");

        HttpResponse<String> chinese = get(path, "zh-CN");
        assertThat(chinese.statusCode()).as(path).isEqualTo(404);
        assertThat(chinese.body()).as(path).contains("找不到此页面");
    }

    @Test
    void requestsTheServerCannotDecodeAreBadRequestsNotErrors() {
        // Tomcat refuses an encoded NUL, and Spring Security's firewall a path that climbs, before any controller.
        for (String path : java.util.List.of("/zh-hans/%00/a-1", "/zh-hans/media/../../etc/passwd", "/media/%2e%2e/x")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).doesNotContain("Tomcat", "Exception", "root:");
        }
    }

    @Test
    void otherErrorsGetAShortLocalizedPageWithoutDetails() {
        HttpResponse<String> chinese = send(HttpRequest.newBuilder(uri("/zh-hans/"))
                .POST(HttpRequest.BodyPublishers.ofString("x=1")).build());
        assertThat(chinese.statusCode()).isEqualTo(405);
        assertThat(chinese.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(chinese.body()).contains("<html lang=\"zh-Hans", "抱歉，出了点问题").doesNotContain("Exception", "timestamp");

        HttpResponse<String> english = send(HttpRequest.newBuilder(uri("/en/")).DELETE().build());
        assertThat(english.statusCode()).isEqualTo(405);
        assertThat(english.body()).contains("Sorry, something went wrong");
    }

    @Test
    void pagesDeclareTheirLanguage() {
        assertThat(get("/zh-hans/").headers().firstValue("Content-Language")).contains("zh-Hans-CN");
        assertThat(get("/en/").headers().firstValue("Content-Language")).contains("en-GB");
        assertThat(get("/zh-hans/x/a-0").headers().firstValue("Content-Language")).contains("zh-Hans-CN");
    }

    @Test
    void overLongPathsAreRefusedCleanly() {
        assertThat(get("/zh-hans/" + "a".repeat(8000)).statusCode()).isEqualTo(404);
        assertThat(get("/" + "b/".repeat(3000)).statusCode()).isEqualTo(404);
        assertThat(get("/zh-hans/x/a-" + "9".repeat(5000)).statusCode()).isEqualTo(404);
    }

    @Test
    void articleIdsBelongToTheirEdition() {
        String english = referenceArticlePath("en");
        String id = english.substring(english.lastIndexOf("/a-") + 3);
        assertThat(get("/zh-hans/whatever/a-" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void theRootSendsReadersToTheirLanguage() {
        assertRedirect(get("/", "en-US,en;q=0.9"), 302, "/en/");
        assertRedirect(get("/", "zh-CN,zh;q=0.9,en;q=0.5"), 302, "/zh-hans/");
        assertRedirect(get("/", "fr-FR"), 302, "/zh-hans/");
        assertRedirect(get("/"), 302, "/zh-hans/");
        assertRedirect(get("/", "!!!garbage;;q=x"), 302, "/zh-hans/");
        assertThat(get("/", "en").headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Accept-Language"));
    }

    private static void assertRedirect(HttpResponse<String> response, int status, String location) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).isEqualTo(location));
    }
}
