package org.shortwave.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shortwave.content.ArticleFixtures.anArticle;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.shortwave.content.ArticleStore;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The content API: visible articles only, paging, ETags, and a clear JSON 4xx for every bad request. */
class ContentApiIT extends AppTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ArticleStore store;
    @Autowired
    Taxonomy taxonomy;

    Section section;

    @BeforeEach
    void section() {
        section = taxonomy.section("en", taxonomy.ensureSection("en", "api-tests", "API tests", 94)).orElseThrow();
    }

    @Test
    void editionsSectionsAndTopicsAreListed() {
        JsonNode editions = json(get("/api/v1/editions"), 200);
        assertThat(editions.path("items").findValuesAsString("code")).contains("en", "zh-hans");
        JsonNode zh = json(get("/api/v1/editions/zh-hans"), 200);
        assertThat(zh.path("siteName").asString()).isEqualTo("短波");
        assertThat(zh.path("url").asString()).isEqualTo("http://localhost:8080/zh-hans/");
        assertThat(json(get("/api/v1/editions/en/sections"), 200).path("items").findValuesAsString("slug")).contains("api-tests");
        assertThat(json(get("/api/v1/editions/en/topics"), 200).path("items").size()).isPositive();
    }

    @Test
    void onlyVisibleArticlesAreListedAndServed() {
        long visible = store.create(anArticle().in(section).headline("API visible").publishedAt(NOW.minus(Duration.ofDays(400))).build());
        long draft = store.create(anArticle().in(section).headline("API draft").draft().build());
        long unpublished = store.create(anArticle().in(section).headline("API withdrawn").unpublished().build());
        long future = store.create(anArticle().in(section).headline("API scheduled").publishedAt(NOW.plusSeconds(600)).build());

        JsonNode list = json(get("/api/v1/articles?edition=en&section=" + section.id() + "&size=100"), 200);
        List<Long> ids = new ArrayList<>();
        list.path("items").forEach(i -> ids.add(i.path("id").asLong()));
        assertThat(ids).contains(visible).doesNotContain(draft, unpublished, future);
        assertThat(list.path("total").asLong()).isEqualTo(ids.size());

        JsonNode article = json(get("/api/v1/articles/" + visible), 200);
        assertThat(article.path("headline").asString()).isEqualTo("API visible");
        assertThat(article.path("body").isArray()).isTrue();
        assertThat(article.path("body").get(0).path("type").asString()).isEqualTo("paragraph");
        assertThat(article.path("url").asString()).endsWith("/en/api-visible/a-" + visible);
        for (long hidden : List.of(draft, unpublished, future)) {
            JsonNode error = json(get("/api/v1/articles/" + hidden), 404);
            assertThat(error.path("field").asString()).isEqualTo("id");
        }

        JsonNode all = json(get("/api/v1/articles?size=100&page=1"), 200);
        List<Long> allIds = new ArrayList<>();
        all.path("items").forEach(i -> allIds.add(i.path("id").asLong()));
        assertThat(allIds).doesNotContain(draft, unpublished, future);
    }

    @Test
    void aDemoArticleComesWithItsBlocksAndMedia() {
        String path = referenceArticlePath("zh-hans");
        long id = Long.parseLong(path.substring(path.lastIndexOf("a-") + 2));
        JsonNode article = json(get("/api/v1/articles/" + id), 200);
        assertThat(article.path("edition").asString()).isEqualTo("zh-hans");
        assertThat(article.path("publishedAt").asString()).endsWith("+08:00");
        assertThat(article.path("body").findValuesAsString("type")).contains("paragraph", "heading", "video");
        long mainImage = article.path("mainImageId").asLong();
        assertThat(article.path("media").path(String.valueOf(mainImage)).path("url").asString()).startsWith("http://localhost:8080/media/");
        assertThat(article.path("authors").size()).isPositive();
    }

    @Test
    void pagesAreBoundedAndLinked() {
        for (int i = 0; i < 3; i++) {
            store.create(anArticle().in(section).headline("API page " + i).publishedAt(NOW.minus(Duration.ofDays(500 + i))).build());
        }
        JsonNode first = json(get("/api/v1/articles?edition=en&section=" + section.id() + "&size=2"), 200);
        assertThat(first.path("items").size()).isEqualTo(2);
        assertThat(first.path("size").asInt()).isEqualTo(2);
        String next = first.path("next").asString();
        assertThat(next).contains("page=2");
        JsonNode second = json(get(next), 200);
        assertThat(second.path("page").asInt()).isEqualTo(2);
        assertThat(second.path("items").get(0).path("id").asLong()).isNotEqualTo(first.path("items").get(0).path("id").asLong());
        JsonNode beyond = json(get("/api/v1/articles?edition=en&section=" + section.id() + "&size=2&page=50"), 200);
        assertThat(beyond.path("items").size()).isZero();
        assertThat(beyond.path("next").isNull()).isTrue();
    }

    @Test
    void badRequestsGetAClearJson4xx() {
        assertError("/api/v1/articles?size=101", 400, "size");
        assertError("/api/v1/articles?size=0", 400, "size");
        assertError("/api/v1/articles?size=abc", 400, "size");
        assertError("/api/v1/articles?page=-1", 400, "page");
        assertError("/api/v1/articles?page=99999999999999", 400, "page");
        assertError("/api/v1/articles?page=200&size=100", 400, "page");
        assertError("/api/v1/articles?edition=xx", 404, "edition");
        assertError("/api/v1/articles?section=" + section.id(), 400, "edition");
        assertError("/api/v1/articles?edition=en&section=abc", 400, "section");
        assertError("/api/v1/articles?edition=en&section=999999999", 404, "section");
        assertError("/api/v1/articles?edition=zh-hans&section=" + section.id(), 404, "section");
        assertError("/api/v1/articles?edition=en&topic=0", 400, "topic");
        assertError("/api/v1/articles/abc", 400, "id");
        assertError("/api/v1/articles/0", 400, "id");
        assertError("/api/v1/articles/99999999999999999999", 400, "id");
        assertError("/api/v1/articles/999999999", 404, "id");
        assertError("/api/v1/editions/nope", 404, "code");
        assertError("/api/v1/nothing-here", 404, null);

        HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/api/v1/articles"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build());
        JsonNode error = json(post, 405);
        assertThat(error.path("message").asString()).contains("read-only");
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void answersCarryEtagsAndAnswer304WhenUnchanged() {
        HttpResponse<String> first = get("/api/v1/editions");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = send(HttpRequest.newBuilder(uri("/api/v1/editions")).header("If-None-Match", etag).build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        HttpResponse<String> other = send(HttpRequest.newBuilder(uri("/api/v1/editions")).header("If-None-Match", "\"stale\"").build());
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentDescribesEveryPath() {
        JsonNode doc = json(get("/api/v1/openapi.json"), 200);
        assertThat(doc.path("openapi").asString()).startsWith("3.1");
        List<String> paths = new ArrayList<>();
        doc.path("paths").propertyNames().forEach(paths::add);
        assertThat(paths).containsExactlyInAnyOrder("/editions", "/editions/{code}", "/editions/{code}/sections",
                "/editions/{code}/topics", "/articles", "/articles/{id}", "/openapi.json");
        assertThat(doc.at("/paths/~1articles/get/parameters").findValuesAsString("name"))
                .contains("edition", "section", "topic", "page", "size");
    }

    private void assertError(String path, int status, String field) {
        JsonNode error = json(get(path), status);
        assertThat(error.path("status").asInt()).as(path).isEqualTo(status);
        assertThat(error.path("error").asString()).as(path).isNotBlank();
        assertThat(error.path("message").asString()).as(path).isNotBlank();
        if (field == null) {
            assertThat(error.path("field").isNull()).as(path).isTrue();
        } else {
            assertThat(error.path("field").asString()).as(path).isEqualTo(field);
        }
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        return JSON.readTree(response.body());
    }
}
