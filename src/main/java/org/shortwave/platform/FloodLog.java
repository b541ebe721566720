package org.shortwave.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * One warning line per interval for failures that come in floods, a database outage above all, instead of a stack
 * trace for each: thousands of identical traces bury what an operator needs to see. The line counts the failures
 * since the last one and names the innermost cause of the latest ("Connection refused").
 */
public final class FloodLog {

    private final Logger log;
    private final String what;
    private final long intervalNanos;
    private final AtomicLong unreported = new AtomicLong();
    private final AtomicLong nextReport = new AtomicLong(System.nanoTime());

    /** {@code what} says what failed, as in "reader requests answered 503". */
    public FloodLog(Logger log, String what, Duration interval) {
        this.log = log;
        this.what = what;
        this.intervalNanos = interval.toNanos();
    }

    public void report(Throwable failure) {
        report(rootCause(failure));
    }

    /** As {@link #report(Throwable)}, with the cause already put in words (when the failure's text is untrusted). */
    public void report(String cause) {
        long count = unreported.incrementAndGet();
        long now = System.nanoTime();
        long next = nextReport.get();
        if (now - next >= 0 && nextReport.compareAndSet(next, now + intervalNanos)) {
            unreported.addAndGet(-count);
            log.warn("{}: {} since the last report; the latest because of {}", what, count, cause);
        }
    }

    static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
