package org.shortwave.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shortwave.BrowserTestBase;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The newsroom's pages under axe-core (WCAG 2.1 A and AA), in English and in Persian (right to left), with
 * JavaScript and without: sign-in, home, article list, editor (new and existing), revisions, media library and
 * upload, sections, topics, people, users, a user, a new user, editions, an edition and health.
 * And the editor by keyboard alone: Tab reaches its main controls in order, each with the visible focus ring.
 */
class NewsroomAccessibilityE2E extends BrowserTestBase {

    private static final String PASSWORD = "harbour lights at dusk";

    @Autowired
    Accounts accounts;
    @Autowired
    EditorialWorkflow workflow;
    @Autowired
    Taxonomy taxonomy;

    private Account admin;
    private long article;

    @BeforeAll
    void adminAndArticle() {
        admin = accounts.create(null, "a11y-" + UUID.randomUUID() + "@example.org", "Axe Admin", PASSWORD, true);
        long section = taxonomy.ensureSection("en", "a11y-tests", "Accessibility tests", 95);
        ArticleContent first = new ArticleContent("en", section, "Keyboard first", "a11y-" + UUID.randomUUID()
                .toString().substring(0, 8), "A lead.", "", List.of(new Block.Paragraph(InlineHtml.sanitize("One."))),
                null, List.of(), List.of(), "Shortwave");
        article = workflow.create(admin, first);
        workflow.save(admin, article, 1, new ArticleContent(first.editionCode(), section, "Keyboard second",
                first.slug(), first.lead(), "", List.of(new Block.Paragraph(InlineHtml.sanitize("Two."))), null,
                List.of(), List.of(), "Shortwave"));
    }

    private Page signIn(BrowserContext context) {
        Page page = context.newPage();
        page.navigate(uri("/admin/login").toString());
        page.fill("#email", admin.email());
        page.fill("#password", PASSWORD);
        page.click("form.stack button[type=submit]");
        assertThat(page.url()).endsWith("/admin/");
        return page;
    }

    private static List<String> violations(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21aa")).analyze();
        return results.getViolations().stream()
                .map(v -> v.getId() + " " + v.getNodes().stream().map(n -> n.getHtml()).toList()).toList();
    }

    @Test
    void theNewsroomPagesPassAxeInEnglishAndPersian() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        int pages = 0;
        // In English and Persian with JavaScript (the block editor, its dialogs closed), and without it (the
        // plain form the newsroom falls back to).
        for (String run : List.of("en-GB", "fa-IR", "fa-IR no-js")) {
            String locale = run.split(" ")[0];
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale))) {
                if (run.endsWith("no-js")) {
                    // Our scripts are never loaded; axe itself is injected by the driver, not requested.
                    context.route("**/*.js", route -> route.abort());
                }
                Page login = context.newPage();
                login.navigate(uri("/admin/login").toString());
                found.put(run + " /admin/login", violations(login));
                pages++;
                Page page = signIn(context);
                for (String path : List.of("/admin/", "/admin/articles", "/admin/articles/new?edition=en",
                        "/admin/articles/" + article, "/admin/articles/" + article + "/revisions",
                        "/admin/articles/" + article + "/revisions?from=1&to=2", "/admin/media", "/admin/media/new",
                        "/admin/sections/en", "/admin/topics/en", "/admin/people", "/admin/users", "/admin/users/new",
                        "/admin/users/" + admin.id(), "/admin/editions", "/admin/editions/fa", "/admin/health")) {
                    assertThat(page.navigate(uri(path).toString()).status()).as(path).isEqualTo(200);
                    found.put(run + " " + path, violations(page));
                    pages++;
                }
            }
        }
        found.values().removeIf(List::isEmpty);
        System.out.printf("Newsroom axe: %d pages (WCAG 2.1 A/AA, en-GB and fa-IR, fa-IR without JavaScript), %d with violations %s%n", pages,
                found.size(), found);
        assertThat(found).isEmpty();
    }

    @Test
    void theEditorsMainControlsAreReachedByTabWithAVisibleFocus() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
            Page page = signIn(context);
            page.navigate(uri("/admin/articles/" + article).toString());
            List<String> main = List.of("#headline", "#slug", "#lead", "#dateline", "#section",
                    "input[name=mainImage]:checked", "#copyright", ".rt-bold", ".rt-story", "button[value=save]",
                    "button[value=submit]", "#publishAt", "button[value=publish]", "#translation-other");
            Set<String> reached = new LinkedHashSet<>();
            List<String> withoutRing = new ArrayList<>();
            for (int tab = 0; tab < 250 && reached.size() < main.size(); tab++) {
                page.keyboard().press("Tab");
                // Which main control has the focus, and how its focus is drawn.
                Map<?, ?> focus = (Map<?, ?>) page.evaluate("""
                        selectors => {
                          const e = document.activeElement;
                          const s = getComputedStyle(e);
                          return {control: selectors.find(c => document.querySelector(c) === e) || '',
                                  style: s.outlineStyle, width: parseFloat(s.outlineWidth),
                                  visible: e.matches(':focus-visible')};
                        }""", main);
                String control = (String) focus.get("control");
                if (!control.isEmpty() && reached.add(control) && ("none".equals(focus.get("style"))
                        || ((Number) focus.get("width")).doubleValue() < 2 || !Boolean.TRUE.equals(focus.get("visible")))) {
                    withoutRing.add(control + " " + focus);
                }
            }
            assertThat(reached).as("reached by Tab").containsExactlyInAnyOrderElementsOf(main);
            assertThat(withoutRing).as("focused without a visible ring").isEmpty();
            // The skip link is the first stop and leads to the content.
            page.navigate(uri("/admin/articles/" + article).toString());
            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.getAttribute('href')")).isEqualTo("#content");
            assertThat(page.locator(".skip a").isVisible()).isTrue();
            System.out.printf("Editor by keyboard: %d main controls reached by Tab, %d without a visible focus ring%n",
                    reached.size(), withoutRing.size());
        }
    }
}
