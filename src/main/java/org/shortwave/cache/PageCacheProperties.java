package org.shortwave.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the page cache ({@code shortwave.page-cache.*}).
 *
 * @param enabled keep rendered pages in memory (off: every request renders; headers, ETags and 304s stay)
 * @param maxBytes the memory budget of the stored pages
 * @param ttl the longest an entry lives; changes evict entries at once, this only bounds what the change log does
 *     not carry (a section renamed)
 * @param sharedMaxAge the {@code s-maxage} of public answers (never below their {@code max-age}); raise it when a
 *     purge hook keeps the shared cache in step
 * @param mostReadCheck how often the most-read lists are compared with what pages show
 */
@ConfigurationProperties("shortwave.page-cache")
public record PageCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("128MB") DataSize maxBytes,
        @DefaultValue("10m") Duration ttl, @DefaultValue("60s") Duration sharedMaxAge,
        @DefaultValue("60s") Duration mostReadCheck) {
}
