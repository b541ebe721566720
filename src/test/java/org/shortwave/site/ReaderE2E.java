package org.shortwave.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shortwave.BrowserTestBase;

/** A reader in Debian's Chromium: keyboard skip links, JavaScript off, and a Chinese page with no English chrome. */
class ReaderE2E extends BrowserTestBase {


    @Test
    void eachSkipLinkMovesFocusToItsTarget() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            String url = uri(referenceArticlePath("zh-hans")).toString();
            List<String> targets = List.of("content", "main-menu", "editions");
            for (int i = 0; i < targets.size(); i++) {
                page.navigate(url);
                for (int tab = 0; tab <= i; tab++) {
                    page.keyboard().press("Tab");
                }
                assertThat(activeElement(page, "getAttribute('href')")).isEqualTo("#" + targets.get(i));
                assertThat(page.locator(".skip-links a").nth(i).isVisible()).as("a focused skip link is visible").isTrue();
                page.keyboard().press("Enter");
                assertThat(activeElement(page, "id")).isEqualTo(targets.get(i));
            }

            page.navigate(url);
            Locator sectionSkips = page.locator("p.skip-section a");
            assertThat(sectionSkips.count()).isEqualTo(3);
            List<String> next = List.of("top-stories", "more-stories", "footer");
            for (int i = 0; i < next.size(); i++) {
                sectionSkips.nth(i).focus();
                page.keyboard().press("Enter");
                assertThat(activeElement(page, "id")).isEqualTo(next.get(i));
            }
        }
    }

    @Test
    void theArticleHasEveryPartWithJavaScriptOff() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate(uri(referenceArticlePath("zh-hans")).toString());

            assertThat(page.locator(".skip-links a").count()).isEqualTo(3);
            assertThat(page.locator("header nav#main-menu a").count()).isGreaterThanOrEqualTo(4);
            assertThat(page.locator("header nav#editions a").count()).isGreaterThanOrEqualTo(1);
            assertThat(page.locator("article h1").innerText()).endsWith("？");
            assertThat(page.locator("article header time").innerText()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
            assertThat(page.locator("article p.lead").isVisible()).isTrue();
            Locator photo = page.locator("article > figure.photo img");
            assertThat(photo.getAttribute("alt")).isNotBlank();
            assertThat((Boolean) photo.evaluate("img => img.complete && img.naturalWidth > 0")).as("photo loaded").isTrue();
            assertThat(page.locator("article > figure.photo figcaption").innerText()).contains("图像来源: ");
            assertThat(page.locator(".story-body > p").count()).isGreaterThanOrEqualTo(20);
            assertThat(page.locator(".story-body > h2").count()).isEqualTo(2);
            assertThat(page.locator("article figure.video video").isVisible()).isTrue();
            assertThat(page.locator("article figure.video figcaption").innerText()).contains("时长");
            assertThat(page.locator("article p.copyright").innerText()).startsWith("©");
            assertThat(page.locator("main > section.teasers h2").allInnerTexts())
                    .containsExactly("相关内容", "热门新闻", "更多新闻");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/zh-article.png"))
                    .setFullPage(true));
        }
    }

    @Test
    void aChinesePageShowsNoEnglishChrome() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate(uri(referenceArticlePath("zh-hans")).toString());

            String all = page.locator("body").innerText();
            // The story's own words may quote Latin-script names; the chrome around them may not use English.
            for (String content : page.locator("article h1, article p.lead, .story-body, figure.photo .caption,"
                    + " section.teasers li h3, nav#editions a, nav.versions a").allInnerTexts()) {
                all = all.replace(content, "");
            }
            assertThat(all).doesNotContainPattern("[A-Za-z]{2,}");
            for (String attribute : List.of("aria-label", "title", "alt")) {
                for (Locator element : page.locator("[" + attribute + "]:not(.story-body *)").all()) {
                    assertThat(element.getAttribute(attribute)).as(attribute).doesNotContainPattern("[A-Za-z]{2,}");
                }
            }
        }
    }

    @Test
    void theArticleAndHomePagesPassAxe() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            for (String path : List.of(referenceArticlePath("zh-hans"), referenceArticlePath("en"), "/zh-hans/", "/en/")) {
                page.navigate(uri(path).toString());
                AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21aa")).analyze();
                assertThat(results.getViolations()).as(path + ": " + results.getViolations().stream()
                        .map(v -> v.getId() + " " + v.getNodes().stream().map(n -> n.getHtml()).toList()).toList())
                        .isEmpty();
            }
        }
    }

    private static String activeElement(Page page, String property) {
        Object value = page.evaluate("() => document.activeElement." + property);
        return value == null ? null : value.toString();
    }
}
