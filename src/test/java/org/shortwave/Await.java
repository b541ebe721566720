package org.shortwave;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** A bounded wait for something another thread does (the change feed, the index, the page cache). */
public final class Await {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    private Await() {
    }

    /** Polls until the condition holds; fails, naming what it waited for, after 15 seconds. */
    public static void until(BooleanSupplier condition, String what) {
        until(condition, what, LIMIT);
    }

    /** Polls until the condition holds; fails, naming what it waited for, after {@code limit}. */
    public static void until(BooleanSupplier condition, String what, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
