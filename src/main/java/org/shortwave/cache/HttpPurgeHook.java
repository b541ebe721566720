package org.shortwave.cache;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generic purge hook: one HTTP request per eviction, e.g. {@code PURGE /} with {@code xkey-purge: a12 s3 e:en}
 * for Varnish's xkey module. Sent in the background; a failure or a non-2xx answer is logged and never fails the
 * change that caused it (the shared cache then serves the old page until its s-maxage ends).
 *
 * <p>Each purge is sent twice. The shared cache may be fetching a page from a node that has not yet seen the change
 * (each node learns of it from the change feed in its own time) while the first purge passes; that old copy would
 * then stay for its whole s-maxage. The second purge, a moment later, drops it. A two-node test through Varnish
 * caught it: once in 20 unpublications under load, the old page stayed.
 */
public class HttpPurgeHook implements PurgeHook {

    private static final Logger log = LoggerFactory.getLogger(HttpPurgeHook.class);

    private final PurgeProperties properties;
    private final HttpClient client;

    public HttpPurgeHook(PurgeProperties properties) {
        this.properties = properties;
        this.client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @Override
    public void purge(Set<String> keys) {
        send(keys);
        if (keys.isEmpty() || properties.repeatAfter().isZero()) {
            return;
        }
        Set<String> again = Set.copyOf(keys);
        CompletableFuture.runAsync(() -> send(again),
                CompletableFuture.delayedExecutor(properties.repeatAfter().toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Sends the purge; the future completes (never exceptionally) when it was answered or failed. */
    CompletableFuture<Void> send(Set<String> keys) {
        if (keys.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String value = String.join(" ", keys);
        URI url = properties.url();
        HttpRequest request = HttpRequest.newBuilder(url)
                .method(properties.method(), HttpRequest.BodyPublishers.noBody())
                .header(properties.header(), value)
                .timeout(properties.timeout())
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    if (failure != null) {
                        log.warn("Purge of [{}] at {} failed: {}", value, url, failure.toString());
                    } else if (response.statusCode() / 100 != 2) {
                        log.warn("Purge of [{}] at {} answered {}", value, url, response.statusCode());
                    }
                    return null;
                });
    }
}
