package org.shortwave.site.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriUtils;

/** URL rules of the public site shared by its controllers (DESIGN.md section 5). */
final class SitePaths {

    /** An edition code in a URL: {@code en}, {@code zh-hans}. Keeps /media and /assets out of the edition routes. */
    static final String EDITION = "{edition:[a-z]{2,3}(?:-[a-z0-9]{2,8})*}";

    static final CacheControl PAGE_CACHE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

    private SitePaths() {
    }

    /** The numeric id of a URL segment's {@code a-123}, or empty when it is not a well-formed id. */
    static Optional<Long> id(String text) {
        return ID.matcher(text).matches() ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    /** A 301 to a canonical path, percent-encoded for the Location header (slugs may be in any script). */
    static ModelAndView movedPermanently(String path) {
        RedirectView view = new RedirectView(UriUtils.encodePath(path, StandardCharsets.UTF_8));
        view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }
}
