package org.shortwave.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;

/** Media and stylesheets come from our own origin, with the right type and a year's caching. */
class MediaAndAssetsIT extends AppTestBase {

    private static final String YEAR = "max-age=31536000";

    @Test
    void photosVideosAndCaptionsAreServedWithTheirTypeAndLongCaching() {
        Document page = Jsoup.parse(get(referenceArticlePath("zh-hans")).body());

        assertServed(page.selectFirst("figure.photo img").attr("src"), "image/jpeg");
        assertServed(page.selectFirst("video").attr("poster"), "image/jpeg");
        assertServed(page.selectFirst("video source").attr("src"), "video/mp4");
        assertServed(page.selectFirst("video track").attr("src"), "text/vtt");
    }

    @Test
    void videosCanBeSeekedWithRangeRequests() {
        Document page = Jsoup.parse(get(referenceArticlePath("zh-hans")).body());
        String video = page.selectFirst("video source").attr("src");

        HttpResponse<String> partial = send(HttpRequest.newBuilder(uri(video)).header("Range", "bytes=0-99").build());
        assertThat(partial.statusCode()).isEqualTo(206);
        assertThat(partial.headers().firstValue("Content-Range")).hasValueSatisfying(v -> assertThat(v).startsWith("bytes 0-99/"));
    }

    @Test
    void theStylesheetHasAFingerprintedUrl() {
        Document page = Jsoup.parse(get("/en/").body());
        String href = page.selectFirst("link[rel=stylesheet]").attr("href");
        assertThat(href).matches("/assets/site-[0-9a-f]{32}\\.css");
        assertServed(href, "text/css");
    }

    @Test
    void everyAssetOnThePageIsOurOwn() {
        Document page = Jsoup.parse(get(referenceArticlePath("zh-hans")).body());
        assertThat(page.select("[src], link[href]").eachAttr("src")).allMatch(src -> src.isEmpty() || src.startsWith("/"));
        // What the page loads comes from our origin; canonical and hreflang links name it absolutely (public URL).
        assertThat(page.select("link[rel=stylesheet], link[type]").eachAttr("href")).allMatch(href -> href.startsWith("/"));
        assertThat(page.select("link[href]").eachAttr("href"))
                .allMatch(href -> href.startsWith("/") || href.startsWith("http://localhost:8080/"));
        // JSON-LD is data, never run; the only other script is the page-view beacon's, from our own /assets.
        assertThat(page.select("script:not([type=application/ld+json])"))
                .allSatisfy(script -> assertThat(script.attr("src")).startsWith("/assets/beacon-"));
        assertThat(get("/en/").headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'self'"));
    }

    private void assertServed(String path, String contentType) {
        assertThat(path).startsWith("/");
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(path)
                .hasValueSatisfying(v -> assertThat(v).startsWith(contentType));
        assertThat(response.headers().firstValue("Cache-Control")).as(path)
                .hasValueSatisfying(v -> assertThat(v).contains(YEAR, "public"));
    }
}
