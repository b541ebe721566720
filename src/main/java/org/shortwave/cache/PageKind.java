package org.shortwave.cache;

import java.time.Duration;

/**
 * The kinds of public answer the page cache keeps, each with its HTTP caching policy. {@code maxAge} is for browsers;
 * shared caches (a CDN, Varnish) get at least {@code shortwave.page-cache.shared-max-age}, because the purge hook
 * tells them of every change; {@code staleWhileRevalidate} lets them answer at once while they fetch a fresh copy,
 * and every kind may be served stale for a day when Shortwave fails ({@code stale-if-error}).
 */
public enum PageKind {
    /** The edition home: changes with every publish, so browsers keep it briefly. */
    HOME(30, 30),
    ARTICLE(60, 60),
    /** Section and topic pages. */
    LISTING(60, 60),
    FEED(300, 60),
    SITEMAP(300, 300),
    /** The public content API. */
    API(60, 30);

    static final Duration STALE_IF_ERROR = Duration.ofDays(1);

    private final int maxAge;
    private final int staleWhileRevalidate;

    PageKind(int maxAge, int staleWhileRevalidate) {
        this.maxAge = maxAge;
        this.staleWhileRevalidate = staleWhileRevalidate;
    }

    /** The Cache-Control value of this kind, given the shared caches' max age. */
    String cacheControl(Duration sharedMaxAge) {
        long shared = Math.max(maxAge, sharedMaxAge.toSeconds());
        return "public, max-age=" + maxAge + ", s-maxage=" + shared + ", stale-while-revalidate="
                + staleWhileRevalidate + ", stale-if-error=" + STALE_IF_ERROR.toSeconds();
    }
}
