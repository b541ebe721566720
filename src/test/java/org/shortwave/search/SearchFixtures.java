package org.shortwave.search;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.shortwave.search.internal.LuceneIndex;

/** Waiting for the index, with a bound: changes reach it through the change feed, on another thread. */
final class SearchFixtures {

    private SearchFixtures() {
    }

    /** Waits until the index has applied change {@code seq}. */
    static void awaitApplied(LuceneIndex index, long seq) {
        await(() -> index.appliedSeq() >= seq, "the index to apply change " + seq + " (at " + index.appliedSeq() + ")");
    }

    static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
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
