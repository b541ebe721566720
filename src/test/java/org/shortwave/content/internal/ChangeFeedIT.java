package org.shortwave.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.shortwave.content.ChangeKind;
import org.shortwave.content.ChangeLog;
import org.shortwave.content.ContentChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A listener that fails stops the feed at that change, which is delivered again (nothing after it is skipped);
 * a change that keeps failing is passed over after a bounded number of attempts, so the node goes on following the
 * log. Runs a feed of its own, beside the node's, on the real change log.
 */
class ChangeFeedIT extends AppTestBase {

    @Autowired
    DataSource dataSource;

    @Autowired
    ChangeLogRepository repository;

    @Autowired
    ChangeLog changeLog;

    @Autowired
    TransactionTemplate transactions;

    private final List<Long> delivered = new ArrayList<>();
    private final List<Long> attempts = new ArrayList<>();

    private ChangeFeed feed(LongPredicate fails) {
        ChangeFeed feed = new ChangeFeed(dataSource, repository, event -> {
            long seq = ((ContentChanged) event).seq();
            attempts.add(seq);
            if (fails.test(seq)) {
                throw new IllegalStateException("listener failed on " + seq);
            }
            delivered.add(seq);
        });
        feed.resumeAfter(repository.latestSeq());
        return feed;
    }

    private List<Long> threeChanges() {
        return transactions.execute(status -> List.of(changeLog.record(ChangeKind.LISTS_CHANGED, null, "en"),
                changeLog.record(ChangeKind.LISTS_CHANGED, null, "en"),
                changeLog.record(ChangeKind.LISTS_CHANGED, null, "en")));
    }

    /** Runs the feed as its thread would: again after each failure. */
    private static int runUntilQuiet(ChangeFeed feed, int rounds) {
        int failures = 0;
        for (int i = 0; i < rounds; i++) {
            try {
                feed.publishNewChanges();
            } catch (IllegalStateException e) {
                failures++;
            }
        }
        return failures;
    }

    @Test
    void aChangeAListenerFailedOnIsDeliveredAgainBeforeAnyLaterOne() {
        int[] failuresLeft = {2};
        List<Long> seqs = new ArrayList<>();
        ChangeFeed feed = feed(seq -> seq == seqs.get(1) && failuresLeft[0]-- > 0);
        seqs.addAll(threeChanges());

        assertThat(runUntilQuiet(feed, 5)).isEqualTo(2);
        assertThat(delivered).containsExactlyElementsOf(seqs);
        assertThat(attempts).containsExactly(seqs.get(0), seqs.get(1), seqs.get(1), seqs.get(1), seqs.get(2));
    }

    @Test
    void aChangeThatKeepsFailingIsPassedOverAfterABoundedNumberOfAttempts() {
        List<Long> seqs = new ArrayList<>();
        ChangeFeed feed = feed(seq -> seq == seqs.get(0));
        seqs.addAll(threeChanges());

        assertThat(runUntilQuiet(feed, ChangeFeed.ATTEMPTS + 2)).isEqualTo(ChangeFeed.ATTEMPTS - 1);
        assertThat(attempts.stream().filter(seq -> seq.equals(seqs.get(0)))).hasSize(ChangeFeed.ATTEMPTS);
        assertThat(delivered).containsExactly(seqs.get(1), seqs.get(2));
    }
}
