package org.shortwave.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;

/** Demo photos come in several widths: every img has srcset, sizes, width and height, and every copy is served. */
class ResponsiveImagesIT extends AppTestBase {

    @Test
    void theArticlePhotoOffersEveryWidthUpToTheOriginal() {
        Document page = Jsoup.parse(get(referenceArticlePath("zh-hans")).body());
        Element photo = page.selectFirst("figure.photo img");

        List<String> candidates = Arrays.stream(photo.attr("srcset").split(",\\s*")).toList();
        assertThat(candidates).extracting(c -> c.substring(c.lastIndexOf(' ') + 1))
                .containsExactly("320w", "640w", "960w", "1200w");
        assertThat(candidates.getLast()).startsWith(photo.attr("src") + " ");
        assertThat(photo.attr("sizes")).isNotBlank();
        for (String candidate : candidates) {
            String url = candidate.substring(0, candidate.indexOf(' '));
            HttpResponse<String> file = get(url);
            assertThat(file.statusCode()).as(url).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/jpeg");
        }
    }

    @Test
    void everyImageOnTheSiteHasItsSizeAndCandidates() {
        for (String path : List.of("/zh-hans/", "/en/", referenceArticlePath("zh-hans"), referenceArticlePath("en"))) {
            Document page = Jsoup.parse(get(path).body());
            assertThat(page.select("img:not(.beacon)")).as(path).isNotEmpty().allSatisfy(img -> {
                assertThat(img.attr("width")).as(path).matches("[1-9][0-9]*");
                assertThat(img.attr("height")).as(path).matches("[1-9][0-9]*");
                assertThat(img.attr("srcset")).as(path).contains(" 320w");
                assertThat(img.attr("sizes")).as(path).isNotBlank();
            });
        }
    }
}
