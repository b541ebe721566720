package org.shortwave.cache;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When each surrogate key was last evicted, counted in evictions (an epoch). A cache takes the epoch before it reads
 * a value and keeps the value only if none of the value's keys was evicted since: a value read before a change to
 * what it shows is never kept after the change, while changes to other things (a most-read ranking, another
 * edition's story) do not stop it being kept. Only the epoch is safe to read without the owner's lock.
 */
final class EvictionLog {

    /** How many keys' last evictions are remembered (a few MB at most); past it, reads under way are not kept. */
    private static final int NOTED = 100_000;

    private final AtomicLong epoch = new AtomicLong();
    private final Map<String, Long> evictedAt = new HashMap<>();
    /** Reads that began before this epoch are not kept: everything was evicted then, or the notes were dropped. */
    private long floor;

    /** The epoch to take before reading a value. */
    long epoch() {
        return epoch.get();
    }

    /** Notes an eviction of these keys. Under the owner's lock. */
    void evicted(Collection<String> keys) {
        long now = epoch.incrementAndGet();
        if (evictedAt.size() + keys.size() > NOTED) {
            evictedAt.clear();
            floor = now;
        }
        for (String key : keys) {
            evictedAt.put(key, now);
        }
    }

    /** Notes that everything was evicted. Under the owner's lock. */
    void clear() {
        floor = epoch.incrementAndGet();
        evictedAt.clear();
    }

    /** Whether a value with these keys, read from {@code epochAtStart} on, may miss an eviction. Under the lock. */
    boolean evictedSince(Collection<String> keys, long epochAtStart) {
        if (epochAtStart < floor) {
            return true;
        }
        for (String key : keys) {
            Long at = evictedAt.get(key);
            if (at != null && at > epochAtStart) {
                return true;
            }
        }
        return false;
    }
}
