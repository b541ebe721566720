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
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Previews over HTTP: of the text on screen (shown, never stored, never cached, noindex, in a banner with a way
 * back), refused for another edition's story; and the link shared with a colleague (signed in, tied to the revision
 * it was made for, expiring, refused to someone with no rights); "View on site" only for a public story.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewIT extends AppTestBase {

    private static final String PASSWORD = "harbour lights at dusk";

    @Autowired
    Accounts accounts;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    EditorialWorkflow workflow;

    Account writer;
    Account editor;
    NewsroomBrowser writerBrowser;
    NewsroomBrowser editorBrowser;
    NewsroomBrowser enEditorBrowser;
    NewsroomBrowser noRightsBrowser;
    long section;

    @BeforeAll
    void people() {
        section = taxonomy.ensureSection("zh-hans", "preview-tests", "预览测试", 96);
        writer = user(Map.of("zh-hans", Role.CONTRIBUTOR));
        editor = user(Map.of("zh-hans", Role.EDITOR));
        writerBrowser = browser(writer);
        editorBrowser = browser(editor);
        enEditorBrowser = browser(user(Map.of("en", Role.EDITOR)));
        noRightsBrowser = browser(user(Map.of()));
    }

    private Account user(Map<String, Role> roles) {
        Account created = accounts.create(null, "preview-" + UUID.randomUUID() + "@example.org", "Preview", PASSWORD,
                false);
        roles.forEach((edition, role) -> accounts.grant(null, created.id(), edition, role));
        return accounts.find(created.id()).orElseThrow();
    }

    private NewsroomBrowser browser(Account account) {
        NewsroomBrowser browser = new NewsroomBrowser(this::uri, "zh-Hans");
        browser.signIn(account.email(), PASSWORD);
        return browser;
    }

    @Test
    void thePreviewShowsTheTextOnScreenAndStoresNothing() {
        long id = workflow.create(writer, content("保存过的标题"));
        int version = version(id);
        HttpResponse<String> preview = writerBrowser.submit("/admin/articles/" + id, "/admin/articles/" + id + "/preview",
                form(version, "屏幕上尚未保存的标题", "尚未保存的正文。"));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store").contains("private");
        assertThat(preview.headers().firstValue("X-Robots-Tag").orElseThrow()).contains("noindex");
        Document outer = Jsoup.parse(preview.body());
        assertThat(outer.select("meta[name=robots]").attr("content")).contains("noindex");
        assertThat(outer.select(".preview-banner").text()).contains("预览");
        assertThat(outer.select(".preview-banner a[href=/admin/articles/" + id + "]")).hasSize(1);
        assertThat(outer.select(".preview-widths input[type=radio]")).hasSize(2);
        Document page = Jsoup.parse(outer.selectFirst("iframe.preview-frame").attr("srcdoc"));
        assertThat(outer.selectFirst("iframe.preview-frame").attr("srcdoc")).as(preview.body()).contains("<h1");
        assertThat(page.select("h1").text()).isEqualTo("屏幕上尚未保存的标题");
        assertThat(page.select(".story").text()).contains("尚未保存的正文。").doesNotContain("保存过的标题");
        assertThat(page.select("meta[name=robots]").attr("content")).contains("noindex");
        assertThat(page.select("script[data-article]")).as("no page-view beacon").isEmpty();
        // Nothing stored: the same version, the saved headline, no new revision.
        assertThat(version(id)).isEqualTo(version);
        assertThat(jdbc.sql("select headline from article where id = ?").param(id).query(String.class).single())
                .isEqualTo("保存过的标题");
        assertThat(jdbc.sql("select count(*) from article_revision where article_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aNewStoryCanBePreviewedBeforeItIsSaved() {
        long before = articles();
        HttpResponse<String> preview = writerBrowser.submit("/admin/articles/new?edition=zh-hans",
                "/admin/articles/preview", withEdition(form(0, "还没有保存的新稿", "新稿正文。")));
        assertThat(preview.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(Jsoup.parse(preview.body()).selectFirst("iframe").attr("srcdoc"));
        assertThat(page.select("h1").text()).isEqualTo("还没有保存的新稿");
        assertThat(articles()).isEqualTo(before);
    }

    @Test
    void anotherEditionsStoryOrEditionIsRefused() {
        long id = workflow.create(writer, content("别的版本的稿件"));
        String token = enEditorBrowser.csrf("/admin/");
        Map<String, String> posted = form(version(id), "偷看", "偷看。");
        posted.put("_csrf", token);
        assertThat(enEditorBrowser.post("/admin/articles/" + id + "/preview", posted).statusCode()).isEqualTo(403);
        Map<String, String> fresh = withEdition(form(0, "偷看", "偷看。"));
        fresh.put("_csrf", token);
        assertThat(enEditorBrowser.post("/admin/articles/preview", fresh).statusCode()).isEqualTo(403);
        // A photo id that does not exist is not shown either: 422, in the newsroom's language.
        Map<String, String> badMedia = form(version(id), "标题", "正文。");
        badMedia.put("mainImage", "99999999");
        HttpResponse<String> refused = writerBrowser.submit("/admin/articles/" + id, "/admin/articles/" + id
                + "/preview", badMedia);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("无法显示预览");
    }

    @Test
    void aSharedLinkOpensItsRevisionForSignedInColleaguesUntilItExpires() {
        long id = workflow.create(writer, content("分享的第一版"));
        HttpResponse<String> made = writerBrowser.submit("/admin/articles/" + id, "/admin/articles/" + id
                + "/preview-link", Map.of());
        assertThat(made.statusCode()).isEqualTo(200);
        String url = Jsoup.parse(made.body()).selectFirst("#share-url").attr("value");
        String path = url.substring(url.indexOf("/admin/preview/"));

        // The story moves on; the link still shows the revision it was made for.
        workflow.save(writer, id, version(id), content("分享之后的第二版"));
        HttpResponse<String> colleague = editorBrowser.get(path);
        assertThat(colleague.statusCode()).isEqualTo(200);
        assertThat(colleague.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        Document page = Jsoup.parse(Jsoup.parse(colleague.body()).selectFirst("iframe").attr("srcdoc"));
        assertThat(page.select("h1").text()).isEqualTo("分享的第一版");
        assertThat(Jsoup.parse(colleague.body()).select("#share-url")).as("the token is shown once").isEmpty();

        assertThat(get(path).statusCode()).as("signed out").isEqualTo(302);
        assertThat(noRightsBrowser.get(path).statusCode()).as("no rights in the edition").isEqualTo(403);
        assertThat(enEditorBrowser.get(path).statusCode()).as("another edition's editor").isEqualTo(403);
        assertThat(editorBrowser.get("/admin/preview/" + "x".repeat(43)).statusCode()).isEqualTo(404);

        jdbc.sql("update preview_link set expires_at = ? where article_id = ?")
                .params(java.sql.Timestamp.from(NOW.minusSeconds(1)), id).update();
        HttpResponse<String> expired = editorBrowser.get(path);
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(expired.body()).contains("预览链接已过期");
    }

    @Test
    void viewOnSiteOnlyForAPublicStory() {
        long id = workflow.create(writer, content("还没公开的稿件"));
        assertThat(editorBrowser.page("/admin/articles/" + id).select(".preview-actions a")).isEmpty();
        workflow.publish(editor, id, version(id), null, null);
        var link = editorBrowser.page("/admin/articles/" + id).select(".preview-actions a");
        assertThat(link).hasSize(1);
        assertThat(link.attr("href")).isEqualTo(articlePath(id));
        assertThat(editorBrowser.page("/admin/articles/" + id).select(
                "button[formaction=/admin/articles/" + id + "/preview][formtarget=_blank]")).hasSize(1);
    }

    private ArticleContent content(String headline) {
        return new ArticleContent("zh-hans", section, headline, "", "导语。", "", List.of(
                new Block.Paragraph(InlineHtml.sanitize("正文。"))), null, List.of(), List.of(), "短波");
    }

    private Map<String, String> form(int version, String headline, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", String.valueOf(version));
        form.put("headline", headline);
        form.put("slug", "");
        form.put("lead", "导语。");
        form.put("section", String.valueOf(section));
        form.put("copyright", "短波");
        form.put("blocks.0.type", "paragraph");
        form.put("blocks.0.text", text);
        return form;
    }

    private static Map<String, String> withEdition(Map<String, String> form) {
        form.put("edition", "zh-hans");
        return form;
    }

    private int version(long id) {
        return jdbc.sql("select version from article where id = ?").param(id).query(Integer.class).single();
    }

    private long articles() {
        return jdbc.sql("select count(*) from article").query(Long.class).single();
    }
}
