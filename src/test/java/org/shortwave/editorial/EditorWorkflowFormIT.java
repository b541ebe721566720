package org.shortwave.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.NewsroomBrowser;
import org.shortwave.NewsroomUsers;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The editor's form over real HTTP, JavaScript off: workflow buttons act on the text on screen, the review
 * conversation, a writer's read-only copy and withdrawal, scheduling in the edition's time zone, rights in the
 * interface, and unsaved text offered back (ADR 0021).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorWorkflowFormIT extends AppTestBase {

    private static final String PASSWORD = NewsroomUsers.PASSWORD;

    @Autowired
    Accounts accounts;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    EditorialWorkflow workflow;

    Account editor;
    Account writer;
    long section;

    @BeforeAll
    void people() {
        editor = user(Role.EDITOR, "审稿编辑");
        writer = user(Role.CONTRIBUTOR, "简体撰稿人");
        section = taxonomy.ensureSection("zh-hans", "workflow-form-tests", "表单测试", 95);
    }

    private Account user(Role role, String name) {
        return NewsroomUsers.withRole(accounts, "form", name, role, "zh-hans");
    }

    private ArticleContent content(String headline) {
        return new ArticleContent("zh-hans", section, headline, "form-" + UUID.randomUUID().toString().substring(0, 8),
                "导语。", "（短波中文）", List.of(new Block.Paragraph(InlineHtml.sanitize("第一段。"))), null,
                List.of(), List.of(), "短波");
    }

    private NewsroomBrowser signedIn(Account account) {
        NewsroomBrowser browser = new NewsroomBrowser(this::uri, "zh-Hans");
        assertThat(browser.signIn(account.email(), PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    private String headline(long id) {
        return jdbc.sql("select headline from article where id = ?").param(id).query(String.class).single();
    }

    private String status(long id) {
        return jdbc.sql("select status from article where id = ?").param(id).query(String.class).single();
    }

    @Test
    void submitWithUnsavedEditsSavesThemAndTheWriterSeesAReadOnlyCopyWithTheNote() {
        long id = workflow.create(writer, content("初稿标题"));
        NewsroomBrowser browser = signedIn(writer);
        Document page = browser.page("/admin/articles/" + id);
        assertThat(page.select("form.editor button[name=op][value=submit]")).hasSize(1);
        assertThat(page.select("form.editor button[name=op][value=publish]")).isEmpty();
        Map<String, String> form = AutosaveIT.fields(page);
        form.put("headline", "提交前刚改的标题");
        form.put("reviewNote", "请重点看第二段的数字。");
        form.put("op", "submit");

        HttpResponse<String> submitted = browser.post("/admin/articles/" + id, form);
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(submitted.headers().firstValue("Location").orElseThrow()).endsWith("?done=submit");
        assertThat(status(id)).isEqualTo("in_review");
        assertThat(headline(id)).isEqualTo("提交前刚改的标题");

        Document inReview = browser.page("/admin/articles/" + id + "?done=submit");
        assertThat(inReview.select("form.editor")).isEmpty();
        assertThat(inReview.select("section.read-only h3").text()).isEqualTo("提交前刚改的标题");
        assertThat(inReview.select("section.review-notes").text()).contains("请重点看第二段的数字。", "简体撰稿人");
        assertThat(inReview.select("button[name=op][value=withdraw]")).hasSize(1);
        assertThat(inReview.select("h2#workflow-title")).isEmpty();
        assertThat(inReview.select("[role=status], .message").text()).contains("已保存并提交审核");

        // The editor sees the same conversation and sends it back with a note.
        NewsroomBrowser desk = signedIn(editor);
        Document review = desk.page("/admin/articles/" + id);
        assertThat(review.select("section.review-notes").text()).contains("请重点看第二段的数字。");
        Map<String, String> back = AutosaveIT.fields(review);
        back.put("reviewNote", "数字已核对，请补充消息来源。");
        back.put("op", "reject");
        assertThat(desk.post("/admin/articles/" + id, back).statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("draft");
        assertThat(browser.page("/admin/articles/" + id).select("section.review-notes li")).hasSize(2);
    }

    @Test
    void aWriterWithdrawsHerStoryFromReview() {
        long id = workflow.create(writer, content("要撤回的稿件"));
        workflow.submit(writer, id, 1);
        NewsroomBrowser browser = signedIn(writer);
        Document page = browser.page("/admin/articles/" + id);
        String token = page.selectFirst("section.read-only + form input[name=_csrf]").val();
        HttpResponse<String> withdrawn = browser.post("/admin/articles/" + id,
                Map.of("_csrf", token, "version", "2", "op", "withdraw", "reviewNote", ""));
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("draft");
        assertThat(browser.page("/admin/articles/" + id).select("form.editor")).hasSize(1);
        // Another writer's story is not hers to withdraw.
        assertThat(workflow.available(editor, newsroomArticle(id))).doesNotContain(Action.WITHDRAW);
    }

    private org.shortwave.content.EditableArticle newsroomArticle(long id) {
        return workflow.open(editor, id);
    }

    @Test
    void aScheduledStoryReadsScheduledInTheEditionsTimeUntilItIsPublic() {
        long id = workflow.create(editor, content("定时发布的稿件"));
        NewsroomBrowser browser = signedIn(editor);
        Map<String, String> form = AutosaveIT.fields(browser.page("/admin/articles/" + id));
        // NOW is 2026-11-26 12:00 UTC, 20:00 in Shanghai: 15:33 the next day, Shanghai time, is 07:33 UTC.
        form.put("publishAt", "2026-11-27T15:33");
        form.put("op", "schedule");
        assertThat(browser.post("/admin/articles/" + id, form).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select published_at::text from article where id = ?").param(id).query(String.class)
                .single()).startsWith("2026-11-27 07:33:00");

        Document page = browser.page("/admin/articles/" + id);
        assertThat(page.select("p.state strong").text()).contains("2026-11-27 15:33 Asia/Shanghai");
        assertThat(page.select("p.state strong").text()).doesNotContain("已发布");
        assertThat(page.selectFirst("input#publishAt").val()).isEqualTo("2026-11-27T15:33");
        Document list = browser.page("/admin/articles?edition=zh-hans&q=" + java.net.URLEncoder.encode("定时发布的稿件",
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(list.select("tbody tr").text()).contains("2026-11-27 15:33 Asia/Shanghai");
        assertThat(list.select("tbody time").attr("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");

        // A planned time in the past is refused on its field, the text kept.
        form = AutosaveIT.fields(page);
        form.put("publishAt", "2020-01-01T08:00");
        form.put("headline", "改了但没能定时");
        form.put("op", "schedule");
        HttpResponse<String> refused = browser.post("/admin/articles/" + id, form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).selectFirst("input#headline").val()).isEqualTo("改了但没能定时");
        assertThat(headline(id)).isEqualTo("定时发布的稿件");
    }

    @Test
    void aContributorIsOfferedOnlyTheEditionsSheMayWriteForAndIsStillRefusedOnTheServer() {
        NewsroomBrowser browser = signedIn(writer);
        Document list = browser.page("/admin/articles");
        assertThat(list.select("a[href^=/admin/articles/new]")).extracting(a -> a.attr("href"))
                .containsExactly("/admin/articles/new?edition=zh-hans");
        assertThat(browser.page("/admin/articles/new?edition=en").selectFirst("input[name=edition]").val())
                .isEqualTo("zh-hans");

        Map<String, String> form = new LinkedHashMap<>(AutosaveIT.fields(browser.page("/admin/articles/new")));
        form.put("edition", "en");
        form.put("headline", "A story she may not file");
        form.put("op", "save");
        HttpResponse<String> refused = browser.post("/admin/articles/new", form);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(refused.body()).selectFirst("input#headline").val()).isEqualTo("A story she may not file");
    }

    /** The new-article form as the page gives it, with a headline, the test section and one paragraph. */
    private Map<String, String> newStory(NewsroomBrowser browser, String headline) {
        Map<String, String> form = new LinkedHashMap<>(AutosaveIT.fields(browser.page("/admin/articles/new")));
        form.put("headline", headline);
        form.put("section", String.valueOf(section));
        form.put("blocks.0.text", "正文。");
        return form;
    }

    @Test
    void aNewStorysButtonRefusedAfterItWasCreatedSaysSoInTheEditorOfTheSavedStory() {
        NewsroomBrowser browser = signedIn(writer);
        String headline = "撰稿人不能发布-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> form = newStory(browser, headline);
        form.put("op", "publish"); // not offered to her; posted anyway
        HttpResponse<String> refused = browser.post("/admin/articles/new", form);

        assertThat(refused.statusCode()).isEqualTo(403);
        long id = jdbc.sql("select id from article where headline = ?").param(headline).query(Long.class).single();
        assertThat(status(id)).isEqualTo("draft");
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("[role=alert]").text()).isNotBlank();
        assertThat(page.selectFirst("form.editor[action='/admin/articles/" + id + "']")).isNotNull();
        assertThat(page.selectFirst("input#headline").val()).isEqualTo(headline);
    }

    @Test
    void aNewStoryScheduledInThePastIsRefusedOnTheTimeAndNothingIsCreated() {
        NewsroomBrowser browser = signedIn(editor);
        String headline = "定时在过去-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> form = newStory(browser, headline);
        form.put("publishAt", "2020-01-01T08:00");
        form.put("op", "schedule");
        HttpResponse<String> refused = browser.post("/admin/articles/new", form);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(jdbc.sql("select count(*) from article where headline = ?").param(headline).query(Long.class)
                .single()).isZero();
        Document page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst("#publishAt").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("input#headline").val()).isEqualTo(headline);
    }

    @Test
    void unsavedTextIsOfferedAndRestoredOrDiscarded() {
        long id = workflow.create(editor, content("已保存的标题"));
        NewsroomBrowser browser = signedIn(editor);
        Map<String, String> form = AutosaveIT.fields(browser.page("/admin/articles/" + id));
        form.put("headline", "自动保存的标题");
        assertThat(browser.post("/admin/articles/" + id + "/autosave", form).statusCode()).isEqualTo(200);

        Document offered = browser.page("/admin/articles/" + id);
        assertThat(offered.select("section.recovery").text()).contains("Asia/Shanghai");
        assertThat(offered.selectFirst("input#headline").val()).isEqualTo("已保存的标题");
        Document restored = browser.page(offered.selectFirst("section.recovery a").attr("href"));
        assertThat(restored.selectFirst("input#headline").val()).isEqualTo("自动保存的标题");

        // Saving the restored text makes it the article's and forgets the draft.
        Map<String, String> save = AutosaveIT.fields(restored);
        save.put("op", "save");
        assertThat(browser.post("/admin/articles/" + id, save).statusCode()).isEqualTo(302);
        assertThat(headline(id)).isEqualTo("自动保存的标题");
        assertThat(browser.page("/admin/articles/" + id).select("section.recovery")).isEmpty();

        // Discarding forgets it too.
        browser.post("/admin/articles/" + id + "/autosave", form);
        Document again = browser.page("/admin/articles/" + id);
        String discard = again.selectFirst("section.recovery form").attr("action");
        browser.post(discard, Map.of("_csrf", again.selectFirst("section.recovery input[name=_csrf]").val()));
        assertThat(browser.page("/admin/articles/" + id).select("section.recovery")).isEmpty();
    }

    @Test
    void aNewArticlesUnsavedTextIsOfferedOnTheListAndTheNewArticlePage() {
        NewsroomBrowser browser = signedIn(writer);
        Document fresh = browser.page("/admin/articles/new?edition=zh-hans");
        String key = fresh.selectFirst("form.editor input[name=draftKey]").val();
        Map<String, String> form = AutosaveIT.fields(fresh);
        form.put("headline", "还没保存的新稿");
        assertThat(browser.post("/admin/articles/autosave", form).statusCode()).isEqualTo(200);

        assertThat(browser.page("/admin/articles").select("section.recovery").text()).contains("还没保存的新稿");
        Document page = browser.page("/admin/articles/new?edition=zh-hans");
        String restore = page.select("section.recovery a").attr("href");
        assertThat(restore).contains(key);
        Document restored = browser.page(restore);
        assertThat(restored.selectFirst("input#headline").val()).isEqualTo("还没保存的新稿");
        assertThat(restored.selectFirst("input[name=draftKey]").val()).isEqualTo(key);
    }

    @Test
    void aFormKeptWhenTheSessionEndedOpensInTheEditorToReviewAndSave() {
        long id = workflow.create(editor, content("会话结束前"));
        NewsroomBrowser browser = signedIn(editor);
        Map<String, String> form = AutosaveIT.fields(browser.page("/admin/articles/" + id));
        form.put("headline", "会话结束后按了提交");
        form.put("op", "submit");
        browser.forgetSession();
        assertThat(browser.post("/admin/articles/" + id, form).statusCode()).isEqualTo(303);
        browser.signIn(editor.email(), PASSWORD);
        String editorPath = browser.get("/admin/kept").headers().firstValue("Location").orElseThrow();
        Document page = browser.page(editorPath.replaceFirst("^https?://[^/]+", ""));
        assertThat(page.selectFirst("input#headline").val()).isEqualTo("会话结束后按了提交");
        assertThat(page.select("[role=status]").text()).contains("提交审核");
        assertThat(status(id)).isEqualTo("draft");

        Map<String, String> again = AutosaveIT.fields(page);
        again.put("op", "submit");
        assertThat(browser.post("/admin/articles/" + id, again).statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("in_review");
        assertThat(headline(id)).isEqualTo("会话结束后按了提交");
    }

    @Test
    void theBodyCanBeWrittenFirstAndAMissingSectionIsRefusedOnItsFieldInTheNewsroomsLanguage() {
        NewsroomBrowser browser = signedIn(writer);
        Document fresh = browser.page("/admin/articles/new?edition=zh-hans");
        assertThat(fresh.selectFirst("#section option").val()).isEmpty();
        assertThat(fresh.select("button[value^=add:]")).allSatisfy(b -> assertThat(b.hasAttr("formnovalidate")).isTrue());
        assertThat(fresh.select("#headline[required], #section[required]")).isEmpty();
        Map<String, String> form = AutosaveIT.fields(fresh);
        form.put("blocks.0.text", "先写的正文。");
        form.put("op", "add:paragraph");
        Document added = Jsoup.parse(browser.post("/admin/articles/new", form).body());
        assertThat(added.select("textarea[name='blocks.1.text']")).hasSize(1);
        assertThat(added.selectFirst("textarea[name='blocks.0.text']").wholeText()).isEqualTo("先写的正文。");

        form = AutosaveIT.fields(added);
        form.put("blocks.1.text", "第二段。");
        form.put("headline", "先写正文的稿件");
        form.put("op", "save");
        HttpResponse<String> refused = browser.post("/admin/articles/new", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst("#section").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("[role=alert] a[href=#section]").text()).contains("请选择栏目");
        assertThat(page.select("[role=alert]").text()).doesNotContain("must be chosen");
        assertThat(page.selectFirst("textarea[name='blocks.0.text']").wholeText()).isEqualTo("先写的正文。");
    }
}
