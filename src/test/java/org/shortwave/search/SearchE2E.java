package org.shortwave.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shortwave.Await;
import org.shortwave.BrowserTestBase;
import org.shortwave.analytics.PageViews;
import org.shortwave.content.PublishedArticles;
import org.springframework.beans.factory.annotation.Autowired;

/** A reader searching, and the related and most-read blocks, in Debian's Chromium, with and without JavaScript. */
class SearchE2E extends BrowserTestBase {

    /** Chromium's headless User-Agent names it a robot: a reader's browser does not. */
    static final String READER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

    @Autowired PageViews views;
    @Autowired PublishedArticles articles;
    @Autowired org.shortwave.content.ArticleStore store;
    @Autowired org.shortwave.content.Taxonomy taxonomy;
    @Autowired org.shortwave.site.caching.PageCacheInvalidation invalidation;


    @Test
    void aReaderSearchesFromTheHeaderWithJavaScriptOff() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate(uri("/zh-hans/").toString());
            page.getByLabel("搜索词").first().fill("短波");
            page.locator("header form[role=search] button").click();
            page.waitForURL("**/zh-hans/search?q=*");

            assertThat(page.locator("h1").innerText()).isEqualTo("搜索");
            assertThat(page.locator(".search-status").innerText()).startsWith("找到");
            assertThat(page.locator("ol.search-results > li").count()).isGreaterThan(0);
            assertThat(page.locator("ol.search-results mark").first().innerText()).isEqualTo("短波");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/zh-search.png")).setFullPage(true));

            page.selectOption("#search-sort", "date");
            page.locator("form.search-form button").click();
            page.waitForURL("**sort=date*");
            assertThat(page.locator("#search-q").inputValue()).isEqualTo("短波");

            page.locator("ol.search-results > li h2 a").first().click();
            assertThat(page.locator("article h1").innerText()).isNotBlank();
        }
    }

    @Test
    void aTraditionalQueryFindsSimplifiedStoriesInTheBrowser() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(uri("/zh-hans/search").toString());
            page.locator("#search-q").fill("電臺");
            page.locator("form.search-form button").click();
            page.waitForURL("**/zh-hans/search?q=*");
            assertThat(page.locator("ol.search-results > li").count()).isGreaterThan(0);
            assertThat(page.locator("ol.search-results mark").first().innerText()).isEqualTo("电台");
        }
    }

    @Test
    void searchPagesPassAxe() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            for (String path : List.of("/zh-hans/search", "/zh-hans/search?q=%E7%9F%AD%E6%B3%A2", "/en/search?q=radio",
                    "/en/search?q=zyzzyvaquux", "/en/search?q=title%3Ax")) {
                page.navigate(uri(path).toString());
                AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21aa")).analyze();
                assertThat(results.getViolations()).as(path + ": " + results.getViolations().stream()
                        .map(v -> v.getId() + " " + v.getNodes().stream().map(n -> n.getHtml()).toList()).toList())
                        .isEmpty();
            }
        }
    }

    @Test
    void aPageViewFromTheBrowserReachesTheMostReadBlock() {
        // A story of our own, with no editor's picks: its related and top-stories blocks are all the machine's.
        var section = taxonomy.section("en", taxonomy.ensureSection("en", "search-e2e", "Browser tests", 93)).orElseThrow();
        long ownId = store.create(org.shortwave.content.ArticleFixtures.anArticle().in(section)
                .headline("Cobblers reopen the arcade workshop").body("Leather, awls and waxed thread.").build());
        String reference = articles.find(ownId).orElseThrow().path();
        long referenceId = ownId;
        String other = jdbc.sql("""
                select '/' || edition_code || '/' || slug || '/a-' || id from article
                where edition_code = 'en' and source_key like 'demo:%' and id not in (select article_id from top_story)
                  and id <> ? order by id desc limit 1""").param(referenceId).query(String.class).single();
        long otherId = Long.parseLong(other.substring(other.lastIndexOf("a-") + 2));
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setUserAgent(READER))) {
            Page page = context.newPage();
            for (int i = 0; i < 25; i++) {
                page.navigate(uri(other).toString()); // the beacon script sends one view per load
            }
            page.waitForLoadState();
        }
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setUserAgent(READER)
                .setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate(uri(other).toString()); // the noscript image counts too
            Await.until(() -> {
                views.flush();
                return jdbc.sql("select coalesce(sum(views), 0) from article_view_hour where article_id = ?")
                        .param(otherId).query(Long.class).single() >= 20;
            }, "the views of the browser to be counted");
            invalidation.checkMostRead(); // as the node does every minute: the ranking moved, pages show it

            page.navigate(uri(reference).toString());
            List<String> top = page.locator("#top-stories li h3 a").all().stream().map(a -> a.getAttribute("href")).toList();
            List<String> related = page.locator("#related li h3 a").all().stream().map(a -> a.getAttribute("href")).toList();
            assertThat(top).startsWith(articles.topStories("en").stream().map(t -> t.path()).toArray(String[]::new));
            assertThat(top).as("pinned stories, then the most read").contains(other);
            assertThat(related).doesNotContain(reference, other).hasSizeLessThanOrEqualTo(5);
        }
        try (BrowserContext context = browser.newContext()) { // axe needs JavaScript
            Page page = context.newPage();
            page.navigate(uri(reference).toString());
            AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21aa")).analyze();
            assertThat(results.getViolations()).isEmpty();
        }
    }
}
