package org.shortwave.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.zip.GZIPOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;

/**
 * The reference article page stays lean for readers on slow networks: HTML plus CSS under 20 KB compressed (media
 * excluded), no script that blocks rendering, every image with its size and srcset, those below the first lazy, and
 * no font but the system's.
 */
class LeanPageIT extends AppTestBase {

    static final int BUDGET_BYTES = 20 * 1024;

    @Test
    void theReferenceArticleIsUnderTwentyKilobytesCompressedWithItsStylesheet() throws IOException {
        for (String edition : new String[] {"zh-hans", "en"}) {
            String html = get(referenceArticlePath(edition)).body();
            Document page = Jsoup.parse(html);
            int total = gzipped(html);
            for (Element stylesheet : page.select("link[rel=stylesheet]")) {
                HttpResponse<String> css = get(stylesheet.attr("href"));
                assertThat(css.statusCode()).isEqualTo(200);
                assertThat(css.body()).as("system fonts only").doesNotContain("@font-face").doesNotContain("url(http");
                total += gzipped(css.body());
            }
            assertThat(total).as(edition + ": HTML + CSS, gzip").isLessThan(BUDGET_BYTES);
        }
    }

    @Test
    void nothingBlocksRenderingAndImagesAreSizedAndLazyBelowTheFold() {
        Document page = Jsoup.parse(get(referenceArticlePath("zh-hans")).body());
        for (Element script : page.select("script[src]")) {
            assertThat(script.hasAttr("defer") || script.hasAttr("async")).as(script.outerHtml()).isTrue();
        }
        assertThat(page.select("head script:not([src]):not([type=application/ld+json])")).as("no inline script in the head").isEmpty();
        var images = page.select("main img:not(.beacon)");
        assertThat(images).hasSizeGreaterThan(1);
        for (Element image : images) {
            assertThat(image.attr("width")).as(image.outerHtml()).matches("[1-9][0-9]*");
            assertThat(image.attr("height")).as(image.outerHtml()).matches("[1-9][0-9]*");
            assertThat(image.attr("srcset")).as(image.outerHtml()).isNotBlank();
        }
        assertThat(images.first().attr("loading")).as("the main photo loads at once").isNotEqualTo("lazy");
        images.stream().skip(1).forEach(image -> assertThat(image.attr("loading")).as(image.outerHtml()).isEqualTo("lazy"));
    }

    private static int gzipped(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.size();
    }
}
