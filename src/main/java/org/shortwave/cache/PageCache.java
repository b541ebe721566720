package org.shortwave.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Service;

/**
 * The node's page cache: public answers by normalised URL, evicted by surrogate key when content changes (see
 * {@link PageEvictions}), bounded by a byte budget (least recently used entries go first), each entry living
 * at most {@code shortwave.page-cache.ttl} as a safety net for changes the change log does not carry.
 *
 * <p>Reads take no lock. Writes (store, evict) are serialised; every eviction moves an epoch on and notes it against
 * the keys it evicted, and an answer whose rendering began before an eviction of one of its keys is not stored, so a
 * page read from the database before a change can never be kept after it. Only the page's own keys count: a page
 * shows nothing a change touches unless it carries one of the change's keys (the rule eviction itself rests on), so
 * the churn of unrelated changes (most-read rankings, other editions) does not keep a busy page from being stored.
 */
@Service
public class PageCache {

    private static final class Entry {
        final CachedPage page;
        volatile long lastUsed;

        Entry(CachedPage page, long now) {
            this.page = page;
            this.lastUsed = now;
        }
    }

    /** Counters since start, for the docs' measurements and the operations page. */
    public record Stats(long hits, long misses, long stores, long evictions, int entries, long bytes) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final PageCacheProperties properties;
    /** The entries' surrogate keys and their evictions. Used under the lock (but for its epoch). */
    private final KeyIndex keys = new KeyIndex();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final AtomicLong stores = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();
    /** Requests waiting for another request's render of the same page (see PageCacheFilter). */
    private final AtomicInteger coalescing = new AtomicInteger();
    private long bytes;

    PageCache(PageCacheProperties properties) {
        this.properties = properties;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /** The stored answer for this URL, or null (counted as a miss). */
    CachedPage get(String url) {
        CachedPage page = hit(url);
        if (page == null) {
            misses.increment();
        }
        return page;
    }

    /** A fresh stored answer, counted as a hit; null (and not counted: the filter will look again) otherwise. */
    CachedPage hit(String url) {
        Entry entry = entries.get(url);
        long now = System.nanoTime();
        if (entry == null || entry.page.expired(now)) {
            return null;
        }
        entry.lastUsed = now;
        hits.increment();
        return entry.page;
    }

    /**
     * An entry past its time to live but not evicted, for answering when rendering fails (the database is away):
     * {@code stale-if-error} for this node's own store. An evicted entry (its story changed or left) is gone, so
     * nothing withdrawn is ever served this way.
     */
    CachedPage stale(String url) {
        Entry entry = entries.get(url);
        if (entry == null || System.nanoTime() - entry.page.expiresAtNanos() > PageKind.STALE_IF_ERROR.toNanos()) {
            return null;
        }
        return entry.page;
    }

    /** The epoch to pass to {@link #put}, taken before the answer is rendered. */
    long epoch() {
        return keys.epoch();
    }

    /**
     * Stores an answer unless one of its keys was evicted since {@code epochAtStart}, or it would take over an eighth
     * of the budget.
     */
    synchronized boolean put(String url, CachedPage page, long epochAtStart) {
        long budget = properties.maxBytes().toBytes();
        long weight = page.weight();
        if (keys.evictedSince(page.keys(), epochAtStart) || weight > budget / 8) {
            return false;
        }
        remove(url);
        entries.put(url, new Entry(page, System.nanoTime()));
        keys.add(url, page.keys());
        bytes += weight;
        stores.incrementAndGet();
        if (bytes > budget) {
            shrinkTo(budget - budget / 10);
        }
        return true;
    }

    /** Evicts every entry carrying any of these keys; returns how many went. */
    public synchronized int evict(Collection<String> evictedKeys) {
        int evicted = 0;
        for (String url : keys.evict(evictedKeys)) {
            evicted += remove(url) ? 1 : 0;
        }
        evictions.addAndGet(evicted);
        return evicted;
    }

    /** Empties the cache. */
    public synchronized void clear() {
        keys.clear();
        entries.clear();
        bytes = 0;
    }

    /** How many requests are waiting for another's render of the page they asked for. */
    public int coalescing() {
        return coalescing.get();
    }

    AtomicInteger coalescingCount() {
        return coalescing;
    }

    public Stats stats() {
        return new Stats(hits.sum(), misses.sum(), stores.get(), evictions.get(), entries.size(), bytes);
    }

    /** Drops least recently used entries (expired ones first) until the cache holds at most {@code target} bytes. */
    private void shrinkTo(long target) {
        long now = System.nanoTime();
        List<Map.Entry<String, Entry>> all = new ArrayList<>(entries.entrySet());
        all.sort(Comparator.comparing((Map.Entry<String, Entry> e) -> !e.getValue().page.expired(now))
                .thenComparingLong(e -> e.getValue().lastUsed));
        for (Map.Entry<String, Entry> e : all) {
            if (bytes <= target) {
                return;
            }
            if (remove(e.getKey())) {
                evictions.incrementAndGet();
            }
        }
    }

    private boolean remove(String url) {
        Entry entry = entries.remove(url);
        if (entry == null) {
            return false;
        }
        bytes -= entry.page.weight();
        keys.remove(url, entry.page.keys());
        return true;
    }
}
