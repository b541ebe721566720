package org.shortwave.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An article's whole life over HTTP and in the audit log: written and saved by a contributor, submitted, published
 * by an editor, unpublished, published again. At each step the public surfaces agree (the page, its section's page
 * and the section's feeds), and the audit log holds each step with who did it and when, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleLifeIT extends AppTestBase {

    @Autowired
    EditorialWorkflow workflow;
    @Autowired
    Accounts accounts;
    @Autowired
    Taxonomy taxonomy;

    Account writer;
    Account editor;
    Section section;

    @BeforeAll
    void people() {
        writer = user(Role.CONTRIBUTOR);
        editor = user(Role.EDITOR);
        section = taxonomy.section("en", taxonomy.ensureSection("en", "article-life", "Article life", 96)).orElseThrow();
    }

    private Account user(Role role) {
        Account account = accounts.create(null, "life-" + UUID.randomUUID() + "@example.org", "Life " + role,
                "harbour lights at dusk", false);
        accounts.grant(null, account.id(), "en", role);
        return accounts.find(account.id()).orElseThrow();
    }

    private ArticleContent content(String headline, String slug) {
        return new ArticleContent("en", section.id(), headline, slug, "A lead.", "", List.of(
                new Block.Paragraph(InlineHtml.sanitize("The story's first paragraph."))), null, List.of(), List.of(),
                "Shortwave");
    }

    /** Where the public sees the story: its page, its section's page and the section's three feeds. */
    private Map<String, Boolean> shownOn(String path, String headline) {
        return Map.of(
                "page", get(path).statusCode() == 200,
                "section page", Jsoup.parse(get(section.path()).body()).select("a[href$=" + path.substring(path
                        .lastIndexOf('/') + 1) + "]").size() > 0,
                "RSS", get(section.path() + "/feed.rss").body().contains(headline),
                "Atom", get(section.path() + "/feed.atom").body().contains(headline),
                "JSON Feed", get(section.path() + "/feed.json").body().contains(headline));
    }

    private Instant now() {
        return jdbc.sql("select now()").query(java.time.OffsetDateTime.class).single().toInstant();
    }

    private static Map<String, Boolean> everywhere(boolean shown) {
        return Map.of("page", shown, "section page", shown, "RSS", shown, "Atom", shown, "JSON Feed", shown);
    }

    @Test
    void anUnpublishedArticlePublishedAgainIsPublicEverywhereAgainAndEveryStepIsAudited() {
        Instant start = now();
        String slug = "life-" + UUID.randomUUID().toString().substring(0, 8);
        String headline = "Lighthouse keepers return " + slug;
        long id = workflow.create(writer, content("A first title " + slug, slug));
        int v2 = workflow.save(writer, id, 1, content(headline, slug));
        int v3 = workflow.submit(writer, id, v2);
        String path = "/en/" + slug + "/a-" + id;
        assertThat(get(path).statusCode()).isEqualTo(404);

        int v4 = workflow.publish(editor, id, v3, null, null);
        assertThat(shownOn(path, headline)).isEqualTo(everywhere(true));
        String firstPage = get(path).body();

        int v5 = workflow.unpublish(editor, id, v4);
        assertThat(get(path).statusCode()).isEqualTo(404);
        assertThat(shownOn(path, headline)).isEqualTo(everywhere(false));

        workflow.publish(editor, id, v5, null, null);
        assertThat(shownOn(path, headline)).isEqualTo(everywhere(true));
        // The same story as before, with its first publication date (a republished story is not new).
        assertThat(Jsoup.parse(get(path).body()).select(".story-meta time").attr("datetime"))
                .isEqualTo(Jsoup.parse(firstPage).select(".story-meta time").attr("datetime"));
        Instant end = now();

        List<Map<String, Object>> audit = jdbc.sql("""
                select action, actor, user_id, at from audit_log
                where target_type = 'article' and target_id = ? order by id""")
                .param(Long.toString(id)).query().listOfRows();
        assertThat(audit).extracting(row -> row.get("action")).containsExactly("article.created", "article.saved",
                "article.submit", "article.publish", "article.unpublish", "article.publish");
        assertThat(audit).extracting(row -> row.get("actor")).containsExactly(writer.email(), writer.email(),
                writer.email(), editor.email(), editor.email(), editor.email());
        assertThat(audit).extracting(row -> ((Number) row.get("user_id")).longValue()).containsExactly(writer.id(),
                writer.id(), writer.id(), editor.id(), editor.id(), editor.id());
        List<Instant> times = audit.stream().map(row -> ((java.sql.Timestamp) row.get("at")).toInstant()).toList();
        assertThat(times).isSorted().allSatisfy(at -> assertThat(at).isBetween(start, end));
        assertThat(jdbc.sql("select detail from audit_log where target_type = 'article' and target_id = ?"
                + " and action = 'article.saved'").param(Long.toString(id)).query(String.class).single())
                .isEqualTo("version " + v2);
    }
}
