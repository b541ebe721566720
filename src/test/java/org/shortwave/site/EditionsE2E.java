package org.shortwave.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shortwave.BrowserTestBase;

/**
 * Editions in Debian's Chromium: the Persian page laid out right to left (screenshot kept in docs/images), its skip
 * links and menus, the language switcher between the versions of a story, and axe on the article page in
 * simplified Chinese, English and Persian.
 */
class EditionsE2E extends BrowserTestBase {

    @Test
    void thePersianArticleIsLaidOutRightToLeft() {
        try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1000, 900))) {
            Page page = context.newPage();
            page.navigate(uri(demoPath("fa/shortwave-storm-drill")).toString());

            assertThat(page.evaluate("() => getComputedStyle(document.body).direction")).isEqualTo("rtl");
            // Mirrored: the brand starts at the right edge, the quote's rule stands on its right side.
            double viewport = 1000;
            var brand = page.locator(".brand a").boundingBox();
            assertThat(brand.x + brand.width).isGreaterThan(viewport / 2);
            assertThat(page.locator(".quote blockquote").evaluate("b => getComputedStyle(b).borderRightWidth"))
                    .isEqualTo("4px");
            assertThat(page.locator(".quote blockquote").evaluate("b => getComputedStyle(b).borderLeftWidth"))
                    .isEqualTo("0px");
            // A Latin name in Persian text keeps its own direction, isolated from its neighbours.
            assertThat(page.locator(".byline bdi").first().evaluate("e => getComputedStyle(e).unicodeBidi"))
                    .isEqualTo("isolate");
            assertThat(page.locator(".byline bdi").first().innerText()).isEqualTo("Anna Berg");
            assertThat(page.locator(".story-meta time").innerText()).isEqualTo("۲ آذر ۱۴۰۵");

            // docs/images/fa-article.png with -Ddocs.screenshots=true (docs/editions.md shows it).
            screenshot(page, "fa-article", false);
        }
    }

    @Test
    void thePersianSkipLinksAndMenusWork() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            String url = uri(demoPath("fa/shortwave-storm-drill")).toString();
            List<String> targets = List.of("content", "main-menu", "editions");
            for (int i = 0; i < targets.size(); i++) {
                page.navigate(url);
                for (int tab = 0; tab <= i; tab++) {
                    page.keyboard().press("Tab");
                }
                assertThat(page.evaluate("() => document.activeElement.getAttribute('href')"))
                        .isEqualTo("#" + targets.get(i));
                assertThat(page.locator(".skip-links a").nth(i).isVisible()).isTrue();
                assertThat(page.locator(".skip-links a").nth(i).innerText()).doesNotContainPattern("[A-Za-z]");
                page.keyboard().press("Enter");
                assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo(targets.get(i));
            }

            // The main menu leads to the edition's sections, the editions menu to the other language sites.
            page.navigate(url);
            Locator sections = page.locator("nav#main-menu a");
            assertThat(sections.allInnerTexts()).contains("جهان", "علم و فناوری");
            page.locator("nav#main-menu a", new Page.LocatorOptions().setHasText("علم و فناوری")).click();
            assertThat(page.url()).contains("/fa/science/s-");
            assertThat(page.locator("main h1, main h2").first().innerText()).contains("علم و فناوری");
            page.locator("nav#editions a[hreflang=en-GB]").click();
            assertThat(page.url()).endsWith("/en/");
        }
    }

    @Test
    void theLanguageSwitcherLeadsToTheOtherVersionsOfTheStory() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(uri(demoPath("zh-hans/shortwave-typhoon-drill")).toString());
            assertThat(page.locator("nav.versions a").allInnerTexts()).containsExactly("English", "中文（繁體）", "فارسی");

            page.locator("nav.versions a[hreflang=fa-IR]").click();
            assertThat(page.url()).endsWith(demoPath("fa/shortwave-storm-drill"));
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("fa-IR");

            page.locator("nav.versions a[hreflang=zh-Hant-TW]").click();
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("zh-Hant-TW");
            assertThat(page.locator("article h1").innerText()).isEqualTo("斷電斷網時，短波收音機還能把預警送到嗎？");
            assertThat(page.locator("p.derived").isVisible()).isTrue();

            page.locator("nav.versions a[hreflang=en-GB]").click();
            assertThat(page.url()).endsWith(demoPath("en/shortwave-storm-drill"));
            page.locator("nav.versions a[hreflang=zh-Hans-CN]").click();
            assertThat(page.url()).endsWith(demoPath("zh-hans/shortwave-typhoon-drill"));
        }
    }

    @Test
    void theArticlePagePassesAxeInSimplifiedChineseEnglishAndPersian() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            for (String key : List.of("zh-hans/shortwave-typhoon-drill", "en/shortwave-storm-drill",
                    "fa/shortwave-storm-drill", "fa/low-bandwidth-news-app")) {
                page.navigate(uri(demoPath(key)).toString());
                AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21aa")).analyze();
                assertThat(results.getViolations()).as(key + ": " + results.getViolations().stream()
                        .map(v -> v.getId() + " " + v.getNodes().stream().map(n -> n.getHtml()).toList()).toList())
                        .isEmpty();
            }
        }
    }
}
