package org.shortwave;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one bounded wait of the tests, for something another thread or process does (the change feed, the index, the
 * page cache, a server starting). It waits for a positive signal; to show that something did not happen, wait for
 * a signal that the thing that would have done it has run (a counter, a seq), then check.
 */
public final class Await {

    private static final Duration LIMIT = Duration.ofSeconds(15);
    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /** Polls until the condition holds; fails, naming what it waited for, after 15 seconds. */
    public static void until(BooleanSupplier condition, String what) {
        until(condition, what, LIMIT);
    }

    /** Polls until the condition holds; fails, naming what it waited for, after {@code limit}. */
    public static void until(BooleanSupplier condition, String what, Duration limit) {
        result(() -> condition.getAsBoolean() ? Boolean.TRUE : null, what, limit);
    }

    /** Polls until the attempt gives a value (not null) and returns it; fails after 15 seconds. */
    public static <T> T result(Supplier<T> attempt, String what) {
        return result(attempt, what, LIMIT);
    }

    /**
     * Polls until the attempt gives a value (not null) and returns it; fails, naming what it waited for, after
     * {@code limit}. An attempt may throw to give up at once (a server process that died).
     */
    public static <T> T result(Supplier<T> attempt, String what, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            T value = attempt.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
