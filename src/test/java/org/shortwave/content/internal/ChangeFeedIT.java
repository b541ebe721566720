package org.shortwave.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.shortwave.Await;
import org.shortwave.content.ChangeKind;
import org.shortwave.content.ChangeLog;
import org.shortwave.content.ContentChanged;
import org.slf4j.LoggerFactory;
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

    /**
     * The feed of a node being stopped ends its loop quietly: not a line at WARN or above, no stack trace (it used
     * to be interrupted, which closed its connection under it, and the pool logged that with a trace). A real
     * failure while it runs (the server ends its connection) is logged once, and the feed carries on.
     */
    @Test
    void aStopEndsTheFeedQuietlyAndARealFailureIsLoggedOnce() throws Exception {
        String application = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logged);
        try (HikariDataSource own = ownPool(application)) {
            List<Long> seen = new CopyOnWriteArrayList<>();
            ChangeFeed feed = new ChangeFeed(own, repository, event -> seen.add(((ContentChanged) event).seq()));
            feed.start();
            Await.until(() -> listening(application) == 1, "the feed to LISTEN");

            long terminated = jdbc.sql("select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where application_name = ?) t").param(application).query(Long.class).single();
            assertThat(terminated).isEqualTo(1);
            long after = threeChanges().get(2);
            Await.until(() -> seen.contains(after), "the feed to deliver a change after the failure");
            assertThat(feedLines(logged, Level.WARN)).hasSize(1)
                    .allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
            Await.until(() -> !feedLines(logged, Level.INFO).isEmpty(), "the feed to say it is back");

            logged.list.clear();
            CountDownLatch stopped = new CountDownLatch(1);
            feed.stop(stopped::countDown);
            assertThat(stopped.await(10, TimeUnit.SECONDS)).as("the feed's loop ended").isTrue();
            assertThat(feed.isRunning()).isFalse();
            assertThat(own.getHikariPoolMXBean().getActiveConnections()).as("connections not given back").isZero();
            assertThat(List.copyOf(logged.list)).filteredOn(e -> e.getLoggerName().equals(ChangeFeed.class.getName())
                    || e.getLoggerName().startsWith("com.zaxxer"))
                    .allSatisfy(e -> assertThat(e.getLevel().isGreaterOrEqual(Level.WARN)).as(e.getFormattedMessage())
                            .isFalse())
                    .allSatisfy(e -> assertThat(e.getThrowableProxy()).as(e.getFormattedMessage()).isNull());
        } finally {
            root.detachAppender(logged);
        }
    }

    private static List<ILoggingEvent> feedLines(ListAppender<ILoggingEvent> logged, Level level) {
        return List.copyOf(logged.list).stream()
                .filter(e -> e.getLoggerName().equals(ChangeFeed.class.getName()) && e.getLevel() == level).toList();
    }

    private long listening(String application) {
        return jdbc.sql("select count(*) from pg_stat_activity where application_name = ? and query like 'LISTEN%'")
                .param(application).query(Long.class).single();
    }

    /** A pool of the feed's own on the test database, its connections named, so the test can end one. */
    private HikariDataSource ownPool(String application) throws Exception {
        HikariDataSource own = new HikariDataSource();
        try (Connection connection = dataSource.getConnection()) {
            own.setJdbcUrl(connection.getMetaData().getURL());
            own.setUsername(connection.getMetaData().getUserName());
        }
        own.setPassword(System.getProperty("spring.datasource.password", ""));
        own.addDataSourceProperty("ApplicationName", application);
        own.setMaximumPoolSize(2);
        own.setPoolName(application);
        return own;
    }
}
