package org.shortwave.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shortwave.BrowserTestBase;
import org.shortwave.NewsroomUsers;
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

    private static final String PASSWORD = NewsroomUsers.PASSWORD;

    @Autowired
    Accounts accounts;

    @Autowired
    EditorialWorkflow workflow;

    @Autowired
    java.time.Clock clock;

    private Account editor;
    private Account contributor;

    @BeforeAll
    void users() {
        contributor = NewsroomUsers.withRole(accounts, "rich-c", "撰稿人李", Role.CONTRIBUTOR, "zh-hans");
        editor = NewsroomUsers.withRole(accounts, "rich", "编辑张", Role.EDITOR, "zh-hans", "fa", "en");
    }

    private BrowserContext context(String locale) {
        return browser.newContext(new Browser.NewContextOptions().setLocale(locale).setViewportSize(1280, 900));
    }

    private Page signIn(BrowserContext context) {
        return signIn(context, editor);
    }

    private Page signIn(BrowserContext context, Account who) {
        Page page = context.newPage();
        page.navigate(uri("/admin/login").toString());
        signInOn(page, who);
        assertThat(page.url()).endsWith("/admin/");
        return page;
    }

    private static void signInOn(Page page, Account who) {
        page.fill("#email", who.email());
        page.fill("#password", PASSWORD);
        page.click("form.stack button[type=submit]");
    }

    /** A new story's editor for this user, the body typed first, then the head fields: saved, its id. */
    private long savedStory(Page page, String edition, String headline) {
        page.navigate(uri("/admin/articles/new?edition=" + edition).toString());
        page.waitForSelector(".rt-story");
        page.click(".rt-story");
        page.keyboard().type("先写正文，再填标题。");
        fillHeadFields(page, headline);
        return save(page);
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
            page.locator(".rt").scrollIntoViewIfNeeded();
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
    /** Pastes clipboard HTML into the story as the browser would hand it to the editor. */
    private static void pasteHtml(Page page, String html) {
        page.evaluate("""
                html => { const dt = new DataTransfer(); dt.setData('text/html', html);
                  dt.setData('text/plain', 'plain');
                  document.querySelector('.rt-story').dispatchEvent(
                    new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true})); }""", html);
    }

    private static String fixture(String name) {
        try (var in = RichEditorE2E.class.getResourceAsStream("/editor/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPasteFromWordBecomesOurBlocksAndMarks() {
        try (BrowserContext context = context("en-GB")) {
            Page page = newStory(context, "en");
            page.click(".rt-story");
            pasteHtml(page, fixture("word-clipboard.html"));
            assertThat(formBlocks(page)).containsExactly("heading:Harbour report",
                    "paragraph:The ferries ran **late** on *Tuesday*, said the [port office](https://example.org/port).",
                    "heading:What changed", "list:Two boats were out of service\nThe timetable was cut",
                    "paragraph:Steps the office named:", "list:Repair the boats\nRestore the timetable",
                    "quote:We will be back to normal by Friday.", "paragraph:Colours and fonts go.");
            assertThat(page.locator(".rt-story ol li").count()).as("a numbered Word list stays numbered").isEqualTo(2);
            assertThat(page.locator(".rt-story img, .rt-story [style]").count()).as("no images or styles from Word").isZero();
        }
    }

    @Test
    void aPasteFromGoogleDocsBecomesOurBlocksAndMarks() {
        try (BrowserContext context = context("zh-CN")) {
            Page page = newStory(context, "zh-hans");
            page.click(".rt-story");
            pasteHtml(page, fixture("google-docs-clipboard.html"));
            assertThat(formBlocks(page)).containsExactly("heading:夜市重新开张",
                    "paragraph:摊贩们周五晚上**重新开张***，人潮不断*。详见[市场公告](https://example.org/night-market)。",
                    "list:小吃摊\n旧书摊");
            fillHeadFields(page, "夜市" + UUID.randomUUID().toString().substring(0, 4));
            List<Block> body = stored(save(page));
            assertThat(EditorText.toMarks(((Block.Paragraph) body.get(1)).text()))
                    .isEqualTo("摊贩们周五晚上**重新开张***，人潮不断*。详见[市场公告](https://example.org/night-market)。");
        }
    }

    @Test
    void aChineseImeCompositionAndAPersianMixedDirectionLineComeOutAsTyped() {
        try (BrowserContext context = context("zh-CN")) {
            Page page = newStory(context, "zh-hans");
            page.click(".rt-story");
            var cdp = context.newCDPSession(page);
            // Pinyin typed into the IME, shown as composition, then committed as characters.
            for (String step : List.of("z", "zh", "zhong", "zhongw", "zhongwen")) {
                var composition = new com.google.gson.JsonObject();
                composition.addProperty("text", step);
                composition.addProperty("selectionStart", step.length());
                composition.addProperty("selectionEnd", step.length());
                cdp.send("Input.imeSetComposition", composition);
            }
            var commit = new com.google.gson.JsonObject();
            commit.addProperty("text", "中文");
            cdp.send("Input.insertText", commit);
            var next = new com.google.gson.JsonObject();
            next.addProperty("text", "输入");
            next.addProperty("selectionStart", 2);
            next.addProperty("selectionEnd", 2);
            cdp.send("Input.imeSetComposition", next);
            var commit2 = new com.google.gson.JsonObject();
            commit2.addProperty("text", "输入法。");
            cdp.send("Input.insertText", commit2);
            assertThat(formBlocks(page)).containsExactly("paragraph:中文输入法。");
            assertThat(page.textContent(".rt-count")).startsWith("5 字");
        }
        try (BrowserContext context = context("fa-IR")) {
            Page page = newStory(context, "fa");
            assertThat(page.getAttribute(".rt-story", "dir")).isEqualTo("rtl");
            page.click(".rt-story");
            String line = "گزارش خبرنگار ما از New York در ۲۰۲۶ (BBC) منتشر شد.";
            page.keyboard().insertText(line);
            page.keyboard().press("Enter");
            page.keyboard().insertText("English first, سپس فارسی.");
            assertThat(formBlocks(page)).containsExactly("paragraph:" + line, "paragraph:English first, سپس فارسی.");
            assertThat(page.getAttribute(".rt-story > p:nth-child(1)", "dir")).isEqualTo("auto");
            page.locator(".rt").scrollIntoViewIfNeeded();
            screenshot(page, "editor-persian", false);
        }
    }

    private static String pngBase64(int width, int height) {
        var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(30, 90, 160), width, height,
                new java.awt.Color(240, 180, 60)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.util.Base64.getEncoder().encodeToString(out.toByteArray());
    }

    @Test
    void aPhotoDroppedOntoTheStoryIsUploadedWithItsAltTextAndInsertedOnANewStory() {
        try (BrowserContext context = context("zh-CN")) {
            Page page = newStory(context, "zh-hans");
            page.click(".rt-story");
            page.keyboard().type("照片之前的一段。");
            page.evaluate("""
                    b64 => { const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
                      const file = new File([bytes], 'harbour.png', {type: 'image/png'});
                      const dt = new DataTransfer(); dt.items.add(file);
                      const story = document.querySelector('.rt-story'); const r = story.getBoundingClientRect();
                      for (const type of ['dragenter', 'dragover', 'drop']) story.dispatchEvent(new DragEvent(type,
                        {dataTransfer: dt, bubbles: true, cancelable: true, clientX: r.left + 20, clientY: r.bottom - 5})); }""",
                    pngBase64(640, 427));
            page.waitForSelector("dialog.rt-dialog[open]");
            // The chosen photo is shown before it is sent (a blob: address, allowed in the newsroom's CSP only).
            page.waitForFunction("() => { const i = document.querySelector('dialog.rt-dialog img.rt-dialog-preview');"
                    + " return i && i.complete && i.naturalWidth === 640; }");
            screenshot(page, "editor-upload", false);
            // The alt text is required, and said so on its field in the page's language.
            page.click("dialog.rt-dialog button.rt-primary");
            assertThat(page.locator("dialog.rt-dialog input[aria-invalid=true]").count()).isEqualTo(1);
            assertThat(page.textContent("dialog.rt-dialog .rt-error:not([hidden])")).isEqualTo("必填。");
            page.fill("dialog.rt-dialog input[name=alt]", "傍晚的港口");
            page.fill("dialog.rt-dialog input[name=caption]", "港口的傍晚");
            page.fill("dialog.rt-dialog input[name=credit]", "短波/记者");
            page.click("dialog.rt-dialog button.rt-primary");
            page.waitForSelector(".rt-story figure.rt-image img[src]");
            assertThat(page.getAttribute(".rt-story figure.rt-image img", "alt")).isEqualTo("傍晚的港口");
            List<String> blocks = formBlocks(page);
            assertThat(blocks).hasSize(2);
            assertThat(blocks.get(1)).matches("image:\\d+");
            fillHeadFields(page, "港口照片" + UUID.randomUUID().toString().substring(0, 4));
            List<Block> body = stored(save(page));
            Block.Image image = (Block.Image) body.get(1);
            assertThat(image.caption()).isEqualTo("港口的傍晚");
            assertThat(image.credit()).isEqualTo("短波/记者");
            page.waitForSelector(".rt-story figure.rt-image img[src]");
            page.locator(".rt").scrollIntoViewIfNeeded();
            screenshot(page, "editor-photo", false);
        }
    }

    @Test
    void theWholeStoryIsWrittenWithTheKeyboardOnly() {
        try (BrowserContext context = context("en-GB")) {
            Page page = signIn(context);
            page.navigate(uri("/admin/articles/new?edition=en").toString());
            page.waitForSelector(".rt-story");
            page.focus("#headline");
            page.keyboard().type("Keyboard only " + UUID.randomUUID().toString().substring(0, 4));
            // Tab on through the lead and the toolbar into the story (the story's details come after it).
            for (int i = 0; i < 30 && !Boolean.TRUE.equals(page.evaluate("() => document.activeElement.classList.contains('rt-story')")); i++) {
                page.keyboard().press("Tab");
            }
            assertThat(page.evaluate("() => document.activeElement.classList.contains('rt-story')")).isEqualTo(true);
            page.keyboard().type("A first paragraph with ");
            page.keyboard().press("Control+i");
            page.keyboard().type("style");
            page.keyboard().press("Control+i");
            page.keyboard().type(".");
            page.waitForTimeout(600); // a pause in typing: undo takes back what came after it (history's grouping)
            page.keyboard().type(" Oops");
            page.keyboard().press("Control+z");
            assertThat(formBlocks(page)).containsExactly("paragraph:A first paragraph with *style*.");
            page.keyboard().press("Control+y");
            assertThat(formBlocks(page)).containsExactly("paragraph:A first paragraph with *style*. Oops");
            page.keyboard().press("Control+z");
            page.keyboard().press("Enter");
            page.keyboard().type("/");
            page.keyboard().press("ArrowDown");
            page.keyboard().press("Enter");
            page.keyboard().type("A subheading");
            page.keyboard().press("Enter");
            page.keyboard().type("/divider");
            page.keyboard().press("Enter");
            page.keyboard().type("After the line, a link: ");
            page.keyboard().press("Shift+Home");
            page.keyboard().press("Control+k");
            page.waitForSelector("dialog.rt-dialog[open]");
            page.keyboard().type("https://example.org/");
            page.keyboard().press("Enter");
            page.waitForSelector(".rt-story a[href='https://example.org/']");
            page.keyboard().press("End");
            page.keyboard().press("Control+/");
            page.waitForSelector("dialog.rt-dialog[open] .rt-keys");
            screenshot(page, "editor-shortcuts", false);
            page.keyboard().press("Escape");
            assertThat(page.locator("dialog.rt-dialog[open]").count()).isZero(); // one help dialog, now closed
            assertThat(formBlocks(page)).containsExactly("paragraph:A first paragraph with *style*.",
                    "heading:A subheading", "divider:", "paragraph:[After the line, a link: ](https://example.org/)");
            assertThat(page.locator(".rt-story a").textContent()).isEqualTo("After the line, a link: ");
            // Tab leaves the story for its details: the section has no default, the first one is chosen.
            List<Object> passed = new ArrayList<>();
            for (int i = 0; i < 40 && !"section".equals(page.evaluate("() => document.activeElement.id")); i++) {
                page.keyboard().press("Tab");
                passed.add(page.evaluate("() => document.activeElement.tagName + '#' + document.activeElement.id + '.' + document.activeElement.className"));
            }
            assertThat(page.evaluate("() => document.activeElement.id")).as(passed.toString()).isEqualTo("section");
            page.keyboard().press("ArrowDown");
            page.keyboard().press("Control+s");
            page.waitForURL("**/admin/articles/*?saved*");
            long id = Long.parseLong(page.url().replaceAll(".*/admin/articles/(\\d+).*", "$1"));
            assertThat(stored(id)).hasSize(4);
        }
    }

    @Test
    void theEditorPassesAxeWithItsMenuAndDialogsOpen() {
        try (BrowserContext context = context("fa-IR")) {
            Page page = newStory(context, "fa");
            page.click(".rt-story");
            page.keyboard().type("بند نخست.");
            page.keyboard().press("Enter");
            page.keyboard().type("/");
            assertThat(axe(page)).isEmpty();
            page.keyboard().press("Escape");
            page.keyboard().press("Control+/");
            page.waitForSelector("dialog.rt-dialog[open]");
            assertThat(axe(page)).isEmpty();
        }
    }

    private static List<String> axe(Page page) {
        var results = new com.deque.html.axecore.playwright.AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21aa")).analyze();
        return results.getViolations().stream()
                .map(v -> v.getId() + " " + v.getNodes().stream().map(n -> n.getHtml()).toList()).toList();
    }

    @Test
    void aSaveAfterTheSessionEndedAsksToSignInAgainAndThenSavesTheTextOnScreen() {
        try (BrowserContext context = context("zh-CN")) {
            Page page = signIn(context);
            long id = savedStory(page, "zh-hans", "会话过期" + UUID.randomUUID().toString().substring(0, 4));
            page.navigate(uri("/admin/articles/" + id).toString()); // away from ?saved, to see the next save land
            page.waitForSelector(".rt-story");
            page.fill("#lead", "会话结束之后改写的导语。");
            context.clearCookies(); // the session ended: a restart, a timeout or cleared cookies look the same
            page.click("form.editor button[value=save] >> nth=0");
            page.waitForSelector("dialog.rt-dialog[open]");
            screenshot(page, "editor-session-ended", false);
            Page tab = page.waitForPopup(() -> page.click("dialog.rt-dialog a[href='/admin/login?return=close']"));
            signInOn(tab, editor);
            page.waitForURL("**/admin/articles/" + id + "?saved*");
            assertThat(workflow.open(editor, id).content().lead()).isEqualTo("会话结束之后改写的导语。");
            assertThat(page.inputValue("#lead")).isEqualTo("会话结束之后改写的导语。");
        }
    }

    @Test
    void aSubmitWithUnsavedEditsSendsThemToReviewAndTheWriterThenSeesAReadOnlyCopy() {
        try (BrowserContext context = context("zh-CN")) {
            Page page = signIn(context, contributor);
            long id = savedStory(page, "zh-hans", "送审" + UUID.randomUUID().toString().substring(0, 4));
            String changed = "送审前改过的标题" + UUID.randomUUID().toString().substring(0, 4);
            page.fill("#headline", changed); // not saved: the submit button acts on the text on screen
            page.fill("#reviewNote", "请看第二段的数字。");
            page.click("form.editor button[value=submit]");
            page.waitForURL("**/admin/articles/" + id + "?done=submit*");
            var stored = workflow.open(editor, id);
            assertThat(stored.status()).isEqualTo(org.shortwave.content.ArticleStatus.IN_REVIEW);
            assertThat(stored.content().headline()).isEqualTo(changed);
            assertThat(page.locator("form.editor").count()).as("no editable form while in review").isZero();
            assertThat(page.textContent("section.read-only h3")).isEqualTo(changed);
            assertThat(page.textContent("main")).contains("请看第二段的数字。");
            assertThat(page.locator("button[value=withdraw]").count()).isEqualTo(1);
            screenshot(page, "editor-in-review", false);
        }
    }

    @Test
    void aScheduledStoryShowsTheEditionsLocalTimeInTheFormAndTheListAndStaysHiddenUntilThen() {
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        java.time.LocalDateTime at = java.time.LocalDate.ofInstant(clock.instant(), shanghai).plusDays(2)
                .atTime(15, 33);
        long id;
        try (BrowserContext context = context("zh-CN")) {
            Page page = signIn(context);
            String headline = "定时" + UUID.randomUUID().toString().substring(0, 6);
            id = savedStory(page, "zh-hans", headline);
            page.fill("#publishAt", at.toString());
            page.click("form.editor button[value=schedule]");
            page.waitForURL("**/admin/articles/" + id + "?done=schedule*");
            assertThat(page.inputValue("#publishAt")).as("the planned time kept in the form").isEqualTo(at.toString());
            page.navigate(uri("/admin/articles?edition=zh-hans&q=" + headline).toString());
            String row = page.locator("tr", new Page.LocatorOptions().setHasText(headline)).textContent();
            assertThat(row).contains("15:33").doesNotContain("07:33");
        }
        assertThat(get(articlePath(id)).statusCode()).as("not public before its time").isEqualTo(404);
    }

    @Test
    void aContributorIsOfferedOnlyTheEditionsAndActionsSheMayUse() {
        try (BrowserContext context = context("zh-CN")) {
            Page page = signIn(context, contributor);
            page.navigate(uri("/admin/articles").toString());
            List<String> offered = page.locator("p.new-article a").all().stream()
                    .map(a -> a.getAttribute("href")).toList();
            assertThat(offered).containsExactly("/admin/articles/new?edition=zh-hans");
            // Asked for another edition's form, she gets her own edition's.
            page.navigate(uri("/admin/articles/new?edition=en").toString());
            assertThat(page.inputValue("form.editor input[name=edition]")).isEqualTo("zh-hans");
            assertThat(page.locator("form.editor button[value=submit]").count()).isEqualTo(1);
            assertThat(page.locator("form.editor button[value=publish], form.editor button[value=schedule]").count())
                    .isZero();
        }
    }

    @Test
    void theListAndTheEditorFitA390PixelPhone() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true))) {
            Page page = signIn(context, contributor);
            savedStory(page, "zh-hans", "手机上写的稿件" + UUID.randomUUID().toString().substring(0, 4));
            String overflow = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth";
            assertThat(((Number) page.evaluate(overflow)).intValue()).as("editor: no sideways scrolling").isLessThanOrEqualTo(0);
            assertThat(page.locator(".rt-toolbar").boundingBox().height).as("the tools in one row").isLessThan(56);
            screenshot(page, "editor-phone", false);
            page.navigate(uri("/admin/articles").toString());
            assertThat(((Number) page.evaluate(overflow)).intValue()).as("list: no sideways scrolling").isLessThanOrEqualTo(0);
            assertThat(page.locator("#new-drafts-title").count()).as("a saved new story is no unsaved draft").isZero();
            screenshot(page, "newsroom-list-phone", false);
        }
    }
}
