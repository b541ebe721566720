package org.shortwave;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.Taxonomy;
import org.shortwave.editorial.EditorialWorkflow;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The one visibility rule across every public surface at once: a story written in the newsroom and published under
 * an embargo is on no page, feed, sitemap, API answer or search result until the embargo ends, and on all of them
 * after; once unpublished, it is gone from all of them again.
 */
class PublicSurfacesIT extends AppTestBase {

    @Autowired
    EditorialWorkflow workflow;
    @Autowired
    Accounts accounts;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anEmbargoedStoryAppearsEverywhereWhenItEndsAndLeavesEverywhereWhenUnpublished() throws Exception {
        Account admin = accounts.create(null, "surfaces-" + UUID.randomUUID() + "@example.org", "管理员", "harbour lights", true);
        long section = taxonomy.ensureSection("zh-hans", "surfaces", "全站测试", 95);
        String word = "禁发测试" + Long.toString(System.nanoTime() % 100000, 36);
        String headline = word + "：灯塔重新点亮";
        long id = workflow.create(admin, new ArticleContent("zh-hans", section, headline, "embargo-" + id(), "导语。",
                "（短波中文）", List.of(new Block.Paragraph(InlineHtml.sanitize("灯塔守护人说明了原因。"))), null,
                List.of(), List.of(), "短波"));
        int version = workflow.publish(admin, id, 1, null, NOW.plus(Duration.ofHours(1)));

        assertHidden(id, headline, word);

        clock.advance(Duration.ofHours(1));
        // Pages read from the database are right to the second; cached ones follow when the scheduler announces the
        // story (every second, ADR 0005) and the page cache evicts what it had kept of it.
        Await.until(() -> get("/zh-hans/a-" + id).statusCode() == 301 && get("/zh-hans/feed.rss").body().contains(headline)
                && get("/api/v1/articles/" + id).statusCode() == 200 && sitemaps().contains("/a-" + id + "<"),
                "every public surface to show the story");
        assertThat(get("/zh-hans/a-" + id).statusCode()).isEqualTo(301);
        assertThat(get("/zh-hans/feed.rss").body()).contains(headline);
        assertThat(get("/api/v1/articles/" + id).statusCode()).isEqualTo(200);
        assertThat(sitemaps()).contains("/a-" + id + "<");
        awaitSearch(word, true);

        workflow.unpublish(admin, id, version);
        assertHidden(id, headline, word);
    }

    private void assertHidden(long id, String headline, String word) throws Exception {
        assertThat(get("/zh-hans/a-" + id).statusCode()).isEqualTo(404);
        assertThat(get("/zh-hans/feed.rss").body()).doesNotContain(headline);
        assertThat(get("/zh-hans/feed.atom").body()).doesNotContain(headline);
        assertThat(get("/zh-hans/feed.json").body()).doesNotContain(headline);
        assertThat(get("/api/v1/articles/" + id).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/articles?edition=zh-hans&size=100").body()).doesNotContain(headline);
        assertThat(get("/zh-hans/sitemap-news.xml").body()).doesNotContain(headline);
        assertThat(sitemaps()).doesNotContain("/a-" + id + "<");
        awaitSearch(word, false);
    }

    private String sitemaps() {
        StringBuilder all = new StringBuilder();
        for (int page = 1; page <= 5; page++) {
            var response = get("/sitemaps/articles-" + page + ".xml");
            if (response.statusCode() != 200) {
                break;
            }
            all.append(response.body());
        }
        return all.toString();
    }

    /** The search index follows the change log on its own thread: wait (bounded) for it to agree. */
    private void awaitSearch(String word, boolean found) throws InterruptedException {
        String path = "/api/v1/search?edition=zh-hans&q=" + java.net.URLEncoder.encode(word, java.nio.charset.StandardCharsets.UTF_8);
        String body = Await.result(() -> {
            String answer = get(path).body();
            return hasResults(answer) == found ? answer : null;
        }, "search for " + word + " to find " + (found ? "it" : "nothing"));
        assertThat(hasResults(body)).as("search for %s: %s", word, body).isEqualTo(found);
    }

    private static boolean hasResults(String searchAnswer) {
        return !searchAnswer.contains("\"total\":0");
    }

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
