package org.shortwave.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
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
import org.shortwave.accounts.ApiTokens;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.SearchAppearance;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Search appearance: the search description, social title and social image from the editor form and the admin API
 * to the public page's head, with their defaults (lead, headline, main photo), and the editor's previews of a
 * search result and a link card.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchAppearanceIT extends AppTestBase {

    private static final String PASSWORD = "harbour lights at dusk";

    @Autowired
    Accounts accounts;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    EditorialWorkflow workflow;
    @Autowired
    ApiTokens tokens;

    Account editor;
    NewsroomBrowser browser;
    long section;
    long photo;
    long otherPhoto;

    @BeforeAll
    void setUp() {
        section = taxonomy.ensureSection("zh-hans", "seo-tests", "搜索外观", 95);
        Account created = accounts.create(null, "seo-" + UUID.randomUUID() + "@example.org", "SEO", PASSWORD, false);
        accounts.grant(null, created.id(), "zh-hans", Role.EDITOR);
        editor = accounts.find(created.id()).orElseThrow();
        browser = new NewsroomBrowser(this::uri, "zh-Hans");
        browser.signIn(editor.email(), PASSWORD);
        List<Long> photos = jdbc.sql("select id from media where kind = 'image' and alt_text <> '' order by id limit 2")
                .query(Long.class).list();
        photo = photos.get(0);
        otherPhoto = photos.get(1);
    }

    @Test
    void thePublicPageDefaultsToTheLeadHeadlineAndMainPhoto() {
        long id = publish(content("默认外观的标题", SearchAppearance.NONE));
        Document page = Jsoup.parse(rendered(articlePath(id)).body());
        assertThat(page.select("meta[name=description]").attr("content")).isEqualTo("默认外观的导语。");
        assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo("默认外观的标题");
        assertThat(page.select("meta[property=og:image]").attr("content")).endsWith(mediaUrl(photo));
        assertThat(page.select("meta[name=twitter:title]").attr("content")).isEqualTo("默认外观的标题");
    }

    @Test
    void theEditorsChoicesReachTheHeadAndThePreviews() {
        long id = workflow.create(editor, content("编辑选择外观", SearchAppearance.NONE));
        Map<String, String> form = form(version(id), "编辑选择外观");
        form.put("searchDescription", "给搜索引擎的简短摘要。");
        form.put("socialTitle", "分享时的标题");
        form.put("socialImage", String.valueOf(otherPhoto));
        assertThat(browser.submit("/admin/articles/" + id, "/admin/articles/" + id, form).statusCode()).isEqualTo(302);

        Document editorPage = browser.page("/admin/articles/" + id);
        assertThat(editorPage.select("#searchDescription").text()).isEqualTo("给搜索引擎的简短摘要。");
        assertThat(editorPage.select("#socialTitle").attr("value")).isEqualTo("分享时的标题");
        assertThat(editorPage.select("input[name=socialImage][checked]").attr("value")).isEqualTo(String.valueOf(otherPhoto));
        assertThat(editorPage.select(".serp [data-preview=title]").text()).isEqualTo("编辑选择外观");
        assertThat(editorPage.select(".serp [data-preview=description]").text()).isEqualTo("给搜索引擎的简短摘要。");
        assertThat(editorPage.select(".card [data-preview=card-title]").text()).isEqualTo("分享时的标题");
        assertThat(editorPage.select(".card img").attr("src")).isEqualTo(mediaUrl(otherPhoto));
        // Characters for Chinese, of the body: the paragraph "正文内容。" has 4.
        assertThat(editorPage.select("#word-count").attr("data-count-kind")).isEqualTo("characters");
        assertThat(editorPage.select("#word-count").text()).startsWith("4 ");

        workflow.publish(editor, id, version(id), null, null);
        Document page = Jsoup.parse(rendered(articlePath(id)).body());
        assertThat(page.select("meta[name=description]").attr("content")).isEqualTo("给搜索引擎的简短摘要。");
        assertThat(page.select("meta[property=og:description]").attr("content")).isEqualTo("给搜索引擎的简短摘要。");
        assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo("分享时的标题");
        assertThat(page.select("meta[name=twitter:title]").attr("content")).isEqualTo("分享时的标题");
        assertThat(page.select("meta[property=og:image]").attr("content")).endsWith(mediaUrl(otherPhoto));
        assertThat(page.select("h1").text()).as("the page keeps its headline").isEqualTo("编辑选择外观");
    }

    @Test
    void theAdminApiTakesAndAnswersTheFieldsAndRefusesAVideoAsTheSocialImage() {
        String token = tokens.create(editor, "seo");
        String body = """
                {"edition":"zh-hans","section":%d,"headline":"接口外观","lead":"接口导语。","copyright":"短波",
                 "body":[{"type":"paragraph","text":"正文。"}],"searchDescription":"接口摘要。","socialTitle":"接口分享标题",
                 "socialImage":%d}""";
        HttpResponse<String> created = api(token, body.formatted(section, otherPhoto));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"searchDescription\":\"接口摘要。\"").contains("\"socialTitle\":\"接口分享标题\"")
                .contains("\"socialImage\":" + otherPhoto).contains("\"slug\":\"接口外观\"");
        long video = jdbc.sql("select id from media where kind = 'video' order by id limit 1").query(Long.class).single();
        long before = jdbc.sql("select count(*) from article").query(Long.class).single();
        HttpResponse<String> refused = api(token, body.formatted(section, video));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"field\":\"socialImage\"");
        assertThat(jdbc.sql("select count(*) from article").query(Long.class).single()).isEqualTo(before);
    }

    private HttpResponse<String> api(String token, String json) {
        return send(HttpRequest.newBuilder(uri("/api/admin/v1/articles")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private long publish(ArticleContent content) {
        long id = workflow.create(editor, content);
        workflow.publish(editor, id, version(id), null, null);
        return id;
    }

    private ArticleContent content(String headline, SearchAppearance appearance) {
        return new ArticleContent("zh-hans", section, headline, "", headline.startsWith("默认") ? "默认外观的导语。" : "编辑导语。",
                "", List.of(new Block.Paragraph(InlineHtml.sanitize("正文内容。"))), photo, List.of(), List.of(), "短波",
                appearance);
    }

    private Map<String, String> form(int version, String headline) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", String.valueOf(version));
        form.put("headline", headline);
        form.put("slug", "");
        form.put("lead", "编辑导语。");
        form.put("section", String.valueOf(section));
        form.put("mainImage", String.valueOf(photo));
        form.put("copyright", "短波");
        form.put("blocks.0.type", "paragraph");
        form.put("blocks.0.text", "正文内容。");
        form.put("op", "save");
        return form;
    }

    private String mediaUrl(long id) {
        return "/media/" + jdbc.sql("select file_path from media where id = ?").param(id).query(String.class).single();
    }

    private int version(long id) {
        return jdbc.sql("select version from article where id = ?").param(id).query(Integer.class).single();
    }
}
