package org.shortwave.search;

import org.shortwave.Await;
import org.shortwave.search.internal.LuceneIndex;

/** Waiting for the index, with a bound: changes reach it through the change feed, on another thread. */
final class SearchFixtures {

    private SearchFixtures() {
    }

    /** Waits until the index has applied change {@code seq}. */
    static void awaitApplied(LuceneIndex index, long seq) {
        Await.until(() -> index.appliedSeq() >= seq, "the index to apply change " + seq + " (at " + index.appliedSeq() + ")");
    }
}
