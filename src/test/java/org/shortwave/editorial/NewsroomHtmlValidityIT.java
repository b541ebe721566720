package org.shortwave.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shortwave.AppTestBase;
import org.shortwave.NewsroomBrowser;
import org.shortwave.NewsroomUsers;
import org.shortwave.NuChecker;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every newsroom page passes the Nu HTML Checker with no errors, as the server sends it (the page without
 * JavaScript), in Chinese and in Persian: the editor new, saved, refused on a field, in conflict, with unsaved text
 * offered, and as a writer's read-only copy in review; the list, revisions, media, taxonomy, people, users,
 * editions and health pages.
 */
class NewsroomHtmlValidityIT extends AppTestBase {

    private static final String PASSWORD = NewsroomUsers.PASSWORD;

    @Autowired
    Accounts accounts;
    @Autowired
    EditorialWorkflow workflow;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    Drafts drafts;

    @TempDir
    Path pagesDir;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ArticleContent story(long section, String headline) {
        return new ArticleContent("zh-hans", section, headline, unique("nu"), "导语。", "（短波）",
                List.of(new Block.Paragraph(InlineHtml.sanitize("正文，<b>重要</b>。"))), null, List.of(), List.of(),
                "短波");
    }

    @Test
    void everyNewsroomPageIsValidHtmlInChineseAndPersian() throws Exception {
        Account admin = accounts.create(null, unique("nu-admin") + "@example.org", "检验管理员", PASSWORD, true);
        Account writer = NewsroomUsers.withRole(accounts, "nu-writer", "检验撰稿人", Role.CONTRIBUTOR, "zh-hans");
        long section = taxonomy.ensureSection("zh-hans", "nu-tests", "检验", 96);

        long inReview = workflow.create(writer, story(section, "送审中的稿件"));
        workflow.submit(writer, inReview, 1);
        long saved = workflow.create(admin, story(section, "保存过两次的稿件"));
        workflow.save(admin, saved, 1, story(section, "保存过两次的稿件（第二版）"));
        long withDraft = workflow.create(admin, story(section, "有未保存文字的稿件"));
        drafts.autosave(admin, withDraft, Map.of("headline", List.of("尚未保存的标题"), "version", List.of("1")));
        long person = jdbc.sql("select id from person order by id limit 1").query(Long.class).single();

        Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
        pages.put("login", new NewsroomBrowser(this::uri, "zh-CN").get("/admin/login"));
        for (String language : List.of("zh-CN", "fa")) {
            NewsroomBrowser browser = new NewsroomBrowser(this::uri, language);
            assertThat(browser.signIn(admin.email(), PASSWORD).statusCode()).isEqualTo(302);
            for (String path : List.of("/admin/", "/admin/articles", "/admin/articles?edition=zh-hans&status=published",
                    "/admin/articles/new?edition=zh-hans", "/admin/articles/new?edition=fa",
                    "/admin/articles/" + saved, "/admin/articles/" + withDraft,
                    "/admin/articles/" + withDraft + "?draft=restore", "/admin/articles/" + saved + "/revisions",
                    "/admin/articles/" + saved + "/revisions?from=1&to=2", "/admin/articles/" + saved + "/preview",
                    "/admin/media", "/admin/media/new?article=" + saved, "/admin/media/new",
                    "/admin/sections/zh-hans", "/admin/topics/zh-hans", "/admin/people", "/admin/people/" + person,
                    "/admin/users", "/admin/users/new", "/admin/users/" + writer.id(), "/admin/editions",
                    "/admin/editions/fa", "/admin/health")) {
                pages.put(language + " " + path, browser.get(path));
            }
            // A save refused on its field (no section), and a save based on an older version (a conflict).
            pages.put(language + " refused", browser.submit("/admin/articles/new?edition=zh-hans",
                    "/admin/articles/new", Map.of("edition", "zh-hans", "version", "0", "headline", "没有栏目",
                            "lead", "导语。", "copyright", "短波", "blocks.0.type", "paragraph",
                            "blocks.0.text", "正文。", "op", "save")));
            pages.put(language + " conflict", browser.submit("/admin/articles/" + saved, "/admin/articles/" + saved,
                    Map.of("version", "1", "headline", "基于旧版本", "section", String.valueOf(section),
                            "lead", "导语。", "copyright", "短波", "blocks.0.type", "paragraph",
                            "blocks.0.text", "正文。", "op", "save")));
        }
        NewsroomBrowser writing = new NewsroomBrowser(this::uri, "zh-CN");
        writing.signIn(writer.email(), PASSWORD);
        pages.put("writer list", writing.get("/admin/articles"));
        pages.put("writer in review", writing.get("/admin/articles/" + inReview));

        List<Path> files = new ArrayList<>();
        int i = 0;
        for (var page : pages.entrySet()) {
            int expected = page.getKey().endsWith(" refused") ? 422 : page.getKey().endsWith(" conflict") ? 409 : 200;
            assertThat(page.getValue().statusCode()).as(page.getKey()).isEqualTo(expected);
            Path file = pagesDir.resolve("newsroom-" + i++ + ".html");
            Files.writeString(file, page.getValue().body(), StandardCharsets.UTF_8);
            files.add(file);
        }
        assertThat(pages.get("writer in review").body()).contains("class=\"read-only\"");
        assertThat(pages.get("zh-CN /admin/articles/" + withDraft).body()).contains("class=\"recovery\"");
        String report = NuChecker.errors(files);
        System.out.printf("Newsroom Nu HTML Checker: %d pages, %s%n", files.size(),
                report.contains("\"type\":\"error\"") ? "errors found" : "no errors");
        assertThat(report).as("Nu HTML Checker report").doesNotContain("\"type\":\"error\"");
        assertThat(report).as("the checker ran").contains("\"messages\"");
    }
}
