package org.shortwave.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the read model's memory ({@code shortwave.read-model.*}, see {@link ReadModel}).
 *
 * @param enabled keep what public pages read in memory (off: every render reads the database)
 * @param maxEntries how many values are kept; the least recently used go first
 * @param ttl the longest a value is kept, a safety net like the page cache's
 */
@ConfigurationProperties("shortwave.read-model")
public record ReadModelProperties(@DefaultValue("true") boolean enabled, @DefaultValue("50000") int maxEntries,
        @DefaultValue("10m") Duration ttl) {
}
