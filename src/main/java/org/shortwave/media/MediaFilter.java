package org.shortwave.media;

import java.util.Locale;

/**
 * Which items of the library to list: a kind ({@code image}, {@code video}, or null for both), words the alt text,
 * caption, credit or title must contain (null or blank for any), an edition the items must belong to (null for any
 * the user may see), and a page ({@code offset}, at most {@code limit} items, newest first). Posters (decorative
 * images, without alt text) are never listed: they come with their video.
 */
public record MediaFilter(String kind, String text, String edition, int offset, int limit) {

    public static final int MAX_LIMIT = 500;

    public MediaFilter {
        kind = kind == null || kind.isBlank() ? null : kind.strip().toLowerCase(Locale.ROOT);
        if (kind != null && !kind.equals("image") && !kind.equals("video")) {
            throw new IllegalArgumentException("kind must be image or video");
        }
        text = text == null || text.isBlank() ? null : text.strip();
        edition = edition == null || edition.isBlank() ? null : edition.strip();
        offset = Math.max(0, offset);
        limit = Math.clamp(limit, 1, MAX_LIMIT);
    }

    /** The newest items of a kind, any edition, no words. */
    public static MediaFilter newest(String kind, int limit) {
        return new MediaFilter(kind, null, null, 0, limit);
    }

    public MediaFilter inEdition(String editionCode) {
        return new MediaFilter(kind, text, editionCode, offset, limit);
    }

    public MediaFilter page(int newOffset, int newLimit) {
        return new MediaFilter(kind, text, edition, newOffset, newLimit);
    }
}
