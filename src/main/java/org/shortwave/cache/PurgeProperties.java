package org.shortwave.cache;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP purge hook ({@code shortwave.purge.*}): after each eviction, one request to {@code url} with the evicted
 * surrogate keys, space-separated, in the header {@code header}, and the same again {@code repeatAfter} later (zero:
 * never). Off when {@code url} is unset.
 */
@ConfigurationProperties("shortwave.purge")
public record PurgeProperties(URI url, @DefaultValue("PURGE") String method, @DefaultValue("xkey-purge") String header,
        @DefaultValue("5s") Duration timeout, @DefaultValue("2s") Duration repeatAfter) {
}
