package org.shortwave.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shortwave.BrowserTestBase;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.content.Block;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The block editor in Chromium (ADR 0018): writing straight into the story, the "/" menu, marks, reordering by
 * keyboard and by dragging, what it writes back into the one form, and the story as the server then stores it.
 */
class RichEditorE2E extends BrowserTestBase {

    private static final String PASSWORD = "harbour lights at dusk";

    @Autowired
    Accounts accounts;

    @Autowired
    EditorialWorkflow workflow;

    private Account editor;

    @BeforeAll
    void users() {
        editor = accounts.create(null, "rich-" + UUID.randomUUID() + "@example.org", "编辑张", PASSWORD, false);
        for (String edition : List.of("zh-hans", "fa", "en")) {
            accounts.grant(null, editor.id(), edition, Role.EDITOR);
        }
        editor = accounts.findByEmail(editor.email()).orElseThrow();
    }

    private BrowserContext context(String locale) {
        return browser.newContext(new Browser.NewContextOptions().setLocale(locale).setViewportSize(1280, 900));
    }

    private Page signIn(BrowserContext context) {
        Page page = context.newPage();
        page.navigate(uri("/admin/login").toString());
        page.fill("#email", editor.email());
        page.fill("#password", PASSWORD);
        page.click("form.stack button[type=submit]");
        assertThat(page.url()).endsWith("/admin/");
        return page;
    }

    /** A new story's editor, with the block editor started. */
    private Page newStory(BrowserContext context, String edition) {
        Page page = signIn(context);
        page.navigate(uri("/admin/articles/new?edition=" + edition).toString());
        page.waitForSelector(".rt-story");
        return page;
    }

    private void fillHeadFields(Page page, String headline) {
        page.fill("#headline", headline);
        page.fill("#slug", "rich-" + UUID.randomUUID().toString().substring(0, 8));
        page.fill("#lead", "导语。");
        if (page.locator("#section option").count() > 1) {
            page.selectOption("#section", new SelectOption().setIndex(1));
        }
    }

    private long save(Page page) {
        page.click("form.editor button[value=save] >> nth=0");
        page.waitForURL("**/admin/articles/*?saved*");
        return Long.parseLong(page.url().replaceAll(".*/admin/articles/(\\d+).*", "$1"));
    }

    private List<Block> stored(long id) {
        return workflow.open(editor, id).content().body();
    }

    /** The block fields the editor writes into the form: type and text of each, as "type:text". */
    @SuppressWarnings("unchecked")
    private static List<String> formBlocks(Page page) {
        return (List<String>) page.evaluate("""
                () => { window.shortwaveEditor.writeBlocks();
                  const f = document.querySelector('form.editor'); const out = [];
                  for (let i = 0; f.elements.namedItem('blocks.' + i + '.type'); i++) {
                    const v = n => (f.elements.namedItem('blocks.' + i + '.' + n) || {}).value || '';
                    out.push(v('type') + ':' + (v('text') || v('items') || v('media')));
                  }
                  return out; }""");
    }

    @Test
    void theBodyIsWrittenFirstStraightIntoTheStoryAndStoredAsTypedBlocks() {
        try (BrowserContext context = context("zh-CN")) {
            Page page = newStory(context, "zh-hans");
            assertThat(page.locator("fieldset.block").count()).as("the plain block fields gave way").isZero();
            page.click(".rt-story");
            page.keyboard().type("第一段，");
            page.keyboard().press("Control+b");
            page.keyboard().type("重要");
            page.keyboard().press("Control+b");
            page.keyboard().type("的消息。");
            page.keyboard().press("Enter");
            page.keyboard().type("/");
            assertThat(page.locator("#rt-slash").isVisible()).isTrue();
            page.keyboard().type("h2");
            page.keyboard().press("Enter");
            page.keyboard().type("小标题");
            page.keyboard().press("Enter");
            page.keyboard().type("- 第一项");
            page.keyboard().press("Enter");
            page.keyboard().type("第二项");
            page.keyboard().press("Enter");
            page.keyboard().press("Enter");
            page.keyboard().type("> 引语的话");
            page.keyboard().press("Enter");
            page.keyboard().type("王先生");
            page.keyboard().press("Enter");
            page.keyboard().type("最后一段。");
            assertThat(formBlocks(page)).containsExactly("paragraph:第一段，**重要**的消息。", "heading:小标题",
                    "list:第一项\n第二项", "quote:引语的话", "paragraph:最后一段。");
            assertThat(page.textContent(".rt-count")).contains("字");

            // Only now the head fields: nothing typed into the story is lost on the way.
            fillHeadFields(page, "先写正文的报道" + UUID.randomUUID().toString().substring(0, 4));
            long id = save(page);
            List<Block> body = stored(id);
            assertThat(body).hasSize(5);
            assertThat(EditorText.toMarks(((Block.Paragraph) body.get(0)).text())).isEqualTo("第一段，**重要**的消息。");
            assertThat(body.get(1)).isEqualTo(new Block.Heading("小标题", 2));
            assertThat(((Block.ListBlock) body.get(2)).items()).hasSize(2);
            assertThat(body.get(3)).isEqualTo(new Block.Quote("引语的话", "王先生"));

            // Reopened, the editor shows the stored story and writes back the same fields.
            page.navigate(uri("/admin/articles/" + id).toString());
            page.waitForSelector(".rt-story");
            assertThat(formBlocks(page)).containsExactly("paragraph:第一段，**重要**的消息。", "heading:小标题",
                    "list:第一项\n第二项", "quote:引语的话", "paragraph:最后一段。");
            screenshot(page, "editor-story", false);
        }
    }

    @Test
    void blocksMoveByKeyboardAndByDragging() {
        try (BrowserContext context = context("en-GB")) {
            Page page = newStory(context, "en");
            page.click(".rt-story");
            for (String text : List.of("One.", "Two.", "Three.")) {
                page.keyboard().type(text);
                page.keyboard().press("Enter");
            }
            page.keyboard().press("Backspace");
            // The cursor is in "Three.": up twice makes it first.
            page.keyboard().press("Alt+Shift+ArrowUp");
            page.keyboard().press("Alt+Shift+ArrowUp");
            assertThat(formBlocks(page)).containsExactly("paragraph:Three.", "paragraph:One.", "paragraph:Two.");
            assertThat(page.textContent(".rt-announce")).contains("1");
            page.keyboard().press("Alt+Shift+ArrowDown");
            assertThat(formBlocks(page)).containsExactly("paragraph:One.", "paragraph:Three.", "paragraph:Two.");

            // Drag "Two." by its handle above "One.".
            page.hover(".rt-story > p:nth-child(3)");
            var grip = page.locator(".rt-grip").boundingBox();
            var first = page.locator(".rt-story > p:nth-child(1)").boundingBox();
            page.mouse().move(grip.x + grip.width / 2, grip.y + grip.height / 2);
            page.mouse().down();
            page.mouse().move(grip.x + grip.width / 2, first.y + 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
            page.mouse().up();
            assertThat(formBlocks(page)).containsExactly("paragraph:Two.", "paragraph:One.", "paragraph:Three.");
        }
    }
}
