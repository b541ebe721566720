package org.shortwave.cache;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generic purge hook: one HTTP request per eviction, e.g. {@code PURGE /} with {@code xkey-purge: a12 s3 e:en}
 * for Varnish's xkey module. Sent in the background; a failure or a non-2xx answer is logged and never fails the
 * change that caused it (the shared cache then serves the old page until its s-maxage ends).
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
