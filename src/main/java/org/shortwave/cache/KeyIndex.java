package org.shortwave.cache;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bookkeeping the page cache and the read model share: which of their entries carry which surrogate key, and
 * when each key was last evicted, counted in evictions (an epoch). A cache takes the epoch before it reads or renders
 * a value and keeps the value only if none of the value's keys was evicted since: a value read before a change to
 * what it shows is never kept after the change, while changes to other things (a most-read ranking, another
 * edition's story) do not stop it being kept. Only {@link #epoch()} may be called without the owner's lock.
 */
final class KeyIndex {

    /** How many keys' last evictions are remembered (a few MB at most); past it, reads under way are not kept. */
    private static final int NOTED = 100_000;

    private final Map<String, Set<String>> names = new HashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private final Map<String, Long> evictedAt = new HashMap<>();
    /** Reads that began before this epoch are not kept: everything was evicted then, or the notes were dropped. */
    private long floor;

    /** The epoch to take before reading a value. */
    long epoch() {
        return epoch.get();
    }

    /** Whether a value with these keys, read from {@code epochAtStart} on, may miss an eviction. */
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

    /** Notes that the entry {@code name} carries these keys. */
    void add(String name, Collection<String> keys) {
        for (String key : keys) {
            names.computeIfAbsent(key, k -> new HashSet<>()).add(name);
        }
    }

    /** Forgets the entry {@code name}, which carried these keys. */
    void remove(String name, Collection<String> keys) {
        for (String key : keys) {
            Set<String> carrying = names.get(key);
            if (carrying != null) {
                carrying.remove(name);
                if (carrying.isEmpty()) {
                    names.remove(key);
                }
            }
        }
    }

    /** Notes an eviction of these keys; returns the entries that carry any of them, for the owner to drop. */
    Set<String> evict(Collection<String> keys) {
        long now = epoch.incrementAndGet();
        if (evictedAt.size() + keys.size() > NOTED) {
            evictedAt.clear();
            floor = now;
        }
        Set<String> carrying = new LinkedHashSet<>();
        for (String key : keys) {
            evictedAt.put(key, now);
            carrying.addAll(names.getOrDefault(key, Set.of()));
        }
        return carrying;
    }

    /** Notes that everything was evicted (the owner drops all its entries). */
    void clear() {
        floor = epoch.incrementAndGet();
        evictedAt.clear();
        names.clear();
    }
}
