package org.shortwave.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shortwave.content.ArticleFixtures.anArticle;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/** The one visibility rule, on the real database: only published, due, undeleted articles are public. */
class PublishedArticlesIT extends AppTestBase {

    @Autowired
    PublishedArticles published;
    @Autowired
    ArticleStore store;
    @Autowired
    Taxonomy taxonomy;

    Section section;
    Topic topic;

    @BeforeEach
    void section() {
        long sectionId = taxonomy.ensureSection("en", "visibility-tests", "Visibility tests", 99);
        section = taxonomy.section("en", sectionId).orElseThrow();
        topic = taxonomy.topic("en", taxonomy.ensureTopic("en", "visibility-topic", "Visibility topic")).orElseThrow();
    }

    @Test
    void aPublishedArticleWhoseTimeHasComeIsPublic() {
        long id = store.create(anArticle().in(section).headline("Visible story").publishedAt(NOW.minusSeconds(60))
                .withTopic(topic).build());

        Article article = published.find(id).orElseThrow();
        assertThat(article.headline()).isEqualTo("Visible story");
        assertThat(article.section()).isEqualTo(section);
        assertThat(article.topics()).containsExactly(topic);
        assertThat(ids(published.latestInSection(section, 50))).contains(id);
        assertThat(ids(published.latestInTopic(topic, 50))).contains(id);
        assertThat(ids(published.latest("en", 500, List.of()))).contains(id);
    }

    @Test
    void draftsUnpublishedFutureAndDeletedArticlesAreNeverPublic() {
        long draft = store.create(anArticle().in(section).headline("Draft story").draft().withTopic(topic).build());
        long unpublished = store.create(anArticle().in(section).headline("Withdrawn").unpublished().withTopic(topic).build());
        long future = store.create(anArticle().in(section).headline("Scheduled")
                .publishedAt(NOW.plus(Duration.ofMinutes(1))).withTopic(topic).build());
        long deleted = store.create(anArticle().in(section).headline("Deleted").publishedAt(NOW.minusSeconds(600))
                .withTopic(topic).build());
        jdbc.sql("update article set deleted_at = now() where id = ?").param(deleted).update();

        List<Long> hidden = List.of(draft, unpublished, future, deleted);
        for (long id : hidden) {
            assertThat(published.find(id)).as("article %d", id).isEmpty();
        }
        assertThat(ids(published.latestInSection(section, 500))).doesNotContainAnyElementsOf(hidden);
        assertThat(ids(published.latestInTopic(topic, 500))).doesNotContainAnyElementsOf(hidden);
        assertThat(ids(published.latest("en", 500, List.of()))).doesNotContainAnyElementsOf(hidden);
    }

    @Test
    void relatedAndTopStoriesKeepTheEditorsOrderAndHideWhatIsNotPublic() {
        long main = store.create(anArticle().in(section).headline("Main").publishedAt(NOW.minusSeconds(100)).build());
        long first = store.create(anArticle().in(section).headline("First").publishedAt(NOW.minusSeconds(50)).build());
        long second = store.create(anArticle().in(section).headline("Second").publishedAt(NOW.minusSeconds(500)).build());
        long draft = store.create(anArticle().in(section).headline("Hidden").draft().build());
        store.setRelated(main, List.of(second, draft, first));

        assertThat(ids(published.related(main))).containsExactly(second, first);

        List<Long> before = ids(published.topStories("en"));
        try {
            store.setTopStories("en", List.of(first, draft, second));
            assertThat(ids(published.topStories("en"))).containsExactly(first, second);
        } finally {
            store.setTopStories("en", before);
        }
    }

    @Test
    void latestLeavesOutStoriesAlreadyOnThePage() {
        long a = store.create(anArticle().in(section).headline("Newest one").publishedAt(NOW.minusSeconds(1)).build());
        List<Long> latest = ids(published.latest("en", 3, List.of(a)));
        assertThat(latest).hasSize(3).doesNotContain(a);
    }

    private static List<Long> ids(List<ArticleTeaser> teasers) {
        return teasers.stream().map(ArticleTeaser::id).toList();
    }
}
