package org.shortwave.media.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.Multipart;
import org.shortwave.NewsroomBrowser;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.Taxonomy;
import org.shortwave.editorial.EditorialWorkflow;
import org.shortwave.media.TestFiles;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The newsroom's media library and the editor's picker JSON: only what the user may see (another edition's hidden
 * photo is on neither), search by description and credit, filters by kind and edition, pages, and each item's use.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaLibraryIT extends AppTestBase {

    private static final String PASSWORD = "harbour lights at dusk";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Accounts accounts;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    EditorialWorkflow workflow;

    Account zhEditor;
    NewsroomBrowser zh;
    NewsroomBrowser en;
    String marker;
    long photo;

    @BeforeAll
    void upload() {
        zhEditor = user("zh-hans");
        zh = browser(zhEditor);
        en = browser(user("en"));
        marker = "藏品" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> uploaded = zh.send(new Multipart().field("alt", "海港灯塔 " + marker)
                .field("credit", "摄影 " + marker + "-credit")
                .file("file", "a.jpg", "image/jpeg", TestFiles.uniqueJpeg(64, 40))
                .post(uri("/admin/media")).header("X-CSRF-TOKEN", zh.csrf("/admin/")).build());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        photo = JSON.readTree(uploaded.body()).get("id").asLong();
    }

    private Account user(String edition) {
        Account created = accounts.create(null, "library-" + UUID.randomUUID() + "@example.org", "Library", PASSWORD,
                false);
        accounts.grant(null, created.id(), edition, Role.EDITOR);
        return accounts.find(created.id()).orElseThrow();
    }

    private NewsroomBrowser browser(Account account) {
        NewsroomBrowser browser = new NewsroomBrowser(this::uri, "zh-Hans");
        browser.signIn(account.email(), PASSWORD);
        return browser;
    }

    private JsonNode picker(NewsroomBrowser browser, String query) {
        HttpResponse<String> answer = browser.get("/admin/media?format=json&" + query);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        return JSON.readTree(answer.body());
    }

    private static String q(String words) {
        return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    @Test
    void anotherEditionsHiddenPhotoIsNeitherOnThePageNorInTheJson() {
        assertThat(picker(en, q(marker)).get("items")).isEmpty();
        // The search box echoes the words; the list itself has nothing of the item.
        assertThat(en.page("/admin/media?" + q(marker)).select(".media-grid, .media-grid li")).isEmpty();
        assertThat(en.get("/admin/media").body()).doesNotContain(marker);

        JsonNode mine = picker(zh, q(marker));
        assertThat(mine.get("items")).hasSize(1);
        JsonNode item = mine.get("items").get(0);
        assertThat(item.get("id").asLong()).isEqualTo(photo);
        assertThat(item.get("kind").asString()).isEqualTo("image");
        assertThat(item.get("alt").asString()).contains(marker);
        assertThat(item.get("thumbnail").asString()).startsWith("/media/");
        assertThat(item.get("width").asInt()).isPositive();
        assertThat(mine.get("next").isNull()).isTrue();
        Document page = zh.page("/admin/media?" + q(marker));
        assertThat(page.select(".media-grid > li")).hasSize(1);
        assertThat(page.select(".media-grid > li img").attr("src")).startsWith("/media/");
    }

    @Test
    void searchFindsByDescriptionAndCreditAndFiltersByKindAndEdition() {
        assertThat(picker(zh, q(marker + "-credit")).get("items")).hasSize(1);
        assertThat(picker(zh, q(marker) + "&kind=video").get("items")).isEmpty();
        assertThat(picker(zh, q(marker) + "&kind=image&edition=zh-hans").get("items")).hasSize(1);
        assertThat(picker(zh, q(marker) + "&edition=en").get("items")).isEmpty();
        // Nonsense filters are no error: an unknown kind or edition is no filter, a bad page the first.
        assertThat(zh.get("/admin/media?format=json&kind=%3Cx%3E&edition=xx&page=-1").statusCode()).isEqualTo(200);
        JsonNode first = picker(zh, "kind=image");
        if (!first.get("next").isNull()) {
            JsonNode second = picker(zh, "kind=image&page=" + first.get("next").asInt());
            assertThat(second.get("items").get(0).get("id").asLong())
                    .isLessThan(first.get("items").get(first.get("items").size() - 1).get("id").asLong());
        }
    }

    @Test
    void eachItemShowsTheStoriesThatUseItAndOffersReuse() {
        long section = taxonomy.ensureSection("zh-hans", "library-tests", "媒体库测试", 94);
        long story = workflow.create(zhEditor, new ArticleContent("zh-hans", section, "用了灯塔照片的稿件 " + marker, "",
                "导语。", "", List.of(new Block.Paragraph(InlineHtml.sanitize("正文。"))), photo, List.of(), List.of(),
                "短波"));
        Document page = zh.page("/admin/media?" + q(marker));
        assertThat(page.select(".media-grid details a").attr("href")).isEqualTo("/admin/articles/" + story);
        String reuse = page.select(".media-grid a[href^=/admin/articles/new]").attr("href");
        assertThat(reuse).isEqualTo("/admin/articles/new?mainImage=" + photo);
        assertThat(zh.page(reuse).select("input[name=mainImage][checked]").attr("value"))
                .isEqualTo(String.valueOf(photo));
        assertThat(Map.of("status", get("/admin/media").statusCode())).as("signed out").isEqualTo(Map.of("status", 302));
    }
}
