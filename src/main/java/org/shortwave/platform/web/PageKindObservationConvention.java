package org.shortwave.platform.web;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Adds a {@code page} tag to the {@code http.server.requests} metric: what kind of page was asked for (article,
 * section, home, search, feed, media...), so that request counts and times (which include the template's rendering)
 * can be read by page kind. Told from the matched route, never from the raw path, so the tag's values stay few.
 */
@Component
public class PageKindObservationConvention extends DefaultServerRequestObservationConvention {

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of("page", kind(context.getPathPattern(),
                context.getCarrier().getRequestURI())));
    }

    /** The page kind of a matched route pattern (or, when none matched, of the path's start). */
    static String kind(String pattern, String path) {
        String p = pattern != null ? pattern : path == null ? "" : path;
        if (p.startsWith("/admin")) {
            return "newsroom";
        }
        if (p.startsWith("/api/admin")) {
            return "admin-api";
        }
        if (p.startsWith("/api")) {
            return "api";
        }
        if (p.startsWith("/media")) {
            return "media";
        }
        if (p.startsWith("/assets")) {
            return "asset";
        }
        if (p.startsWith("/actuator") || p.startsWith("/livez") || p.startsWith("/readyz")) {
            return "operations";
        }
        if (p.contains("sitemap") || p.equals("/robots.txt")) {
            return "sitemap";
        }
        if (p.contains("feed.")) {
            return "feed";
        }
        if (p.endsWith("/search")) {
            return "search";
        }
        if (p.contains("/a-")) {
            return "article";
        }
        if (p.contains("/s-")) {
            return "section";
        }
        if (p.contains("/t-")) {
            return "topic";
        }
        String rest = p.replaceFirst("^/\\{edition[^/]*", ""); // the edition's pattern has no slash
        if (p.equals("/") || (pattern != null && (rest.isEmpty() || rest.equals("/")))) {
            return "home";
        }
        return pattern == null ? "unmatched" : "other";
    }
}
