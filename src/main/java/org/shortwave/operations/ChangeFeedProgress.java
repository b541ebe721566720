package org.shortwave.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.shortwave.content.ChangeListenerOrder;
import org.shortwave.content.ChangeLog;
import org.shortwave.content.ContentChanged;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * How far this node has followed the change log: the newest seq it has delivered to its listeners (page cache,
 * search index, media visibility), against the newest in the database. A node that falls behind serves old pages
 * and search results; the lag shows on the health page and as a metric.
 */
@Component
public class ChangeFeedProgress {

    private final ChangeLog changeLog;
    private final AtomicLong delivered;
    private final AtomicReference<Instant> lastDeliveredAt = new AtomicReference<>();
    private final Clock clock = Clock.systemUTC();

    ChangeFeedProgress(ChangeLog changeLog) {
        this.changeLog = changeLog;
        this.delivered = new AtomicLong(changeLog.latestSeq()); // the feed starts from the newest row
    }

    @EventListener
    @Order(ChangeListenerOrder.PROGRESS)
    void on(ContentChanged change) {
        delivered.accumulateAndGet(change.seq(), Math::max);
        lastDeliveredAt.set(clock.instant());
    }

    /** The change log seen from this node: newest seq, newest delivered here, and the difference. */
    public record Lag(long latestSeq, long deliveredSeq, Instant lastDeliveredAt) {
        public long behind() {
            return Math.max(0, latestSeq - deliveredSeq);
        }
    }

    public Lag lag() {
        long latest = changeLog.latestSeq();
        return new Lag(latest, Math.min(delivered.get(), latest), lastDeliveredAt.get());
    }

    /** Time since this node last delivered a change, or null if it has delivered none since it started. */
    public Duration sinceLastDelivery() {
        Instant at = lastDeliveredAt.get();
        return at == null ? null : Duration.between(at, clock.instant());
    }
}
