package org.shortwave.cache;

import java.util.Set;

/**
 * Tells a cache in front of Shortwave (a CDN, Varnish) which surrogate keys to drop. Called on every node after its
 * own page cache evicted them, so a shared cache that refetches at once gets a fresh page from any node. Must not
 * throw; failures are the hook's to log.
 */
public interface PurgeHook {

    void purge(Set<String> keys);
}
