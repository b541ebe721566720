package org.shortwave.distribution.web;

import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** URL pieces of the distribution surfaces; the same rules as the site's (DESIGN.md section 5). */
final class Paths {

    static final String EDITION = "{edition:[a-z]{2,3}(?:-[a-z0-9]{2,8})*}";
    static final String FEED = "feed.{format:rss|atom|json}";

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

    private Paths() {
    }

    static Optional<Long> id(String text) {
        return text != null && ID.matcher(text).matches() ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    /** Answered by the site's error page (localized 404), like any unknown page. */
    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
