package org.shortwave.cache;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Evicts surrogate keys: from this node's read model, then its pages (so a page rendered after that reads the
 * change), then, for a change every node hears, from the shared caches through the purge hooks. Which change evicts
 * which keys is not this package's business: the public site owns that rule (its caching package).
 */
@Component
public class PageEvictions {

    private static final Logger log = LoggerFactory.getLogger(PageEvictions.class);

    private final PageCache cache;
    private final ReadModel readModel;
    private final List<PurgeHook> hooks;

    PageEvictions(PageCache cache, ReadModel readModel, List<PurgeHook> hooks) {
        this.cache = cache;
        this.readModel = readModel;
        this.hooks = hooks;
    }

    /** Evicts here and asks every purge hook to evict from the caches in front of the nodes. */
    public void evictAndPurge(Set<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        int evicted = evictHere(keys);
        log.debug("Evicted {} pages for {}", evicted, keys);
        for (PurgeHook hook : hooks) {
            try {
                hook.purge(keys);
            } catch (RuntimeException e) {
                log.warn("Purge hook {} failed for {}: {}", hook.getClass().getSimpleName(), keys, e.toString());
            }
        }
    }

    /** Evicts from this node's read model, then its pages; returns how many pages went. */
    public int evictHere(Set<String> keys) {
        readModel.evict(keys);
        return cache.evict(keys);
    }
}
