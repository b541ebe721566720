package org.shortwave.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.ApiTokens;
import org.shortwave.accounts.Role;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin API over real HTTP with real tokens: the editor's rules, JSON errors with the field at fault. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiIT extends AppTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Taxonomy taxonomy;

    String editorToken;
    String writerToken;
    long section;

    @BeforeAll
    void tokens() {
        editorToken = tokens.create(user(Role.EDITOR), "test");
        writerToken = tokens.create(user(Role.CONTRIBUTOR), "test");
        section = taxonomy.ensureSection("zh-hans", "api-tests", "接口测试", 96);
    }

    private Account user(Role role) {
        Account account = accounts.create(null, "api-" + UUID.randomUUID() + "@example.org", "接口用户", "harbour lights", false);
        accounts.grant(null, account.id(), "zh-hans", role);
        return account;
    }

    private HttpResponse<String> call(String method, String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/admin/v1" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private Map<String, Object> article(String headline, Object body) {
        return Map.of("edition", "zh-hans", "section", section, "headline", headline,
                "slug", "api-" + UUID.randomUUID().toString().substring(0, 8), "lead", "导语。", "dateline", "（短波中文）",
                "body", body, "copyright", "短波");
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void withoutAValidTokenEverythingIs401() {
        assertThat(call("GET", "/articles/1", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/articles/1", "swt_not-a-token", null).statusCode()).isEqualTo(401);
        HttpResponse<String> response = call("POST", "/articles", "garbage", article("x", List.of()));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void anEditorCreatesUpdatesAndPublishesAndConflictsAreReported() {
        HttpResponse<String> created = call("POST", "/articles", editorToken,
                article("接口写的新闻", List.of(Map.of("type", "paragraph", "text", "第一段<script>x</script>"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode article = json(created);
        long id = article.get("id").asLong();
        assertThat(article.get("status").asString()).isEqualTo("draft");
        assertThat(article.get("body").get(0).get("text").asString()).isEqualTo("第一段");

        Map<String, Object> change = new java.util.HashMap<>(article("接口改过的新闻", List.of()));
        change.put("version", 1);
        assertThat(call("PUT", "/articles/" + id, editorToken, change).statusCode()).isEqualTo(200);

        HttpResponse<String> stale = call("PUT", "/articles/" + id, editorToken, change);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).get("field").asString()).isEqualTo("version");
        assertThat(json(stale).get("code").asString()).isEqualTo("editor.state-changed");
        assertThat(json(stale).get("current").get("headline").asString()).isEqualTo("接口改过的新闻");

        HttpResponse<String> published = call("POST", "/articles/" + id + "/publish", editorToken, Map.of("version", 2));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(json(published).get("status").asString()).isEqualTo("published");
        assertThat(get(json(published).get("path").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void aContributorsTokenHasAContributorsRights() {
        long id = json(call("POST", "/articles", writerToken, article("撰稿人接口稿", List.of()))).get("id").asLong();
        HttpResponse<String> refused = call("POST", "/articles/" + id + "/publish", writerToken, Map.of("version", 1));
        assertThat(refused.statusCode()).isEqualTo(403);
        // A workflow refusal is the one refusal type: its code is the message key, its message a text of the bundles.
        assertThat(json(refused).get("code").asString()).isEqualTo("editor.not-allowed");
        assertThat(json(refused).get("message").asString()).doesNotContain("not allowed to publish");
        assertThat(call("POST", "/articles/" + id + "/submit", writerToken, Map.of("version", 1)).statusCode()).isEqualTo(200);
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsStored() {
        long before = jdbc.sql("select count(*) from article where derived_from is null").query(Long.class).single();

        HttpResponse<String> unknownBlock = call("POST", "/articles", editorToken, article("未知块",
                List.of(Map.of("type", "paragraph", "text", "好"), Map.of("type", "carousel"))));
        assertThat(unknownBlock.statusCode()).isEqualTo(400);
        assertThat(json(unknownBlock).get("field").asString()).isEqualTo("body[1]");
        // The body parser's refusal: its code, and its message in the edition's language (zh-hans by default).
        assertThat(json(unknownBlock).get("code").asString()).isEqualTo("body.invalid.unknown-type");
        assertThat(json(unknownBlock).get("message").asString()).isEqualTo("此区块的类型“carousel”未知。");

        HttpResponse<String> longHeadline = call("POST", "/articles", editorToken, article("长".repeat(301), List.of()));
        assertThat(longHeadline.statusCode()).isEqualTo(400);
        assertThat(json(longHeadline).get("field").asString()).isEqualTo("headline");

        assertThat(call("POST", "/articles", editorToken, "{not json").statusCode()).isEqualTo(400);
        Map<String, Object> wrongSection = new java.util.HashMap<>(article("错栏目", List.of()));
        wrongSection.put("section", 999_999_999);
        var unknownSection = call("POST", "/articles", editorToken, wrongSection); // ADR 0020: 422 naming the field
        assertThat(unknownSection.statusCode()).isEqualTo(422);
        assertThat(json(unknownSection).get("field").asString()).isEqualTo("section");
        assertThat(json(unknownSection).get("code").asString()).isEqualTo("reference.section.unknown");
        assertThat(call("GET", "/articles/999999999", editorToken, null).statusCode()).isEqualTo(404);

        assertThat(jdbc.sql("select count(*) from article where derived_from is null").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theApiIsDescribedAsOpenApi() {
        HttpResponse<String> doc = call("GET", "/openapi.json", editorToken, null);
        assertThat(doc.statusCode()).isEqualTo(200);
        JsonNode paths = json(doc).get("paths");
        for (String path : List.of("/articles", "/articles/{id}", "/articles/{id}/submit", "/articles/{id}/publish",
                "/articles/{id}/unpublish", "/media")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }
}
