package org.shortwave.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * What public pages read from the database (an article, an edition's lists, its sections), kept in memory by name and
 * evicted by the same surrogate keys as the pages that show it ({@link PageEvictions} evicts both). A page
 * the page cache does not hold (evicted by a publish, or rarely read) is then rendered from memory for the most part:
 * a publish evicts the edition's lists, not every story's text.
 *
 * <p>A value names its keys when it is read, by the rules pages go by: a value that shows something carries its key.
 * As in the page cache, a value whose reading began before an eviction of one of its keys is returned but not kept.
 * Values must not be changed once returned. Reads take no lock.
 */
@Service
public class ReadModel {

    private static final class Entry {
        final Object value;
        final Set<String> keys;
        final long expiresAt;
        volatile long lastUsed;

        Entry(Object value, Set<String> keys, long now, long expiresAt) {
            this.value = value;
            this.keys = keys;
            this.lastUsed = now;
            this.expiresAt = expiresAt;
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** The values' surrogate keys and their evictions. Used under the lock (but for its epoch). */
    private final KeyIndex keys = new KeyIndex();
    private final ReadModelProperties properties;

    ReadModel(ReadModelProperties properties) {
        this.properties = properties;
    }

    /**
     * The value kept under {@code name}, or one read now with {@code read} (kept unless one of the keys
     * {@code keysOf} names for it was evicted meanwhile).
     */
    public <T> T get(String name, Supplier<T> read, Function<? super T, ? extends Collection<String>> keysOf) {
        return get(name, keys.epoch(), read, keysOf);
    }

    /**
     * The epoch to pass to {@link #get(String, long, Supplier, Function)} for a value made from other values of the
     * read model: taken before reading them.
     */
    public long epoch() {
        return keys.epoch();
    }

    /** As {@link #get(String, Supplier, Function)}, for a value whose reading began at {@code epochAtStart}. */
    @SuppressWarnings("unchecked")
    public <T> T get(String name, long epochAtStart, Supplier<T> read,
            Function<? super T, ? extends Collection<String>> keysOf) {
        if (!properties.enabled()) {
            return read.get();
        }
        long now = System.nanoTime();
        Entry entry = entries.get(name);
        if (entry != null && entry.expiresAt - now > 0) {
            entry.lastUsed = now;
            return (T) entry.value;
        }
        long epoch = Math.min(epochAtStart, keys.epoch());
        T value = read.get();
        keep(name, new Entry(value, Set.copyOf(keysOf.apply(value)), now, now + properties.ttl().toNanos()), epoch);
        return value;
    }

    private synchronized void keep(String name, Entry entry, long epochAtStart) {
        if (keys.evictedSince(entry.keys, epochAtStart)) {
            return;
        }
        remove(name);
        entries.put(name, entry);
        keys.add(name, entry.keys);
        if (entries.size() > properties.maxEntries()) {
            shrink(properties.maxEntries() - properties.maxEntries() / 10);
        }
    }

    /** Drops every value carrying any of these keys. */
    public synchronized void evict(Collection<String> evictedKeys) {
        keys.evict(evictedKeys).forEach(this::remove);
    }

    /** How many values are kept (for tests and the operations page). */
    public int size() {
        return entries.size();
    }

    private void shrink(int target) {
        List<Map.Entry<String, Entry>> all = new ArrayList<>(entries.entrySet());
        all.sort(Comparator.comparingLong(e -> e.getValue().lastUsed));
        for (int i = 0; i < all.size() && entries.size() > target; i++) {
            remove(all.get(i).getKey());
        }
    }

    private void remove(String name) {
        Entry entry = entries.remove(name);
        if (entry != null) {
            keys.remove(name, entry.keys);
        }
    }
}
