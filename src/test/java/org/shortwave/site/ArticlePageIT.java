package org.shortwave.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;

/** The article page carries every part of the reference page (DESIGN.md section 1), in order. */
class ArticlePageIT extends AppTestBase {

    @Test
    void theChineseReferenceArticleHasEveryPartInOrder() {
        HttpResponse<String> response = get(referenceArticlePath("zh-hans"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).startsWith("public, max-age=60"));
        Document page = Jsoup.parse(response.body());

        assertThat(page.selectFirst("html").attr("lang")).startsWith("zh-Hans");
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("ltr");

        // 1. Three skip links, in Chinese, to elements that exist and can take focus.
        Elements skips = page.select("ul.skip-links a");
        assertThat(skips.eachAttr("href")).containsExactly("#content", "#main-menu", "#editions");
        assertThat(skips.eachText()).containsExactly("跳至正文", "跳至主菜单", "跳至其他语言网站");
        for (Element skip : skips) {
            Element target = page.getElementById(skip.attr("href").substring(1));
            assertThat(target).isNotNull();
            assertThat(target.attr("tabindex")).isEqualTo("-1");
        }

        // 2. The main menu and the way to the other editions.
        Element menu = page.selectFirst("header nav#main-menu");
        assertThat(menu.select("a").eachText()).contains("首页", "国际", "中国", "科技", "财经");
        Element editions = page.selectFirst("header nav#editions");
        assertThat(editions.selectFirst("a[lang=en-GB]").text()).isEqualTo("English");

        // 3. Headline (a question), date in the edition's format, lead.
        Element article = page.selectFirst("main#content article");
        Element h1 = article.selectFirst("h1");
        assertThat(h1.text()).endsWith("？");
        Element time = article.selectFirst("header time");
        assertThat(time.attr("datetime")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(time.text()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
        Element lead = article.selectFirst("p.lead");
        assertThat(lead.text()).isNotBlank();

        // 4. Photo with alt text, caption and credit line.
        Element photo = article.selectFirst("figure.photo");
        assertThat(photo.selectFirst("img").attr("alt")).isNotBlank();
        assertThat(photo.selectFirst("img").attr("src")).startsWith("/media/");
        assertThat(photo.selectFirst("figcaption .caption").text()).isNotBlank();
        assertThat(photo.selectFirst("figcaption .credit").text()).matches("图像来源: .+/.+");

        // 5. A long body opening with the dateline; quotes of named people; two subheadings.
        Element body = article.selectFirst(".story-body");
        Elements paragraphs = body.select("> p");
        assertThat(paragraphs).hasSizeGreaterThanOrEqualTo(20);
        assertThat(paragraphs.first().selectFirst("bdi.dateline").text()).isEqualTo("（短波中文）");
        assertThat(body.select("> h2")).hasSize(2);
        assertThat(body.text()).containsPattern("[\\p{IsHan}]{2,4}（[A-Z][a-z]+ [A-Z][a-z]+）");

        // 6. Video with title, duration and a Chinese fallback text inside the video element.
        Element video = article.selectFirst("figure.video");
        assertThat(video.selectFirst("video source").attr("type")).isEqualTo("video/mp4");
        assertThat(video.selectFirst("video track").attr("srclang")).startsWith("zh");
        assertThat(video.selectFirst("video .video-fallback").text()).startsWith("您的浏览器无法播放此视频。");
        assertThat(video.selectFirst("figcaption .video-title").text()).startsWith("视频：");
        assertThat(video.selectFirst("figcaption time").text()).matches("\\d{2}:\\d{2}");
        assertThat(video.selectFirst("figcaption time").attr("datetime")).matches("PT.*S");

        // 7. Copyright notice for the year.
        assertThat(article.selectFirst("p.copyright").text()).matches("© 20\\d\\d 短波。.*");

        // 8. Three teaser blocks, each with a heading, each preceded by a "skip to next section" link.
        Elements blocks = page.select("main > section.teasers");
        assertThat(blocks.eachAttr("id")).containsExactly("related", "top-stories", "more-stories");
        assertThat(blocks.stream().map(b -> b.selectFirst("h2").text()).toList())
                .containsExactly("相关内容", "热门新闻", "更多新闻");
        List<String> skipTargets = List.of("#top-stories", "#more-stories", "#footer");
        for (int i = 0; i < blocks.size(); i++) {
            Element skip = blocks.get(i).previousElementSibling();
            assertThat(skip.is("p.skip-section")).isTrue();
            assertThat(skip.selectFirst("a").attr("href")).isEqualTo(skipTargets.get(i));
            assertThat(skip.text()).isEqualTo("跳过“" + blocks.get(i).selectFirst("h2").text() + "”，继续阅读");
            assertThat(blocks.get(i).select("li a")).isNotEmpty();
        }

        // In that order.
        List<Element> parts = List.of(skips.first(), menu, editions, h1, time, lead, photo, paragraphs.first(),
                video, article.selectFirst("p.copyright"), blocks.get(0), blocks.get(1), blocks.get(2));
        List<Integer> positions = parts.stream().map(ArticlePageIT::position).toList();
        assertThat(positions).isSorted();
    }

    @Test
    void theEnglishReferenceArticleIsInEnglishThroughout() {
        Document page = Jsoup.parse(get(referenceArticlePath("en")).body());

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en-GB");
        assertThat(page.select("ul.skip-links a").eachText())
                .containsExactly("Skip to content", "Skip to main menu", "Skip to Shortwave in other languages");
        assertThat(page.selectFirst("article header time").text()).matches("\\d{1,2} [A-Z][a-z]+ \\d{4}");
        assertThat(page.selectFirst("figure.photo .credit").text()).startsWith("Image source: ");
        assertThat(page.selectFirst("video .video-fallback").text()).startsWith("Your browser cannot play this video.");
        assertThat(page.selectFirst("nav#editions a").attr("lang")).startsWith("zh-Hans");
    }

    @Test
    void teaserBlocksNeverRepeatAStoryOrLinkToTheArticleItself() {
        String path = referenceArticlePath("zh-hans");
        Document page = Jsoup.parse(get(path).body());
        List<String> links = page.select("section.teasers li h3 a").eachAttr("href");
        assertThat(links).doesNotHaveDuplicates().doesNotContain(path);
    }

    @Test
    void aDraftIsNotFoundEvenAtItsOwnAddress() {
        String draft = jdbc.sql("""
                select '/' || edition_code || '/' || slug || '/a-' || id from article
                where source_key like 'demo:%' and status = 'draft' limit 1""").query(String.class).single();
        HttpResponse<String> response = get(draft);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("找不到此页面");
    }

    private static int position(Element element) {
        return element.ownerDocument().getAllElements().indexOf(element);
    }
}
