package org.shortwave.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.NewsroomBrowser;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.content.Slugs;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Slugs from headlines over HTTP: the suggestion the browser editor asks for, a blank slug made on save by the form
 * without JavaScript, and a published story's changed slug still reached from its old address by a 301.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlugsIT extends AppTestBase {

    private static final String PASSWORD = "harbour lights at dusk";

    @Autowired
    Accounts accounts;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    EditorialWorkflow workflow;

    Account editor;
    NewsroomBrowser browser;
    long section;

    @BeforeAll
    void signIn() {
        section = taxonomy.ensureSection("zh-hans", "slug-tests", "网址测试", 97);
        Account created = accounts.create(null, "slugs-" + UUID.randomUUID() + "@example.org", "Slugs", PASSWORD, false);
        accounts.grant(null, created.id(), "zh-hans", Role.EDITOR);
        editor = accounts.find(created.id()).orElseThrow();
        browser = new NewsroomBrowser(this::uri, "zh-Hans");
        browser.signIn(editor.email(), PASSWORD);
    }

    @Test
    void theEditorAsksForTheSlugOfAHeadline() {
        var answer = browser.get("/admin/slug?edition=zh-hans&headline="
                + URLEncoder.encode("台风来了，渔村准备好了吗？", StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(answer.body()).isEqualTo("{\"slug\":\"台风来了-渔村准备好了吗\"}");
        assertThat(browser.get("/admin/slug?edition=xx-none&headline=a").statusCode()).isEqualTo(404);
        // Signed out: the sign-in page, never a slug.
        assertThat(get("/admin/slug?edition=zh-hans&headline=a").statusCode()).isIn(302, 401);
    }

    @Test
    void aBlankSlugIsMadeFromTheHeadlineOnSave() {
        String headline = "渔村的广播站 " + UUID.randomUUID().toString().substring(0, 6);
        var saved = browser.submit("/admin/articles/new?edition=zh-hans", "/admin/articles/new",
                form(0, headline, ""));
        assertThat(saved.statusCode()).isEqualTo(302);
        long id = idOf(saved.headers().firstValue("Location").orElseThrow());
        assertThat(slugOf(id)).isEqualTo(Slugs.fromHeadline(headline)).startsWith("渔村的广播站-");
    }

    @Test
    void aPublishedStorysChangedSlugKeepsItsOldAddressByA301() {
        String headline = "港口电台还在吗 " + UUID.randomUUID().toString().substring(0, 6);
        var saved = browser.submit("/admin/articles/new?edition=zh-hans", "/admin/articles/new",
                form(0, headline, ""));
        long id = idOf(saved.headers().firstValue("Location").orElseThrow());
        int version = version(id);
        workflow.publish(editor, id, version, null, null);
        String oldPath = articlePath(id);
        assertThat(get(oldPath).statusCode()).isEqualTo(200);

        var changed = browser.submit("/admin/articles/" + id, "/admin/articles/" + id,
                form(version(id), headline, "港口电台"));
        assertThat(changed.statusCode()).isEqualTo(302);
        String newPath = "/zh-hans/" + URLEncoder.encode("港口电台", StandardCharsets.UTF_8) + "/a-" + id;
        assertThat(slugOf(id)).isEqualTo("港口电台");
        var old = get(oldPath);
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location").orElseThrow()).endsWith(newPath);
        assertThat(get(newPath).statusCode()).isEqualTo(200);
    }

    private Map<String, String> form(int version, String headline, String slug) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", String.valueOf(version));
        form.put("edition", "zh-hans");
        form.put("headline", headline);
        form.put("slug", slug);
        form.put("lead", "导语。");
        form.put("section", String.valueOf(section));
        form.put("copyright", "短波");
        form.put("blocks.0.type", "paragraph");
        form.put("blocks.0.text", "正文。");
        form.put("op", "save");
        return form;
    }

    private static long idOf(String location) {
        List<String> parts = List.of(location.replaceAll("\\?.*", "").split("/"));
        return Long.parseLong(parts.getLast());
    }

    private String slugOf(long id) {
        return jdbc.sql("select slug from article where id = ?").param(id).query(String.class).single();
    }

    private int version(long id) {
        return jdbc.sql("select version from article where id = ?").param(id).query(Integer.class).single();
    }
}
