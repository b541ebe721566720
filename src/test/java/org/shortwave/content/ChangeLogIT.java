package org.shortwave.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shortwave.content.ArticleFixtures.anArticle;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.shortwave.ChangeRecorder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Every write appends to the change log in its own transaction, and the node publishes it as an event. */
class ChangeLogIT extends AppTestBase {

    @Autowired
    ArticleStore store;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    ChangeLog changeLog;
    @Autowired
    ChangeRecorder recorder;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void writesAreLoggedAndPublishedInOrder() {
        Section section = taxonomy.section("en", taxonomy.ensureSection("en", "change-log-tests", "Change log", 98))
                .orElseThrow();
        long before = changeLog.latestSeq();

        long draft = store.create(anArticle().in(section).headline("Logged draft").draft().build());
        long live = store.create(anArticle().in(section).headline("Logged story").publishedAt(NOW.minusSeconds(5)).build());
        store.setRelated(live, List.of(draft));

        List<ContentChanged> logged = changeLog.since(before, 100).stream()
                .filter(c -> c.articleId() != null && (c.articleId() == draft || c.articleId() == live)).toList();
        assertThat(logged).extracting(ContentChanged::kind)
                .containsExactly(ChangeKind.ARTICLE_SAVED, ChangeKind.ARTICLE_PUBLISHED, ChangeKind.LISTS_CHANGED);
        assertThat(logged).extracting(ContentChanged::editionCode).containsExactly("en", "en", null);
        assertThat(logged).extracting(ContentChanged::seq).isSorted();

        ContentChanged event = recorder.await(c -> c.seq() == logged.get(2).seq(), Duration.ofSeconds(5));
        assertThat(event).isEqualTo(logged.get(2));
        assertThat(recorder.received()).contains(logged.get(0), logged.get(1));
    }

    @Test
    void aWriteThatFailsLeavesNoChangeBehind() {
        Section section = taxonomy.section("en", taxonomy.ensureSection("en", "change-log-tests", "Change log", 98))
                .orElseThrow();
        long before = changeLog.latestSeq();

        // An edition that does not exist: the database refuses the article row, and the change goes with it.
        NewArticle broken = anArticle().in(new Section(section.id(), "no-such-edition", "x", "x")).headline("Broken")
                .build();
        assertThatThrownBy(() -> store.create(broken))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);

        assertThat(changeLog.since(before, 100)).noneMatch(c -> "no-such-edition".equals(c.editionCode()));
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> changeLog.record(ChangeKind.LISTS_CHANGED, null, "en"))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
        Long seq = transaction.execute(status -> changeLog.record(ChangeKind.LISTS_CHANGED, null, "en"));
        assertThat(seq).isPositive();
    }
}
