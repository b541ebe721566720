package org.shortwave.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shortwave.content.ArticleFixtures.anArticle;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.shortwave.content.ArticleStore;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every feed parses with Rome (or as JSON Feed 1.1), follows its format's rules, and shows visible stories only. */
class FeedsIT extends AppTestBase {

    @Autowired
    org.shortwave.content.ChangeLog changeLog;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    ArticleStore store;
    @Autowired
    Taxonomy taxonomy;

    Section section;

    @BeforeEach
    void section() {
        section = taxonomy.section("en", taxonomy.ensureSection("en", "feed-tests", "Feed tests", 97)).orElseThrow();
    }

    @Test
    void theEditionFeedsFollowTheirFormatsRules() throws Exception {
        Channel rss = (Channel) parse(get("/en/feed.rss"), "application/rss+xml");
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertThat(rss.getTitle()).isEqualTo("Shortwave");
        assertThat(rss.getLink()).isEqualTo("http://localhost:8080/en/");
        assertThat(rss.getDescription()).isNotBlank();
        assertThat(rss.getLanguage()).isEqualTo("en-GB");
        assertThat(rss.getItems()).isNotEmpty().hasSizeLessThanOrEqualTo(Feeds.SIZE);
        for (Item item : rss.getItems()) {
            assertThat(item.getTitle()).isNotBlank();
            assertThat(item.getLink()).startsWith("http://localhost:8080/en/").matches(".*/a-\\d+");
            assertThat(item.getGuid().getValue()).matches("http://localhost:8080/en/a-\\d+");
            assertThat(item.getGuid().isPermaLink()).isTrue();
            assertThat(item.getPubDate()).isNotNull();
            assertThat(item.getDescription().getValue()).isNotBlank();
        }
        // RSS dates are RFC 822; the raw XML shows it (Rome would also read other forms).
        assertThat(get("/en/feed.rss").body()).containsPattern(
                "<pubDate>(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT</pubDate>");
        Item withImage = rss.getItems().stream().filter(i -> !i.getEnclosures().isEmpty()).findFirst().orElseThrow();
        assertThat(withImage.getEnclosures().getFirst().getUrl()).startsWith("http://localhost:8080/media/");
        assertThat(withImage.getEnclosures().getFirst().getType()).startsWith("image/");
        assertThat(withImage.getEnclosures().getFirst().getLength()).isPositive();
        String enclosure = withImage.getEnclosures().getFirst().getUrl().substring("http://localhost:8080".length());
        assertThat(get(enclosure).headers().firstValueAsLong("Content-Length").orElse(-1))
                .isEqualTo(withImage.getEnclosures().getFirst().getLength());

        Feed atom = (Feed) parse(get("/zh-hans/feed.atom"), "application/atom+xml");
        assertThat(atom.getId()).isEqualTo("http://localhost:8080/zh-hans/feed.atom");
        assertThat(atom.getTitle()).isEqualTo("短波");
        assertThat(atom.getUpdated()).isNotNull();
        assertThat(get("/zh-hans/feed.atom").body()).containsPattern("<feed [^>]*xml:lang=\"zh-Hans-CN\"");
        assertThat(atom.getAuthors()).isNotEmpty();
        assertThat(atom.getOtherLinks()).anySatisfy(l -> {
            assertThat(l.getRel()).isEqualTo("self");
            assertThat(l.getHref()).isEqualTo(atom.getId());
        });
        for (Entry entry : atom.getEntries()) {
            assertThat(entry.getId()).matches("http://localhost:8080/zh-hans/a-\\d+");
            assertThat(entry.getTitle()).isNotBlank();
            assertThat(entry.getUpdated()).isNotNull();
            assertThat(entry.getAlternateLinks().getFirst().getHref()).startsWith("http://localhost:8080/zh-hans/");
            assertThat(entry.getSummary().getValue()).isNotBlank();
        }
        // Atom dates are RFC 3339.
        assertThat(get("/zh-hans/feed.atom").body()).containsPattern("<updated>\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z</updated>");

        JsonNode json = json(get("/zh-hans/feed.json"));
        assertThat(json.path("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(json.path("title").asString()).isEqualTo("短波");
        assertThat(json.path("home_page_url").asString()).isEqualTo("http://localhost:8080/zh-hans/");
        assertThat(json.path("feed_url").asString()).isEqualTo("http://localhost:8080/zh-hans/feed.json");
        assertThat(json.path("language").asString()).isEqualTo("zh-Hans-CN");
        assertThat(json.path("items").size()).isPositive();
        for (JsonNode item : json.path("items")) {
            assertThat(item.path("id").asString()).isNotBlank();
            assertThat(item.has("content_html") || item.has("content_text")).isTrue();
            assertThat(item.path("url").asString()).startsWith("http://localhost:8080/zh-hans/");
            assertThat(OffsetDateTime.parse(item.path("date_published").asString()).getOffset().getTotalSeconds())
                    .as("Chinese edition dates carry +08:00").isEqualTo(8 * 3600);
        }
    }

    @Test
    void onlyVisibleStoriesAppearAndGuidsSurviveASlugChange() throws Exception {
        long visible = store.create(anArticle().in(section).headline("Feed visible story")
                .publishedAt(NOW.minus(Duration.ofHours(3))).build());
        long draft = store.create(anArticle().in(section).headline("Feed draft story").draft().build());
        long unpublished = store.create(anArticle().in(section).headline("Feed withdrawn story").unpublished().build());
        long future = store.create(anArticle().in(section).headline("Feed scheduled story")
                .publishedAt(NOW.plus(Duration.ofHours(1))).build());
        long control = store.create(anArticle().in(section).headline("Bell and <b>tag</b> & co")
                .publishedAt(NOW.minus(Duration.ofHours(4))).build());
        // Headlines refuse control characters when written (ArticleContent); one stored before that rule, or by hand,
        // must still never reach a feed, where XML 1.0 forbids it.
        jdbc.sql("update article set headline = ? where id = ?").params("Bell\u0007 and <b>tag</b> & co", control)
                .update();

        for (String format : List.of("rss", "atom", "json")) {
            String body = get(section.path() + "/feed." + format).body();
            assertThat(body).as(format).contains("/en/a-" + visible).contains("Feed visible story");
            assertThat(body).as(format).doesNotContain("Feed draft story", "Feed withdrawn story", "Feed scheduled story",
                    "/a-" + draft + "<", "/a-" + unpublished + "<", "/a-" + future + "<");
            assertThat(body).as(format).doesNotContain("\u0007");
        }
        Channel rss = (Channel) parse(get(section.path() + "/feed.rss"), "application/rss+xml");
        // An RSS title is escaped for readers that take it for HTML, as the description is.
        assertThat(rss.getItems()).extracting(Item::getTitle).contains("Bell and &lt;b&gt;tag&lt;/b&gt; &amp; co");
        assertThat(control).isPositive();

        String guidBefore = guidOf(rss, "Feed visible story");
        String atomIdBefore = atomIdOf("Feed visible story");
        // Written as the newsroom writes: with its change-log entry, which also evicts the cached feeds.
        transactions.executeWithoutResult(status -> {
            jdbc.sql("update article set slug = 'feed-visible-story-renamed' where id = ?").param(visible).update();
            changeLog.record(org.shortwave.content.ChangeKind.ARTICLE_SAVED, visible, "en");
        });
        Channel after = (Channel) parse(get(section.path() + "/feed.rss"), "application/rss+xml");
        assertThat(guidOf(after, "Feed visible story")).isEqualTo(guidBefore).endsWith("/en/a-" + visible);
        assertThat(atomIdOf("Feed visible story")).isEqualTo(atomIdBefore);
        assertThat(after.getItems().stream().filter(i -> i.getTitle().equals("Feed visible story")).findFirst()
                .orElseThrow().getLink()).endsWith("/feed-visible-story-renamed/a-" + visible);
        // The guid is a permalink: it leads to the story's current address.
        HttpResponse<String> permalink = get(guidBefore.substring("http://localhost:8080".length()));
        assertThat(permalink.statusCode()).isEqualTo(301);
        assertThat(permalink.headers().firstValue("Location").orElseThrow()).endsWith("/feed-visible-story-renamed/a-" + visible);
    }

    @Test
    void feedUrlsFollowThePagesAndAnswerStaleSlugsAndUnknownIds() {
        assertThat(get("/en/old-name/s-" + section.id() + "/feed.atom").statusCode()).isEqualTo(301);
        assertThat(get("/en/old-name/s-" + section.id() + "/feed.atom").headers().firstValue("Location"))
                .contains(section.path() + "/feed.atom");
        assertThat(get("/en/x/s-999999999/feed.rss").statusCode()).isEqualTo(404);
        assertThat(get("/xx/feed.rss").statusCode()).isEqualTo(404);
        String topic = jdbc.sql("select '/en/' || slug || '/t-' || id from topic where edition_code = 'en' order by id limit 1")
                .query(String.class).single();
        assertThat(get(topic + "/feed.json").statusCode()).isEqualTo(200);
    }

    @Test
    void feedsAnswerConditionalRequestsWith304() {
        HttpResponse<String> first = get("/en/feed.rss");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        var again = send(java.net.http.HttpRequest.newBuilder(uri("/en/feed.rss")).header("If-None-Match", etag).build());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    private String guidOf(Channel channel, String title) {
        return channel.getItems().stream().filter(i -> i.getTitle().equals(title)).findFirst().orElseThrow()
                .getGuid().getValue();
    }

    private String atomIdOf(String title) throws Exception {
        Feed atom = (Feed) parse(get(section.path() + "/feed.atom"), "application/atom+xml");
        return atom.getEntries().stream().filter(e -> e.getTitle().equals(title)).findFirst().orElseThrow().getId();
    }

    static WireFeed parse(HttpResponse<String> response, String mediaType) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(mediaType);
        WireFeedInput input = new WireFeedInput();
        input.setXmlHealerOn(false);
        return input.build(new StringReader(response.body()));
    }

    static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/feed+json");
        return JsonMapper.builder().build().readTree(response.body());
    }

}
