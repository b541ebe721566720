package org.shortwave.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shortwave.content.ArticleFixtures.anArticle;

import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.shortwave.Await;
import org.shortwave.AppTestBase;
import org.shortwave.content.Article;
import org.shortwave.content.ArticleStore;
import org.shortwave.content.PublishedArticles;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;

/** The article page's related block: the editor's picks, then similar public stories of the edition, at most five. */
class RelatedContentIT extends AppTestBase {

    @Autowired RelatedContent related;
    @Autowired SearchIndexing indexing;
    @Autowired ArticleStore store;
    @Autowired Taxonomy taxonomy;
    @Autowired PublishedArticles articles;

    @Test
    void picksComeFirstThenSimilarPublicStoriesNewestFirstAmongEquals() {
        Section section = taxonomy.section("en", taxonomy.ensureSection("en", "related-it", "Related tests", 92)).orElseThrow();
        String text = "Beekeepers on the moorland count hives after the heather bloom.";
        long story = create(section, "Moorland beekeepers count their hives", text, "2026-11-10T08:00:00Z");
        long older = create(section, "Heather honey from the moorland hives", text, "2026-11-02T08:00:00Z");
        long newer = create(section, "Moorland hives weather the heather season", text, "2026-11-09T08:00:00Z");
        long draft = store.create(anArticle().in(section).headline("Moorland beekeepers draft").body(text).draft().build());
        long unrelated = create(section, "Tram timetable changes in the city", "Trams run later.", "2026-11-11T08:00:00Z");
        long pick = create(section, "Editor's pick about trains", "Trains.", "2026-11-01T08:00:00Z");
        store.setRelated(story, List.of(pick));
        Await.until(() -> indexing.index().ids().containsAll(List.of(story, older, newer, unrelated, pick)),
                "the stories to be indexed");

        Article article = articles.find(story).orElseThrow();
        List<Long> suggested = related.like(article, List.of(), 5).stream().map(t -> t.id()).toList();
        assertThat(suggested).contains(older, newer).doesNotContain(story, draft, unrelated);

        Document page = Jsoup.parse(get(article.path()).body());
        List<String> block = page.select("#related li h3 a").eachAttr("href");
        assertThat(block.getFirst()).isEqualTo(articles.find(pick).orElseThrow().path());
        assertThat(block).contains(path(older), path(newer)).doesNotContain(article.path()).hasSizeLessThanOrEqualTo(5);
        assertThat(block.indexOf(path(newer))).as("newest first among similar stories").isLessThan(block.indexOf(path(older)));
    }

    private long create(Section section, String headline, String body, String published) {
        return store.create(anArticle().in(section).headline(headline).body(body).publishedAt(Instant.parse(published)).build());
    }

    private String path(long id) {
        return articles.find(id).orElseThrow().path();
    }
}
