package org.shortwave.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shortwave.Await;
import org.shortwave.BrowserTestBase;
import org.shortwave.TestClock;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.i18n.Editions;
import org.springframework.beans.factory.annotation.Autowired;

/** Newsroom journeys in Chromium: write and publish a Chinese story, contributors' limits, concurrent editors. */
class NewsroomE2E extends BrowserTestBase {

    private static final String PASSWORD = "harbour lights at dusk";

    @Autowired
    Accounts accounts;

    @Autowired
    Editions editions;

    @Autowired
    TestClock clock;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry metrics;

    /** How often the publish scheduler has run on this node. */
    private double schedulerRuns() {
        return metrics.get("shortwave.scheduler.runs").counter().count();
    }

    @Autowired
    org.shortwave.content.ChangeLog changeLog;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private Account editor;
    private Account writer;
    private boolean signInPictured;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @BeforeAll
    void users() {
        editor = user(Role.EDITOR);
        writer = user(Role.CONTRIBUTOR);
    }

    /**
     * The newsroom speaks the language the browser asks for; these journeys are in Chinese. They drive the plain
     * form, so JavaScript is off: the block editor's journeys are in RichEditorE2E.
     */
    private BrowserContext chineseContext() {
        return browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setJavaScriptEnabled(false));
    }

    private Account user(Role role) {
        Account account = accounts.create(null, "e2e-" + UUID.randomUUID() + "@example.org",
                role == Role.EDITOR ? "编辑王" : "撰稿人李", PASSWORD, false);
        accounts.grant(null, account.id(), "zh-hans", role);
        return account;
    }

    private Page signIn(BrowserContext context, Account account) {
        Page page = context.newPage();
        page.navigate(uri("/admin/login").toString());
        if (!signInPictured) {
            screenshot(page, "newsroom-sign-in");
            signInPictured = true;
        }
        page.fill("#email", account.email());
        page.fill("#password", PASSWORD);
        page.click("form.stack button[type=submit]");
        assertThat(page.url()).endsWith("/admin/");
        return page;
    }

    private long writeArticle(Page page, String headline) {
        page.navigate(uri("/admin/articles/new?edition=zh-hans").toString());
        page.fill("#headline", headline);
        page.fill("#slug", "e2e-" + UUID.randomUUID().toString().substring(0, 8));
        page.fill("#lead", "这是一篇由浏览器测试写成的报道的导语。");
        page.fill("#dateline", "（短波中文）");
        // The section has no default: the first option says "choose".
        assertThat(page.inputValue("#section")).isEmpty();
        page.selectOption("#section", new SelectOption().setIndex(1));
        page.check("input[name=mainImage] >> nth=1");
        page.fill("textarea[name='blocks.0.text']", "第一段，**重要**的消息。");
        page.click("button[value='add:image']");
        page.check("input[name='blocks.1.media'] >> nth=1");
        page.click("button[value='add:video']");
        page.selectOption("select[name='blocks.2.media']", new SelectOption().setIndex(1));
        assertThat(page.inputValue("#headline")).as("typed text survives adding blocks").isEqualTo(headline);
        page.click("form.editor button[value=save] >> nth=0");
        assertThat(page.url()).contains("/admin/articles/").contains("?saved");
        return Long.parseLong(page.url().replaceAll(".*/admin/articles/(\\d+).*", "$1"));
    }

    @Test
    void anEditorWritesPreviewsAndPublishesAChineseStoryThatReadersThenSee() {
        String headline = "浏览器里写成的新闻" + UUID.randomUUID().toString().substring(0, 4) + "？";
        try (BrowserContext newsroom = chineseContext(); BrowserContext early = chineseContext();
                BrowserContext reader = chineseContext()) {
            Page page = signIn(newsroom, editor);
            long id = writeArticle(page, headline);
            screenshot(page, "newsroom-editor");

            // The browser reports its own view of caching headers for navigations; ask over HTTP with its cookies.
            var previewResponse = page.request().get(uri("/admin/articles/" + id + "/preview").toString());
            assertThat(previewResponse.status()).as(previewResponse.text()).isEqualTo(200);
            var previewHeaders = previewResponse.headers();
            assertThat(previewHeaders.get("cache-control")).contains("no-store").contains("private");
            page.navigate(uri("/admin/articles/" + id + "/preview").toString());
            assertThat(page.textContent("h1")).isEqualTo(headline);
            assertThat(page.locator("figure.video video").count()).isEqualTo(1);
            screenshot(page, "newsroom-preview");

            Page earlyPage = early.newPage();
            assertThat(earlyPage.navigate(uri("/zh-hans/a-" + id).toString()).status()).isEqualTo(404);

            page.navigate(uri("/admin/articles/" + id).toString());
            page.click("button[value=publish]");
            assertThat(page.textContent("p.state strong")).isEqualTo("已发布");

            // A reader who has not seen the 404 (browsers may keep it for its max-age of a minute).
            Page publicPage = reader.newPage();
            Response published = publicPage.navigate(uri("/zh-hans/a-" + id).toString());
            assertThat(published.status()).isEqualTo(200);
            assertThat(publicPage.textContent("article h1")).isEqualTo(headline);
            assertThat(publicPage.locator("article .story-body strong").textContent()).isEqualTo("重要");
            assertThat(publicPage.locator("article figure.photo img").count()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void photosAreUploadedFromTheNewsroomAndHostileFilesAreRefusedWithAReason() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("upload");
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(800, 450,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        Path photo = dir.resolve("harbour.jpg");
        javax.imageio.ImageIO.write(picture, "jpg", photo.toFile());
        Path fake = dir.resolve("not-a-photo.jpg");
        java.nio.file.Files.writeString(fake, "<html><script>alert(1)</script></html>");

        try (BrowserContext context = chineseContext()) {
            Page page = signIn(context, editor);
            page.navigate(uri("/admin/media/new").toString());
            page.setInputFiles("#file", photo);
            page.fill("#alt", "夜色中的港口");
            page.click("form.stack button[type=submit]");
            assertThat(page.textContent(".message.success")).contains("已上传");
            assertThat(page.locator("img.uploaded").getAttribute("alt")).isEqualTo("夜色中的港口");
            screenshot(page, "newsroom-upload");

            page.setInputFiles("#file", fake);
            page.fill("#alt", "假图片");
            Response refused = page.waitForNavigation(() -> page.click("form.stack button[type=submit]"));
            assertThat(refused.status()).isEqualTo(415);
            assertThat(page.textContent("p.message[role=alert]")).isNotBlank();
            assertThat(page.inputValue("#alt")).as("what was typed is kept").isEqualTo("假图片");
        }
    }

    @Test
    void aContributorCanSubmitButNotPublish() {
        try (BrowserContext context = chineseContext()) {
            Page page = signIn(context, writer);
            long id = writeArticle(page, "撰稿人的草稿");
            assertThat(page.locator("button[value=submit]").count()).isEqualTo(1);
            assertThat(page.locator("button[value=publish]").count()).isZero();

            page.click("button[value=submit]");
            assertThat(page.textContent("p.state strong")).isEqualTo("审核中");
            assertThat(page.locator("form.editor").count()).as("no editing while in review").isZero();
            screenshot(page, "newsroom-in-review");

            // Even a hand-made publish request is refused.
            com.microsoft.playwright.APIResponse forged = page.request().post(uri("/admin/articles/" + id + "/workflow").toString(),
                    com.microsoft.playwright.options.RequestOptions.create()
                            .setForm(com.microsoft.playwright.options.FormData.create()
                                    .set("action", "publish").set("version", "3")
                                    .set("_csrf", page.inputValue("input[name=_csrf] >> nth=0"))));
            assertThat(forged.status()).isEqualTo(403);
        }
    }

    @Test
    void twoEditorsSavingTheSameArticleGetAConflictAndLoseNothing() {
        try (BrowserContext first = chineseContext(); BrowserContext second = chineseContext()) {
            Page a = signIn(first, editor);
            long id = writeArticle(a, "冲突测试原标题");
            Account other = user(Role.EDITOR);
            Page b = signIn(second, other);

            a.navigate(uri("/admin/articles/" + id).toString());
            b.navigate(uri("/admin/articles/" + id).toString());
            assertThat(b.textContent("main")).contains("同时在编辑这篇文章的还有");

            a.fill("#headline", "第一位编辑的标题");
            a.click("form.editor button[value=save] >> nth=0");
            b.fill("#headline", "第二位编辑的标题");
            b.click("form.editor button[value=save] >> nth=0");

            assertThat(b.textContent("p.message")).contains("有人保存了这篇文章");
            assertThat(b.inputValue("#headline")).isEqualTo("第二位编辑的标题");
            assertThat(b.textContent("section.conflict")).contains("第一位编辑的标题");
            screenshot(b, "newsroom-conflict");

            b.click("form.editor button[value=save] >> nth=0");
            assertThat(b.url()).contains("?saved");
            assertThat(b.inputValue("#headline")).isEqualTo("第二位编辑的标题");

            // Every save is a revision: the first editor's headline is one of them, side by side with the last.
            b.navigate(uri("/admin/articles/" + id + "/revisions?from=2&to=3").toString());
            assertThat(b.textContent("main")).contains("第一位编辑的标题").contains("第二位编辑的标题");
            screenshot(b, "newsroom-revisions");
        }
    }

    @Test
    void aScheduledArticleAppearsOnTimeWithNoVisitNeeded() {
        String token = "tideway" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String headline = "定时发布的新闻 " + token;
        ZoneId zone = editions.find("zh-hans").orElseThrow().timeZone();
        Instant due = clock.instant().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        try (BrowserContext newsroom = chineseContext()) {
            Page page = signIn(newsroom, editor);
            long id = writeArticle(page, headline);
            page.navigate(uri("/admin/articles/" + id).toString());
            // The form takes the edition's local time, and says which zone that is.
            assertThat(page.textContent("#time-zone-hint")).contains(zone.getId());
            page.fill("#publishAt", LocalDateTime.ofInstant(due, zone).toString());
            screenshot(page, "newsroom-schedule");
            page.click("button[value=schedule]");
            // Until it is public it reads "scheduled for" its time, in the edition's zone, and the form keeps the plan.
            String local = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").format(due.atZone(zone));
            assertThat(page.textContent("p.state strong")).contains(local + " " + zone.getId());
            assertThat(page.inputValue("#publishAt")).isEqualTo(LocalDateTime.ofInstant(due, zone).toString());
            page.navigate(uri("/admin/articles?edition=zh-hans&q=" + token).toString());
            assertThat(page.textContent("tbody")).contains(local + " " + zone.getId());

            // A minute before its time it is nowhere public, however often the scheduler runs meanwhile.
            clock.advance(Duration.between(clock.instant(), due.minusSeconds(60)));
            double runs = schedulerRuns();
            Await.until(() -> schedulerRuns() >= runs + 2, "the publish scheduler to run twice at the new time");
            assertThat(get("/zh-hans/a-" + id).statusCode()).isEqualTo(404);
            assertThat(searchFinds(token)).isFalse();

            // At its time the scheduler announces it on the change log; the search index, which learns only from
            // that announcement, finds it with nobody having asked for the page.
            clock.advance(Duration.ofSeconds(60));
            Await.until(() -> searchFinds(token), "the scheduler to announce the story to the search index");

            try (BrowserContext reader = chineseContext()) {
                Page publicPage = reader.newPage();
                assertThat(publicPage.navigate(uri("/zh-hans/a-" + id).toString()).status()).isEqualTo(200);
                assertThat(publicPage.textContent("article h1")).isEqualTo(headline);
            }

            // Take it down before the clock goes back for the next test: a story public only in this test's
            // future would otherwise stay in the search index, published "later", for the tests that follow.
            page.navigate(uri("/admin/articles/" + id).toString());
            page.click("button[value=unpublish]");
            Await.until(() -> !searchFinds(token), "the unpublished story to leave the search index");
        }
    }

    @Test
    void anAdminGivesANewUserRightsInOneEdition() {
        Account admin = accounts.create(null, "e2e-admin-" + UUID.randomUUID() + "@example.org", "管理员赵",
                PASSWORD, true);
        try (BrowserContext context = chineseContext()) {
            Page page = signIn(context, admin);
            page.click("header nav a[href='/admin/users']");
            page.click("a[href='/admin/users/new']");
            String email = "e2e-new-" + UUID.randomUUID() + "@example.org";
            page.fill("#email", email);
            page.fill("#name", "新同事孙");
            page.fill("#password", "tides turn at the harbour");
            page.click("form.stack button[type=submit]");
            page.selectOption("#role-zh-hans", "contributor");
            screenshot(page, "newsroom-user");
            page.click("form[action$='/rights'] button[type=submit]");
            assertThat(page.textContent("p.message")).isEqualTo("已保存。");
            assertThat(accounts.findByEmail(email).orElseThrow().roleIn("zh-hans")).contains(Role.CONTRIBUTOR);
        }
    }

    /**
     * A new edition used without SQL: an admin adds it, gives it a section in the newsroom, writes and publishes a
     * story in that section, and a reader finds the section in the edition's menu with the story in it. The
     * edition and what was made in it are removed afterwards (other tests list every edition).
     */
    @Test
    void anAdminAddsAnEditionAndItsSectionThenPublishesAStoryThatReadersFindUnderIt() {
        String code = "de-e2e";
        Account admin = accounts.create(null, "e2e-admin-" + UUID.randomUUID() + "@example.org", "Admin Weber",
                PASSWORD, true);
        String headline = "Neue Ausgabe, erste Meldung " + UUID.randomUUID().toString().substring(0, 4);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB")
                .setJavaScriptEnabled(false));
                BrowserContext reader = browser.newContext()) {
            Page page = signIn(context, admin);
            page.click("header nav a[href='/admin/editions']");
            page.fill("#code", code);
            page.fill("#locale", "de-DE");
            page.fill("#name", "Deutsch (Test)");
            page.fill("#siteName", "Kurzwelle Test");
            page.fill("#copyrightHolder", "Kurzwelle");
            page.fill("#timeZone", "Europe/Berlin");
            page.fill("#position", "95");
            page.click("form.stack button[type=submit]");
            assertThat(page.url()).endsWith("/admin/editions?saved");

            page.click("header nav a[href='/admin/sections']");
            page.navigate(uri("/admin/sections/" + code).toString());
            page.fill("#new-name", "Wissenschaft");
            page.fill("#new-slug", "wissenschaft");
            page.click("form[action='/admin/sections/" + code + "'] button[type=submit]");
            assertThat(page.textContent("p.message[role=status]")).startsWith("Saved");
            screenshot(page, "newsroom-sections");

            page.navigate(uri("/admin/articles/new?edition=" + code).toString());
            page.fill("#headline", headline);
            page.fill("#slug", "erste-meldung");
            page.fill("#lead", "Die erste Meldung der neuen Ausgabe.");
            page.selectOption("#section", new SelectOption().setLabel("Wissenschaft"));
            page.fill("textarea[name='blocks.0.text']", "Der erste Absatz.");
            page.click("form.editor button[value=save] >> nth=0");
            assertThat(page.url()).contains("?saved");
            page.click("button[value=publish]");

            Page home = reader.newPage();
            home.navigate(uri("/" + code + "/").toString());
            home.click("nav#main-menu a:text-is('Wissenschaft')");
            assertThat(home.url()).contains("/" + code + "/wissenschaft/s-");
            assertThat(home.locator("main").textContent()).contains(headline);
        } finally {
            removeEdition(code);
        }
    }

    private void removeEdition(String code) {
        for (long id : jdbc.sql("select id from article where edition_code = ?").param(code).query(Long.class).list()) {
            // Announced as deleted first, so the search index drops it like any deleted story.
            new org.shortwave.content.ArticleChanges(jdbc, changeLog, transactions).delete(id);
        }
        jdbc.sql("delete from article where edition_code = ?").param(code).update();
        jdbc.sql("delete from section where edition_code = ?").param(code).update();
        jdbc.sql("delete from edition where code = ?").param(code).update();
        transactions.executeWithoutResult(status -> changeLog.record(
                org.shortwave.content.ChangeKind.EDITION_CHANGED, null, code));
        editions.reload();
    }

    private boolean searchFinds(String word) {
        return !get("/api/v1/search?edition=zh-hans&q=" + word).body().contains("\"total\":0");
    }
}
