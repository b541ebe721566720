package org.shortwave.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shortwave.AppTestBase;

/**
 * A Chinese article page as a text browser (w3m) shows it: the reference page's parts in order, in Chinese, with
 * no leaked markup or placeholders.
 */
class TextDumpIT extends AppTestBase {

    @TempDir
    Path dir;

    @Test
    void theTextOfAChineseArticleReadsCleanlyInOrder() throws Exception {
        String html = get(referenceArticlePath("zh-hans")).body();
        Document page = Jsoup.parse(html);
        Path file = dir.resolve("article.html");
        Files.writeString(file, html, StandardCharsets.UTF_8);

        String text = dump(file);

        List<String> inOrder = List.of(
                "跳至正文", "跳至主菜单", "跳至其他语言网站",
                "首页", "国际", "English",
                page.selectFirst("h1").text(),
                page.selectFirst("article header time").text(),
                page.selectFirst("p.lead").text().substring(0, 10),
                "图像来源: ",
                "（短波中文）",
                page.select(".story-body > h2").get(0).text(),
                page.selectFirst("figure.video .video-title").text(),
                "时长 " + page.selectFirst("figure.video figcaption time").text(),
                "©", "版权所有",
                "跳过“相关内容”，继续阅读", "相关内容",
                "跳过“热门新闻”，继续阅读", "热门新闻",
                "跳过“更多新闻”，继续阅读", "更多新闻");
        int from = 0;
        for (String part : inOrder) {
            int at = text.indexOf(part, from);
            assertThat(at).as("'%s' after position %d in:%n%s", part, from, text).isGreaterThanOrEqualTo(0);
            from = at + part.length();
        }

        assertThat(text).contains(page.select(".story-body > h2").get(1).text());
        assertThat(text).doesNotContainPattern("</?[a-zA-Z][^>]*>")
                .doesNotContain("&lt;", "&gt;", "&amp;", "&quot;", "&#", "[IMG]", "[image]", "null", "undefined");
    }

    private static String dump(Path file) throws Exception {
        Process process = new ProcessBuilder("w3m", "-dump", "-cols", "200",
                // Like lynx, leave out images whose alt is empty (decorative teaser pictures) instead of naming the file.
                "-o", "ignore_null_img_alt=0", "-T", "text/html", "-I", "UTF-8",
                "-O", "UTF-8", file.toString()).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("w3m exit code; output:%n%s", text).isZero();
        return text;
    }
}
