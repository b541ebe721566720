package org.shortwave.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shortwave.content.ArticleFixtures.anArticle;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.shortwave.content.ArticleStore;
import org.shortwave.content.ChangeKind;
import org.shortwave.content.ChangeLog;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The article page has two routes (ArticlePageFilter for a plain GET of a public article under its slug, the
 * controller for everything else): a reader gets the same answer from either, byte for byte and header for header.
 * A query string sends a request down the controller's route.
 */
class ArticlePageRoutesIT extends AppTestBase {

    /** Headers that differ per request whatever the route. */
    private static final List<String> PER_REQUEST = List.of("date", "x-request-id");

    @Autowired
    ArticleStore store;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    ChangeLog changeLog;
    @Autowired
    TransactionTemplate transactions;


    private static Map<String, List<String>> headers(HttpResponse<String> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        PER_REQUEST.forEach(headers::remove);
        return headers;
    }

    private void sameFromBothRoutes(String path) {
        HttpResponse<String> direct = rendered(path);
        HttpResponse<String> dispatched = rendered(path + "?route=controller");
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(dispatched.statusCode()).isEqualTo(200);
        assertThat(direct.body()).isEqualTo(dispatched.body());
        assertThat(headers(direct)).isEqualTo(headers(dispatched)).containsKeys("content-language", "etag",
                "surrogate-key", "cache-control", "content-security-policy");
    }

    @Test
    void everyDemoArticleIsTheSameFromEitherRoute() {
        List<String> paths = jdbc.sql("""
                select '/' || edition_code || '/' || slug || '/a-' || id from article
                where source_key like 'demo:%' and status = 'published' order by id""").query(String.class).list();
        assertThat(paths).hasSizeGreaterThan(10);
        paths.forEach(this::sameFromBothRoutes);
    }

    @Test
    void aSlugInChineseIsReadAsWrittenInThePath() {
        // In the English edition: a Chinese one would soon get a derived version in the other script, between the
        // two requests.
        var section = taxonomy.section("en", taxonomy.ensureSection("en", "routes-test", "Routes", 95))
                .orElseThrow();
        long id = store.create(anArticle().in(section).headline("短波路由测试").publishedAt(NOW.minusSeconds(30)).build());
        transactions.executeWithoutResult(status -> {
            jdbc.sql("update article set slug = '短波路由测试' where id = ?").param(id).update();
            changeLog.record(ChangeKind.ARTICLE_SAVED, id, "en");
        });
        String path = "/en/" + URLEncoder.encode("短波路由测试", StandardCharsets.UTF_8) + "/a-" + id;

        sameFromBothRoutes(path);
        assertThat(rendered(path).body()).contains("短波路由测试");
    }

    @Test
    void anythingButAPublicArticleUnderItsSlugIsTheControllersAnswer() {
        String path = referenceArticlePath("en");
        String id = path.substring(path.lastIndexOf("/a-") + 3);

        HttpResponse<String> moved = rendered("/en/an-old-slug/a-" + id);
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).hasValue(path);
        assertThat(rendered("/zh-hans/an-old-slug/a-" + id).statusCode()).as("another edition's id").isEqualTo(404);
        assertThat(rendered("/en/no-such-story/a-999999999").statusCode()).isEqualTo(404);
        assertThat(rendered("/en/no-such-story/a-999999999").body()).contains("lang=\"en-GB\"");
        HttpResponse<String> head = send(HttpRequest.newBuilder(uri(path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Language")).hasValue("en-GB");
    }
}
