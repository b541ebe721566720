package org.shortwave.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.shortwave.content.Article;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.Person;
import org.shortwave.content.Section;
import org.shortwave.i18n.Edition;
import org.shortwave.platform.PublicUrl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Full-text feeds: the body as escaped HTML in every format, still well-formed, with the public URL in front. */
class FeedWriterTest {

    static final Instant PUBLISHED = Instant.parse("2026-11-20T08:00:00Z");

    final Edition edition = new Edition("zh-hans", Locale.forLanguageTag("zh-Hans-CN"), "中文", "短波", "ltr",
            ZoneId.of("Asia/Shanghai"), true);
    final Section section = new Section(3, "zh-hans", "world", "国际");
    final Article article = new Article(12, "zh-hans", section, "标题 <script>x</script>", "biao-ti", "导语\u0001。",
            "（短波中文）", List.of(new Block.Heading("小标题 & <b>", 2),
                    new Block.Paragraph(InlineHtml.sanitize("正文<em>强调</em><script>bad()</script>"))),
            null, List.of(new Person(1, "林晓雨", "Lin Xiaoyu", null)), List.of(), PUBLISHED,
            PUBLISHED.plusSeconds(3600), "短波", List.of());
    final FeedChannel channel = new FeedChannel(edition, "国际 - 短波", section.path(),
            List.of(new FeedEntry(article, null)));
    final FeedWriter writer = new FeedWriter(new PublicUrl("https://news.example.org/"),
            Clock.fixed(PUBLISHED, ZoneOffset.UTC), true);

    @Test
    void rssCarriesTheWholeTextAsHtml() throws Exception {
        Channel rss = (Channel) new WireFeedInput().build(new StringReader(writer.write(channel, FeedFormat.RSS)));
        var item = rss.getItems().getFirst();
        // Readers take an RSS title for HTML: it arrives as escaped text, like the description.
        assertThat(item.getTitle()).isEqualTo("标题 &lt;script&gt;x&lt;/script&gt;");
        assertThat(item.getDescription().getValue()).contains("<h2>小标题 &amp; &lt;b&gt;</h2>", "<em>强调</em>", "（短波中文）")
                .doesNotContain("bad()", "\u0001");
        assertThat(item.getGuid().getValue()).isEqualTo("https://news.example.org/zh-hans/a-12");
        assertThat(item.getLink()).isEqualTo("https://news.example.org/zh-hans/biao-ti/a-12");
    }

    /**
     * Found by the XSS corpus: readers render an RSS description as HTML, so a lead written as text went out as markup
     * ({@code <img onerror>} in a lead ran in a reader). Without full text the lead is escaped once more.
     */
    @Test
    void rssWithoutFullTextCarriesTheLeadAsEscapedHtml() throws Exception {
        Article hostile = new Article(13, "zh-hans", section, "标题", "biao-ti", "<img src=x onerror=run()> & more",
                "", List.of(new Block.Heading("小标题", 2)), null, List.of(), List.of(), PUBLISHED, PUBLISHED, "短波",
                List.of());
        FeedWriter summaries = new FeedWriter(new PublicUrl("https://news.example.org/"),
                Clock.fixed(PUBLISHED, ZoneOffset.UTC), false);
        String xml = summaries.write(new FeedChannel(edition, "国际 <b>", section.path(),
                List.of(new FeedEntry(hostile, null))), FeedFormat.RSS);
        Channel rss = (Channel) new WireFeedInput().build(new StringReader(xml));
        assertThat(rss.getItems().getFirst().getDescription().getValue())
                .isEqualTo("&lt;img src=x onerror=run()&gt; &amp; more");
        assertThat(rss.getDescription()).isEqualTo("国际 &lt;b&gt;");
        assertThat(org.jsoup.Jsoup.parseBodyFragment(rss.getItems().getFirst().getDescription().getValue()).text())
                .isEqualTo("<img src=x onerror=run()> & more");
    }

    @Test
    void atomHasTheLeadAsSummaryAndTheTextAsHtmlContent() throws Exception {
        Feed atom = (Feed) new WireFeedInput().build(new StringReader(writer.write(channel, FeedFormat.ATOM)));
        var entry = atom.getEntries().getFirst();
        assertThat(entry.getSummary().getValue()).isEqualTo("导语。");
        assertThat(entry.getContents().getFirst().getType()).isEqualTo("html");
        assertThat(entry.getContents().getFirst().getValue()).contains("<em>强调</em>");
        assertThat(entry.getUpdated()).isEqualTo(java.util.Date.from(PUBLISHED.plusSeconds(3600)));
        assertThat(entry.getAuthors().getFirst().getName()).isEqualTo("林晓雨");
    }

    @Test
    void jsonFeedHasContentHtmlAndOffsetDates() {
        JsonNode item = JsonMapper.builder().build().readTree(writer.write(channel, FeedFormat.JSON)).path("items").get(0);
        assertThat(item.path("content_html").asString()).contains("<em>强调</em>");
        assertThat(item.has("content_text")).isFalse();
        assertThat(item.path("date_published").asString()).isEqualTo("2026-11-20T16:00:00+08:00");
        assertThat(item.path("date_modified").asString()).isEqualTo("2026-11-20T17:00:00+08:00");
        assertThat(item.path("authors").get(0).path("name").asString()).isEqualTo("林晓雨");
    }
}
