package org.shortwave.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.shortwave.analytics.internal.Bots;
import org.shortwave.analytics.internal.ClientRateLimit;
import org.shortwave.analytics.internal.ViewRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Counts article views from the beacon. Counts gather in memory per article and hour (bounded: past
 * {@link #MAX_PENDING} pending entries, further views are dropped until the next flush) and are added to PostgreSQL
 * every minute, and at shutdown. Robots and clients over their rate are not counted. Nothing about the reader is
 * kept: not the address, not the User-Agent, no cookie.
 */
@Service
public class PageViews implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PageViews.class);
    static final int MAX_PENDING = 50_000;

    private record Key(long articleId, Instant hour) {
    }

    private final ViewRepository repository;
    private final ClientRateLimit rateLimit;
    private final Clock clock;
    private final Map<Key, Long> pending = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();

    PageViews(ViewRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.rateLimit = new ClientRateLimit(clock);
    }

    /** Counts a view unless it comes from a robot or an over-eager client; true if it was counted. */
    public boolean record(long articleId, String address, String userAgent) {
        if (Bots.isRobot(userAgent) || !rateLimit.tryAcquire(address, userAgent)) {
            return false;
        }
        Key key = new Key(articleId, clock.instant().truncatedTo(ChronoUnit.HOURS));
        if (pending.size() >= MAX_PENDING && !pending.containsKey(key)) {
            dropped.incrementAndGet();
            return false;
        }
        pending.merge(key, 1L, Long::sum);
        return true;
    }

    /** Adds the pending counts to the database. Views of articles that are not public are discarded there. */
    @Scheduled(fixedDelayString = "${shortwave.analytics.flush-interval:60s}")
    public synchronized void flush() {
        Instant now = clock.instant();
        for (Key key : pending.keySet()) {
            Long views = pending.remove(key); // atomic: a view counted meanwhile starts a new entry
            if (views != null) {
                repository.add(key.articleId(), key.hour(), views, now);
            }
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            log.warn("{} page views dropped: more than {} article-hours pending between flushes", lost, MAX_PENDING);
        }
    }

    @Override
    public void destroy() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Could not flush page views at shutdown: {}", e.getMessage());
        }
    }
}
