package org.shortwave.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.Await;
import org.shortwave.AppTestBase;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.ApiTokens;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.ArticleStatus;
import org.shortwave.content.Block;
import org.shortwave.content.Derivation;
import org.shortwave.content.EditableArticle;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.NewsroomArticles;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Translations;
import org.shortwave.i18n.ChineseConverter;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Language versions of a story and the derived zh-hant edition, on the real database with the real change feed:
 * derivation on publish, republication on change, unpublication, idempotence under concurrency, takeover by an
 * editor, the rights per edition, linking through the admin API, and what the public page offers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranslationsIT extends AppTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EditorialWorkflow workflow;
    @Autowired
    ChineseDerivation derivation;
    @Autowired
    Translations translations;
    @Autowired
    NewsroomArticles newsroom;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    Editions editions;

    Account chineseEditor;
    Account traditionalEditor;
    long section;
    long englishSection;

    @BeforeAll
    void people() {
        chineseEditor = user("zh-hans", Role.EDITOR);
        accounts.grant(null, chineseEditor.id(), "en", Role.EDITOR);
        chineseEditor = accounts.find(chineseEditor.id()).orElseThrow();
        traditionalEditor = user("zh-hant", Role.EDITOR);
        section = taxonomy.ensureSection("zh-hans", "translation-tests", "翻译测试", 95);
        englishSection = taxonomy.ensureSection("en", "translation-tests", "Translation tests", 95);
    }

    private Account user(String edition, Role role) {
        Account account = accounts.create(null, "tr-" + UUID.randomUUID() + "@example.org", "测试编辑", "harbour lights",
                false);
        accounts.grant(null, account.id(), edition, role);
        return accounts.find(account.id()).orElseThrow();
    }

    private ArticleContent content(String edition, long sectionId, String headline, String paragraph) {
        return content(edition, sectionId, headline, paragraph, "tr-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private ArticleContent content(String edition, long sectionId, String headline, String paragraph, String slug) {
        return new ArticleContent(edition, sectionId, headline, slug,
                "导语：软件更新。", "（短波中文）", List.of(new Block.Paragraph(InlineHtml.sanitize(paragraph)),
                        new Block.Heading("网络信息", 2), new Block.Quote("头发和发展", "林晓雨（Lin Xiaoyu）")),
                null, List.of(), List.of(), "短波");
    }

    private long published(ArticleContent content) {
        long id = workflow.create(chineseEditor, content);
        workflow.publish(chineseEditor, id, 1, NOW.minusSeconds(3600), null);
        return id;
    }

    private Edition zhHant() {
        return editions.find("zh-hant").orElseThrow();
    }

    private EditableArticle derivedOf(long sourceId) {
        Await.until(() -> translations.derivedFrom(sourceId, "zh-hant").isPresent(), "the derived version of " + sourceId);
        return newsroom.find(translations.derivedFrom(sourceId, "zh-hant").orElseThrow().articleId()).orElseThrow();
    }

    @Test
    void everyPublishedSimplifiedDemoStoryHasAConvertedTraditionalVersionLinkedToIt() {
        List<Long> sources = jdbc.sql("""
                select id from article where source_key like 'demo:zh-hans/%' and status = 'published'""")
                .query(Long.class).list();
        assertThat(sources).hasSizeGreaterThanOrEqualTo(11);
        for (long source : sources) {
            EditableArticle derived = derivedOf(source);
            EditableArticle original = newsroom.find(source).orElseThrow();
            assertThat(derived.content().editionCode()).isEqualTo("zh-hant");
            assertThat(derived.status()).isEqualTo(ArticleStatus.PUBLISHED);
            assertThat(derived.publishedAt()).isEqualTo(original.publishedAt());
            assertThat(derived.content().headline()).isEqualTo(ChineseConverter.toTraditional(original.content().headline()));
            assertThat(translations.versions(source)).extracting(v -> v.id()).contains(derived.id());
        }
        // The draft demo story has none.
        long draft = jdbc.sql("select id from article where source_key = 'demo:zh-hans/cold-storage-share'")
                .query(Long.class).single();
        assertThat(translations.derivedFrom(draft, "zh-hant")).isEmpty();
    }

    @Test
    void aPublishedStoryIsDerivedRepublishedWhenItChangesAndUnpublishedWithIt() {
        long source = published(content("zh-hans", section, "软件更新让网络信息更快", "他的头发白了，但发展很快。"));
        EditableArticle derived = derivedOf(source);
        assertThat(derived.content().headline()).isEqualTo("軟體更新讓網路資訊更快");
        assertThat(((Block.Paragraph) derived.content().body().getFirst()).text().html())
                .isEqualTo(InlineHtml.sanitize("他的頭髮白了，但發展很快。").html());
        assertThat(((Block.Quote) derived.content().body().get(2)).attribution()).isEqualTo("林曉雨（Lin Xiaoyu）");
        assertThat(derived.content().copyrightHolder()).isEqualTo(zhHant().copyrightHolder());
        assertThat(taxonomy.section("zh-hant", derived.content().sectionId()).orElseThrow().name()).isEqualTo("翻譯測試");
        assertThat(get(derived.path()).statusCode()).isEqualTo(200);

        // The source changes: the derived version follows and is republished.
        EditableArticle current = newsroom.find(source).orElseThrow();
        workflow.save(chineseEditor, source, current.version(),
                content("zh-hans", section, "台湾台风信息", "第二版。", current.content().slug()));
        Await.until(() -> newsroom.find(derived.id()).orElseThrow().content().headline().equals("台灣颱風資訊"),
                "the derived version to follow the edit");
        assertThat(newsroom.find(derived.id()).orElseThrow().status()).isEqualTo(ArticleStatus.PUBLISHED);

        // Delivered again, on this node or another: nothing more happens.
        int version = newsroom.find(derived.id()).orElseThrow().version();
        assertThat(derivation.derive(source, zhHant())).isEqualTo(ChineseDerivation.Outcome.UNCHANGED);
        assertThat(derivation.derive(source, zhHant())).isEqualTo(ChineseDerivation.Outcome.UNCHANGED);
        assertThat(newsroom.find(derived.id()).orElseThrow().version()).isEqualTo(version);

        // The source is unpublished: so is the derived version.
        workflow.unpublish(chineseEditor, source, newsroom.find(source).orElseThrow().version());
        Await.until(() -> newsroom.find(derived.id()).orElseThrow().status() == ArticleStatus.UNPUBLISHED,
                "the derived version to be unpublished");
        assertThat(get(derived.path()).statusCode()).isEqualTo(404);
    }

    @Test
    void nodesDerivingTheSameChangeAtOnceMakeOneVersion() throws Exception {
        // Six derivations at once, racing the ones the change feed starts on its own for the same publication.
        long source = published(content("zh-hans", section, "并发测试", "同一变更，多个节点。"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<ChineseDerivation.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                outcomes.add(pool.submit(() -> derivation.derive(source, zhHant())));
            }
            for (Future<ChineseDerivation.Outcome> outcome : outcomes) {
                assertThat(outcome.get()).isIn(ChineseDerivation.Outcome.CREATED, ChineseDerivation.Outcome.UNCHANGED);
            }
        } finally {
            pool.shutdown();
        }
        Await.until(() -> translations.derivedFrom(source, "zh-hant").isPresent(), "the derived version");
        assertThat(jdbc.sql("select count(*) from article where derived_from = ?").param(source).query(Long.class)
                .single()).isEqualTo(1);
        long derivedId = translations.derivedFrom(source, "zh-hant").orElseThrow().articleId();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'article.derived' and target_id = ?")
                .param(String.valueOf(derivedId)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEditorWhoEditsTheDerivedVersionTakesItOver() {
        long source = published(content("zh-hans", section, "接管测试", "原文。"));
        EditableArticle derived = derivedOf(source);

        workflow.save(traditionalEditor, derived.id(), derived.version(),
                new ArticleContent("zh-hant", derived.content().sectionId(), "編輯改寫的標題", derived.content().slug(),
                        derived.content().lead(), derived.content().dateline(), derived.content().body(), null,
                        List.of(), List.of(), derived.content().copyrightHolder()));
        Derivation after = translations.derivation(derived.id()).orElseThrow();
        assertThat(after.followed()).isFalse();

        EditableArticle current = newsroom.find(source).orElseThrow();
        workflow.save(chineseEditor, source, current.version(),
                content("zh-hans", section, "原文又改了", "原文第二版。", current.content().slug()));
        assertThat(derivation.derive(source, zhHant())).isEqualTo(ChineseDerivation.Outcome.TAKEN_OVER);
        assertThat(newsroom.find(derived.id()).orElseThrow().content().headline()).isEqualTo("編輯改寫的標題");
        // Still a version of the same story.
        assertThat(translations.versions(source)).extracting(v -> v.id()).contains(derived.id());
    }

    @Test
    void aStoryWithAHandWrittenTraditionalVersionGetsNoDerivedOne() {
        long source = workflow.create(chineseEditor, content("zh-hans", section, "手写版本", "简体原文。"));
        long hantSection = taxonomy.ensureSection("zh-hant", "translation-tests", "翻譯測試", 95);
        long written = workflow.create(traditionalEditor, new ArticleContent("zh-hant", hantSection, "手寫版本",
                "hand-" + UUID.randomUUID().toString().substring(0, 8), "導語。", "", List.of(
                        new Block.Paragraph(InlineHtml.sanitize("繁體原文。"))), null, List.of(), List.of(), "短波"));
        translations.link(source, written);
        workflow.publish(chineseEditor, source, newsroom.find(source).orElseThrow().version(), NOW.minusSeconds(60),
                null);

        assertThat(derivation.derive(source, zhHant())).isEqualTo(ChineseDerivation.Outcome.HAS_VERSION);
        assertThat(translations.derivedFrom(source, "zh-hant")).isEmpty();
        assertThat(translations.versions(source)).extracting(v -> v.id()).containsExactlyInAnyOrder(source, written);
    }

    @Test
    void anEditorOfTraditionalChineseCannotPublishInEnglish() {
        long english = workflow.create(chineseEditor, new ArticleContent("en", englishSection, "Rights test",
                "rights-" + UUID.randomUUID().toString().substring(0, 8), "Lead.", "", List.of(
                        new Block.Paragraph(InlineHtml.sanitize("Text."))), null, List.of(), List.of(), "Shortwave"));
        assertThatThrownBy(() -> workflow.publish(traditionalEditor, english, 1, null, null))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> workflow.linkTranslation(traditionalEditor, english, english))
                .isInstanceOf(NotAllowedException.class);
        assertThat(newsroom.find(english).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void anArticleThatLeftTheStoryItStartedCanStartAnother() {
        // Drafts, so that no derived version joins in while the groups change.
        long english = workflow.create(chineseEditor, new ArticleContent("en", englishSection, "Relink test",
                "relink-" + UUID.randomUUID().toString().substring(0, 8), "Lead.", "", List.of(
                        new Block.Paragraph(InlineHtml.sanitize("English version."))), null, List.of(), List.of(),
                "Shortwave"));
        long first = workflow.create(chineseEditor, content("zh-hans", section, "第一篇", "中文。"));
        long second = workflow.create(chineseEditor, content("zh-hans", section, "第二篇", "中文。"));

        workflow.linkTranslation(chineseEditor, english, first); // the group is named after the English draft
        workflow.unlinkTranslation(chineseEditor, english);
        workflow.linkTranslation(chineseEditor, english, second);

        assertThat(translations.versions(english)).extracting(v -> v.id()).containsExactlyInAnyOrder(english, second);
        assertThat(translations.versions(first)).extracting(v -> v.id()).containsExactly(first);
        assertThatThrownBy(() -> workflow.linkTranslation(chineseEditor, first, english)) // two zh-hans versions
                .isInstanceOf(Translations.InvalidLinkException.class);
    }

    @Test
    void theAdminApiLinksAndUnlinksVersionsAndRefusesWhatCannotBe() {
        String token = tokens.create(chineseEditor, "test");
        long chinese = published(content("zh-hans", section, "链接测试", "中文版。"));
        long english = workflow.create(chineseEditor, new ArticleContent("en", englishSection, "Link test",
                "link-" + UUID.randomUUID().toString().substring(0, 8), "Lead.", "", List.of(
                        new Block.Paragraph(InlineHtml.sanitize("English version."))), null, List.of(), List.of(),
                "Shortwave"));
        long otherChinese = published(content("zh-hans", section, "另一篇", "中文。"));

        HttpResponse<String> linked = api("POST", "/articles/" + chinese + "/translations", token,
                Map.of("article", english));
        assertThat(linked.statusCode()).isEqualTo(200);
        assertThat(json(linked).findValuesAsString("edition")).contains("zh-hans", "en");

        // Same edition, or a second version in an edition the story has: 409, nothing changes.
        assertThat(api("POST", "/articles/" + chinese + "/translations", token, Map.of("article", otherChinese))
                .statusCode()).isEqualTo(409);
        assertThat(api("POST", "/articles/" + otherChinese + "/translations", token, Map.of("article", english))
                .statusCode()).isEqualTo(409);
        assertThat(api("POST", "/articles/" + chinese + "/translations", token, Map.of("article", 999_999_999))
                .statusCode()).isEqualTo(422); // an unknown reference (ADR 0020), not this article
        assertThat(api("POST", "/articles/" + chinese + "/translations", token, Map.of()).statusCode()).isEqualTo(400);
        assertThat(api("POST", "/articles/" + chinese + "/translations", token, "{\"article\": \"x\"}").statusCode())
                .isEqualTo(400);
        // (Its derived zh-hant version may join it at any moment, through the change feed.)
        assertThat(translations.versions(otherChinese)).extracting(v -> v.editionCode()).doesNotContain("en");
        assertThat(translations.versions(english)).extracting(v -> v.id()).doesNotContain(otherChinese);

        // The English draft is not public: the Chinese page neither links to it nor names it in hreflang.
        String chinesePath = newsroom.find(chinese).orElseThrow().path();
        Document page = Jsoup.parse(get(chinesePath).body());
        assertThat(page.select("link[hreflang=en-GB]")).isEmpty();
        assertThat(page.select("nav.versions a[hreflang=en-GB]")).isEmpty();

        workflow.publish(chineseEditor, english, newsroom.find(english).orElseThrow().version(), NOW.minusSeconds(60),
                null);
        String englishPath = newsroom.find(english).orElseThrow().path();
        page = Jsoup.parse(get(chinesePath).body());
        assertThat(page.select("link[hreflang=en-GB]").attr("href")).endsWith(englishPath);
        assertThat(page.select("nav.versions a[hreflang=en-GB]").text()).isEqualTo("English");
        Document englishPage = Jsoup.parse(get(englishPath).body());
        assertThat(englishPage.select("link[hreflang=zh-Hans-CN]").attr("href")).endsWith(chinesePath);
        assertThat(englishPage.select("nav.versions a[hreflang=zh-Hans-CN]").text()).isEqualTo("中文（简体）");
        assertThat(englishPage.select("link[hreflang=x-default]").attr("href")).endsWith(chinesePath);

        HttpResponse<String> unlinked = api("DELETE", "/articles/" + english + "/translations", token, null);
        assertThat(unlinked.statusCode()).isEqualTo(200);
        assertThat(json(unlinked).findValuesAsString("edition")).containsExactly("en");
        assertThat(Jsoup.parse(get(chinesePath).body()).select("link[hreflang=en-GB]")).isEmpty();
    }

    @Test
    void thePersianPageIsRightToLeftAndOffersTheOtherVersionsInTheirOwnLanguages() {
        Document page = Jsoup.parse(get(demoPath("fa/shortwave-storm-drill")).body());
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fa-IR");
        assertThat(page.select("nav.versions a").eachText()).containsExactly("中文（简体）", "English", "中文（繁體）");
        assertThat(page.select("nav.versions a").eachAttr("lang")).containsExactly("zh-Hans-CN", "en-GB", "zh-Hant-TW");
        // Dates: Persian calendar, the Gregorian one beside it and in the machine-readable attribute.
        assertThat(page.selectFirst(".story-meta time").text()).isEqualTo("۲ آذر ۱۴۰۵");
        assertThat(page.selectFirst(".story-meta time").attr("datetime")).isEqualTo("2026-11-23T16:00:00Z");
        assertThat(page.selectFirst(".story-meta .gregorian").text()).isEqualTo("(۲۳ نوامبر ۲۰۲۶ میلادی)");
        // Mixed-direction text is isolated: Latin author names and the dateline.
        assertThat(page.select(".byline bdi").eachText()).containsExactly("Anna Berg", "سارا کریمی");
        assertThat(page.select("bdi.dateline").text()).isEqualTo("بندر اسکرو (شورت‌ویو) —");
    }

    private HttpResponse<String> api(String method, String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/admin/v1" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token);
        return send(request.build());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
