package org.shortwave.site.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriUtils;

/** URL rules of the public site shared by its controllers (DESIGN.md section 5). */
final class SitePaths {

    /** An edition code in a URL: {@code en}, {@code zh-hans}. Keeps /media and /assets out of the edition routes. */
    static final String EDITION_CODE = "[a-z]{2,3}(?:-[a-z0-9]{2,8})*";
    /** The same as a path variable of a route. */
    static final String EDITION = "{edition:" + EDITION_CODE + "}";

    static final CacheControl PAGE_CACHE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

    private SitePaths() {
    }

    /** The numeric id of a URL segment's {@code a-123}, or empty when it is not a well-formed id. */
    static Optional<Long> id(String text) {
        return ID.matcher(text).matches() ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    /**
     * The edition a request is for: the one its path names ({@code /zh-hans/...}; for an error, the path that failed),
     * else the one the reader's languages prefer, else the default.
     */
    static Optional<Edition> editionOf(Editions editions, HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed != null ? failed.toString() : request.getRequestURI();
        int end = path.indexOf('/', 1);
        String first = end < 0 ? path.substring(Math.min(1, path.length())) : path.substring(1, end);
        return editions.find(first).or(() -> editions.bestFor(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    /** A 301 to a canonical path, percent-encoded for the Location header (slugs may be in any script). */
    static ModelAndView movedPermanently(String path) {
        RedirectView view = new RedirectView(UriUtils.encodePath(path, StandardCharsets.UTF_8));
        view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }
}
