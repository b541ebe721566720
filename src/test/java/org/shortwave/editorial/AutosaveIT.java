package org.shortwave.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
 * Autosave and session expiry over real HTTP (ADR 0021): a draft per user and article, overwritten, never a
 * revision, never the public text; the 409 rule keeps both texts; scripts get JSON, not the sign-in page; a form
 * posted with an ended session is kept and comes back after sign-in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutosaveIT extends AppTestBase {

    private static final String PASSWORD = NewsroomUsers.PASSWORD;

    @Autowired
    Accounts accounts;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    EditorialWorkflow workflow;

    Account editor;
    Account otherEditor;
    Account writer;
    long section;

    @BeforeAll
    void people() {
        editor = user(Role.EDITOR, "自动保存编辑");
        otherEditor = user(Role.EDITOR, "另一位编辑");
        writer = user(Role.CONTRIBUTOR, "撰稿人");
        section = taxonomy.ensureSection("zh-hans", "autosave-tests", "自动保存测试", 96);
    }

    private Account user(Role role, String name) {
        return NewsroomUsers.withRole(accounts, "autosave", name, role, "zh-hans");
    }

    private ArticleContent content(String headline) {
        return new ArticleContent("zh-hans", section, headline, "autosave-" + UUID.randomUUID().toString().substring(0, 8),
                "导语。", "（短波中文）", List.of(new Block.Paragraph(InlineHtml.sanitize("公开的第一段。"))), null,
                List.of(), List.of(), "短波");
    }

    private NewsroomBrowser signedIn(Account account) {
        NewsroomBrowser browser = new NewsroomBrowser(this::uri);
        assertThat(browser.signIn(account.email(), PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    /** The editor form's fields as a browser would post them (text fields, checked boxes, selected options). */
    static Map<String, String> fields(Document page) {
        Element form = page.selectFirst("form.editor");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String type = input.attr("type");
            if (input.tagName().equals("select")) {
                Element option = input.selectFirst("option[selected]");
                fields.put(input.attr("name"), option == null ? "" : option.attr("value"));
            } else if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                continue;
            } else if (!type.equals("submit")) {
                fields.put(input.attr("name"), input.tagName().equals("textarea") ? input.wholeText() : input.val());
            }
        }
        return fields;
    }

    private long revisions(long id) {
        return jdbc.sql("select count(*) from article_revision where article_id = ?").param(id).query(Long.class).single();
    }

    private long drafts(Account user, long id) {
        return jdbc.sql("select count(*) from article_draft where user_id = ? and article_id = ?").params(user.id(), id)
                .query(Long.class).single();
    }

    private String draftHeadline(Account user, long id) {
        return jdbc.sql("select form->'headline'->>0 from article_draft where user_id = ? and article_id = ?")
                .params(user.id(), id).query(String.class).single();
    }

    @Test
    void anAutosaveKeepsOneDraftNeverARevisionAndNeverThePublicText() {
        long id = workflow.create(editor, content("已发布的标题"));
        workflow.publish(editor, id, 1, null, null);
        String publicPath = articlePath(id);
        assertThat(rendered(publicPath).body()).contains("已发布的标题");
        long before = revisions(id);

        NewsroomBrowser browser = signedIn(editor);
        Document page = browser.page("/admin/articles/" + id);
        Map<String, String> form = fields(page);
        form.put("headline", "正在写的新标题");
        HttpResponse<String> first = browser.post("/admin/articles/" + id + "/autosave", form);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"state\":\"saved\"", "\"savedAt\"", "\"currentVersion\":2");
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).contains("application/json");

        form.put("headline", "再改一次的标题");
        assertThat(browser.post("/admin/articles/" + id + "/autosave", form).statusCode()).isEqualTo(200);

        assertThat(drafts(editor, id)).isOne();
        assertThat(draftHeadline(editor, id)).isEqualTo("再改一次的标题");
        assertThat(revisions(id)).isEqualTo(before);
        assertThat(jdbc.sql("select headline from article where id = ?").param(id).query(String.class).single())
                .isEqualTo("已发布的标题");
        assertThat(rendered(publicPath).body()).contains("已发布的标题").doesNotContain("再改一次的标题");
    }

    @Test
    void anAutosaveOnAnOlderVersionIsAConflictThatKeepsBothTexts() {
        long id = workflow.create(editor, content("原来的标题"));
        NewsroomBrowser browser = signedIn(editor);
        Map<String, String> form = fields(browser.page("/admin/articles/" + id));
        workflow.save(otherEditor, id, 1, content("另一位编辑保存的标题"));

        form.put("headline", "我还没保存的标题");
        HttpResponse<String> answer = browser.post("/admin/articles/" + id + "/autosave", form);
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("\"state\":\"conflict\"", "\"currentVersion\":2");
        assertThat(draftHeadline(editor, id)).isEqualTo("我还没保存的标题");
        assertThat(jdbc.sql("select headline from article where id = ?").param(id).query(String.class).single())
                .isEqualTo("另一位编辑保存的标题");
    }

    @Test
    void aNewArticlesDraftIsKeptByItsKeyInAnEditionTheWriterMayWriteFor() {
        NewsroomBrowser browser = signedIn(writer);
        String token = browser.csrf("/admin/articles/new?edition=zh-hans");
        String key = UUID.randomUUID().toString();
        Map<String, String> form = new LinkedHashMap<>(Map.of("_csrf", token, "edition", "zh-hans", "draftKey", key,
                "headline", "还没有保存的新文章", "blocks.0.type", "paragraph", "blocks.0.text", "先写正文。"));
        HttpResponse<String> saved = browser.post("/admin/articles/autosave", form);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("\"draftKey\":\"" + key + "\"");
        form.put("headline", "改过的新文章标题");
        browser.post("/admin/articles/autosave", form);
        assertThat(jdbc.sql("select form->'headline'->>0 from article_draft where user_id = ? and draft_key = ?::uuid")
                .params(writer.id(), key).query(String.class).list()).containsExactly("改过的新文章标题");

        form.put("edition", "en");
        HttpResponse<String> refused = browser.post("/admin/articles/autosave", form);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"state\":\"not-allowed\"");
        form.put("edition", "zh-hans");
        form.put("draftKey", "not-a-key");
        assertThat(browser.post("/admin/articles/autosave", form).statusCode()).isEqualTo(422);
    }

    @Test
    void aWriterCannotAutosaveAnotherOnesArticleNorOneThatDoesNotExist() {
        long id = workflow.create(editor, content("编辑的稿件"));
        NewsroomBrowser browser = signedIn(writer);
        String token = browser.csrf("/admin/articles");
        HttpResponse<String> theirs = browser.post("/admin/articles/" + id + "/autosave",
                Map.of("_csrf", token, "version", "1", "headline", "不是我的"));
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(browser.post("/admin/articles/99999999999999999999/autosave", Map.of("_csrf", token)).statusCode())
                .isEqualTo(404);
        assertThat(drafts(writer, id)).isZero();
    }

    @Test
    void scriptsGetJsonWhenTheSessionEndedAndTheSessionEndpointHandsOutTheToken() {
        long id = workflow.create(editor, content("会话测试"));
        NewsroomBrowser browser = signedIn(editor);
        HttpResponse<String> session = browser.get("/admin/session");
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).contains("\"signedIn\":true", "\"header\":\"X-CSRF-TOKEN\"", "\"parameter\":\"_csrf\"");
        Map<String, String> form = fields(browser.page("/admin/articles/" + id));

        // A bad token with a live session: 403, in JSON.
        Map<String, String> forged = new LinkedHashMap<>(form);
        forged.put("_csrf", "forged");
        HttpResponse<String> csrf = browser.post("/admin/articles/" + id + "/autosave", forged);
        assertThat(csrf.statusCode()).isEqualTo(403);
        assertThat(csrf.body()).contains("\"state\":\"csrf\"");

        browser.forgetSession();
        HttpResponse<String> signedOut = browser.post("/admin/articles/" + id + "/autosave", form);
        assertThat(signedOut.statusCode()).isEqualTo(401);
        assertThat(signedOut.body()).contains("\"state\":\"signed-out\"");
        assertThat(browser.get("/admin/session").statusCode()).isEqualTo(401);
        HttpResponse<String> picker = browser.send(java.net.http.HttpRequest.newBuilder(uri("/admin/articles"))
                .header("Accept", "application/json").GET().build());
        assertThat(picker.statusCode()).isEqualTo(401);
        // A page still leads to the sign-in page.
        assertThat(browser.get("/admin/articles").statusCode()).isEqualTo(302);
        assertThat(drafts(editor, id)).isZero();
    }

    @Test
    void aFormPostedWithAnEndedSessionIsKeptAndHandedBackAfterSignIn() {
        long id = workflow.create(editor, content("会话结束前的标题"));
        NewsroomBrowser browser = signedIn(editor);
        Map<String, String> form = fields(browser.page("/admin/articles/" + id));
        form.put("headline", "会话结束后写的标题");
        form.put("op", "save");

        browser.forgetSession();
        HttpResponse<String> posted = browser.post("/admin/articles/" + id, form);
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?kept");
        assertThat(browser.cookie("shortwave-kept")).isNotBlank();
        assertThat(browser.get("/admin/login?kept").body()).contains("12");
        // Nothing was applied.
        assertThat(jdbc.sql("select headline from article where id = ?").param(id).query(String.class).single())
                .isEqualTo("会话结束前的标题");

        HttpResponse<String> signIn = browser.signIn(editor.email(), PASSWORD);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin/kept");
        HttpResponse<String> claimed = browser.get("/admin/kept");
        assertThat(claimed.headers().firstValue("Location").orElseThrow())
                .endsWith("/admin/articles/" + id + "?draft=restore&kept=save");
        assertThat(draftHeadline(editor, id)).isEqualTo("会话结束后写的标题");
        // The token works once.
        assertThat(jdbc.sql("select count(*) from kept_post where action = ?").param("/admin/articles/" + id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aKeptFormIsNotHandedToSomeoneWhoMayNotEditTheArticle() {
        long id = workflow.create(editor, content("只有编辑能改"));
        NewsroomBrowser browser = signedIn(editor);
        Map<String, String> form = fields(browser.page("/admin/articles/" + id));
        browser.forgetSession();
        assertThat(browser.post("/admin/articles/" + id, form).statusCode()).isEqualTo(303);

        assertThat(browser.signIn(writer.email(), PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/admin/kept");
        assertThat(browser.get("/admin/kept").headers().firstValue("Location").orElseThrow())
                .endsWith("/admin/articles?kept-lost");
        assertThat(drafts(writer, id)).isZero();
    }

    @Test
    void theNewsroomWithoutItsSlashAndSignInInATabOfItsOwn() {
        NewsroomBrowser browser = new NewsroomBrowser(this::uri);
        String login = browser.get("/admin/login?return=close").body();
        assertThat(login).contains("name=\"return\" value=\"close\"");
        String token = browser.csrf("/admin/login?return=close");
        HttpResponse<String> signIn = browser.post("/admin/login", Map.of("_csrf", token, "email", editor.email(),
                "password", PASSWORD, "return", "close"));
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?return=close");
        HttpResponse<String> closing = browser.get("/admin/login?return=close");
        assertThat(closing.statusCode()).isEqualTo(200);
        assertThat(closing.body()).doesNotContain("name=\"password\"");

        HttpResponse<String> bare = browser.get("/admin");
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location").orElseThrow()).endsWith("/admin/");
    }
}
