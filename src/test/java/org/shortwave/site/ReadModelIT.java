package org.shortwave.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shortwave.content.ArticleFixtures.anArticle;

import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.Await;
import org.shortwave.site.caching.PageCacheInvalidation;
import org.shortwave.cache.ReadModel;
import org.shortwave.content.ArticleChanges;
import org.shortwave.content.ArticleStore;
import org.shortwave.content.ChangeLog;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read model under the article page, with the page cache out of the way (a reader with a cookie is rendered a
 * page each time): a render reads the story from memory, a change through the change log evicts exactly its part
 * (the story's own, or the edition's lists), and a write that bypasses the change log is not seen until one does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelIT extends AppTestBase {

    @Autowired
    ArticleStore store;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    ChangeLog changeLog;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ReadModel readModel;
    @Autowired
    PageCacheInvalidation invalidation;

    ArticleChanges changes;
    Section section;

    @BeforeAll
    void setUp() {
        changes = new ArticleChanges(jdbc, changeLog, transactions);
        section = taxonomy.section("en", taxonomy.ensureSection("en", "read-model-tests", "Read model", 96)).orElseThrow();
    }

    /**
     * A published story, once the change feed has brought this node the publication too: its copy of the change
     * evicts the story again when it arrives, and these tests tell apart what is read from memory.
     */
    private long story(String headline) {
        long id = store.create(anArticle().in(section).headline(headline).publishedAt(NOW.minusSeconds(30)).build());
        long latest = jdbc.sql("select max(seq) from change_log").query(Long.class).single();
        Await.until(() -> invalidation.appliedSeq() >= latest, "the change feed to bring the publication");
        return id;
    }

    private Document page(long id) {
        HttpResponse<String> answer = rendered(articlePath(id));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Cache")).hasValue("pass");
        return Jsoup.parse(answer.body());
    }

    private static String headline(Document page) {
        return page.selectFirst("h1").text();
    }

    @Test
    void aStoryIsReadFromMemoryUntilAChangeToItArrives() {
        long id = story("Read model first headline");
        assertThat(headline(page(id))).isEqualTo("Read model first headline");

        // Written behind the change log's back (no real write path does this): the page keeps what it read.
        jdbc.sql("update article set headline = 'Read model quiet headline' where id = ?").param(id).update();
        assertThat(headline(page(id))).isEqualTo("Read model first headline");

        changes.retitle(id, "Read model announced headline");
        assertThat(headline(page(id))).isEqualTo("Read model announced headline");
    }

    @Test
    void aNewStoryInTheEditionRefreshesItsListsButNotEveryStorysText() {
        long id = story("Read model older story");
        page(id);
        jdbc.sql("update article set headline = 'Read model older story, quietly' where id = ?").param(id).update();

        long newer = story("Read model newer story");
        Document page = page(id);

        assertThat(page.body().text()).as("the edition's lists are read again").contains("Read model newer story");
        assertThat(headline(page)).as("the older story's own part stays in memory").isEqualTo("Read model older story");
        assertThat(headline(page(newer))).isEqualTo("Read model newer story");
    }

    @Test
    void anUnpublishedStoryLeavesItsPageAndTheListsOfOthersAtOnce() {
        long gone = story("Read model story to withdraw");
        long other = story("Read model story that stays");
        assertThat(page(other).body().text()).contains("Read model story to withdraw");

        changes.unpublish(gone);

        assertThat(page(other).body().text()).doesNotContain("Read model story to withdraw");
        assertThat(get(articlePath(gone)).statusCode()).isEqualTo(404);
        assertThat(readModel.size()).isPositive();
    }
}
