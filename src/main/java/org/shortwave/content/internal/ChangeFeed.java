package org.shortwave.content.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.shortwave.content.ContentChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows the change log on this node and publishes each new row as a {@link ContentChanged} event. It LISTENs for
 * the commit notification and also polls every second, so a lost notification or a dropped connection costs at
 * most a second. Sequence numbers can commit out of order (a transaction that took seq 7 commits after the one
 * that took seq 8), so a missing seq is waited for a while before it is given up as rolled back.
 */
@Component
class ChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private static final int POLL_MILLIS = 1000;
    private static final int BATCH = 500;
    private static final Duration GAP_PATIENCE = Duration.ofSeconds(10);
    static final int ATTEMPTS = 5;

    private final DataSource dataSource;
    private final ChangeLogRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock systemClock = Clock.systemUTC();

    private volatile boolean running;
    private volatile CountDownLatch stopping;
    private volatile Thread thread;

    /** Every seq up to here has been published or given up. */
    private long cursor;
    /** Seqs above the cursor already published. */
    private final Set<Long> published = new HashSet<>();
    /** Seqs above the cursor not seen yet, and since when. */
    private final Map<Long, Instant> gaps = new HashMap<>();
    /** Changes a listener failed on, and how often. */
    private final Map<Long, Integer> failures = new HashMap<>();

    ChangeFeed(DataSource dataSource, ChangeLogRepository repository, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.repository = repository;
        this.events = events;
    }

    @Override
    public void start() {
        cursor = repository.latestSeq();
        stopping = new CountDownLatch(1);
        running = true;
        thread = Thread.ofVirtual().name("change-feed").start(this::listen);
    }

    /**
     * Ends the loop without interrupting it: an interrupted virtual thread has its database socket closed under it
     * (the pool then logs the connection as broken, with a stack trace), and a listener interrupted in its file I/O
     * (the search index) would lose its files. The loop sees the flag within a poll ({@value #POLL_MILLIS} ms, or
     * after the batch it is delivering), and Spring waits for it (up to the shutdown phase's timeout).
     */
    @Override
    public void stop(Runnable callback) {
        Thread feed = halt();
        if (feed == null) {
            callback.run();
            return;
        }
        Thread.ofVirtual().name("change-feed-stop").start(() -> {
            awaitEnd(feed);
            callback.run();
        });
    }

    @Override
    public void stop() {
        Thread feed = halt();
        if (feed != null) {
            awaitEnd(feed);
        }
    }

    private Thread halt() {
        running = false;
        if (stopping != null) {
            stopping.countDown();
        }
        return thread;
    }

    private static void awaitEnd(Thread feed) {
        boolean interrupted = false;
        while (feed.isAlive()) {
            try {
                feed.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * A failure while running (the database went away, a listener failed) is logged once, without a stack trace,
     * and retried every second; while it goes on failing nothing more is logged, and the feed says when it is back.
     * Whatever ends the loop once the feed is stopping is no failure and is not logged.
     */
    private void listen() {
        int failing = 0;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ChangeLogRepository.CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    postgres.getNotifications(POLL_MILLIS);
                    publishNewChanges();
                    if (failing > 0) {
                        log.info("Change feed resumed after {} failed attempts", failing);
                        failing = 0;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    if (failing++ == 0) {
                        log.warn("Change feed interrupted, retrying every second: {}", e.getMessage());
                    } else {
                        log.debug("Change feed still failing ({} attempts): {}", failing, e.getMessage());
                    }
                    pause();
                }
            }
        }
    }

    /** Sets where the feed starts (after this seq) without starting its thread: for tests. */
    synchronized void resumeAfter(long seq) {
        cursor = seq;
    }

    /** Publishes the rows not yet published; synchronized because tests may also call it directly. */
    synchronized void publishNewChanges() {
        List<ContentChanged> rows;
        do {
            rows = repository.since(cursor, BATCH);
            for (ContentChanged change : rows) {
                if (change.seq() > cursor && !published.contains(change.seq())) {
                    deliver(change);
                    published.add(change.seq());
                    gaps.remove(change.seq());
                }
            }
            advanceCursor();
        } while (rows.size() == BATCH && running);
    }

    /**
     * Hands a change to this node's listeners (index, page cache, derived versions...), which must be idempotent.
     * A listener that fails (the database blinked) stops the feed here; it retries from this change in a second,
     * so nothing after it is skipped. A change that fails {@value #ATTEMPTS} times is logged and passed over, so one
     * broken listener cannot stop the node following the log.
     */
    private void deliver(ContentChanged change) {
        try {
            events.publishEvent(change);
            failures.remove(change.seq());
        } catch (RuntimeException e) {
            int failed = failures.merge(change.seq(), 1, Integer::sum);
            if (failed < ATTEMPTS) {
                throw e;
            }
            failures.remove(change.seq());
            log.error("Change {} ({} of article {}) failed in a listener {} times; passed over", change.seq(),
                    change.kind(), change.articleId(), failed, e);
        }
    }

    private void advanceCursor() {
        long highest = published.stream().mapToLong(Long::longValue).max().orElse(cursor);
        Instant now = systemClock.instant();
        for (long seq = cursor + 1; seq < highest; seq++) {
            if (!published.contains(seq)) {
                gaps.putIfAbsent(seq, now);
            }
        }
        while (true) {
            long next = cursor + 1;
            if (published.remove(next)) {
                cursor = next;
            } else if (gaps.containsKey(next) && gaps.get(next).plus(GAP_PATIENCE).isBefore(now)) {
                gaps.remove(next); // rolled back: it will never appear
                cursor = next;
            } else {
                return;
            }
        }
    }

    /** Waits a poll's time before the next attempt, or until the feed is stopped. */
    private void pause() {
        try {
            stopping.await(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
