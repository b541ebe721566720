package org.shortwave.cache;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * How a controller offers its answer to the page cache: it names the page kind and the surrogate keys of what the
 * answer shows. Only answers marked this way are stored, and only when the page cache's rules allow (public GET,
 * no credentials, status 200, 301 or 404, no Set-Cookie, not private or no-store). Calls outside a request do
 * nothing.
 */
public final class PageCaching {

    static final String ATTRIBUTE = PageCaching.class.getName() + ".tag";

    /** What a controller said of the answer it is making. */
    static final class Tag {
        PageKind kind;
        final Set<String> keys = new LinkedHashSet<>();
    }

    private PageCaching() {
    }

    /** Marks the current answer as a public page of this kind showing what these keys name. */
    public static void mark(PageKind kind, String... keys) {
        Tag tag = tag();
        if (tag != null) {
            tag.kind = kind;
            tag.keys.addAll(java.util.List.of(keys));
        }
    }

    /** Adds keys to the current answer (after {@link #mark}, or before it). */
    public static void addKeys(Collection<String> keys) {
        Tag tag = tag();
        if (tag != null) {
            tag.keys.addAll(keys);
        }
    }

    private static Tag tag() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return null;
        }
        Object tag = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (tag == null) {
            tag = new Tag();
            attributes.setAttribute(ATTRIBUTE, tag, RequestAttributes.SCOPE_REQUEST);
        }
        return (Tag) tag;
    }
}
