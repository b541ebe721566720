package org.shortwave.site;

import java.util.List;
import org.shortwave.content.Section;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Texts;

/**
 * What every public page carries around its content: the edition, its interface texts, the main menu, the way
 * to the other editions, the stylesheet, and the page's title and canonical path (and its absolute URL, from
 * {@code shortwave.public-url}).
 */
public record Chrome(Edition edition, Texts texts, List<Section> sections, List<Edition> otherEditions,
        String stylesheet, String title, String canonicalPath, String canonicalUrl, int year, java.time.Instant now) {

    /** The document title: the page's own, then the site's name (just the site's name on the home page). */
    public String fullTitle() {
        return title.equals(edition.siteName()) ? title : title + " - " + edition.siteName();
    }

    public String yearText() {
        return String.valueOf(year);
    }

    /**
     * When a story went out, as a teaser shows it: relative within the last day ({@code 3 hours ago}, from ICU in
     * the edition's language), else its date.
     */
    public String when(java.time.Instant instant) {
        return java.time.Duration.between(instant, now).toHours() < 24 ? edition.formatRelative(instant, now)
                : edition.formatDate(instant);
    }

    public String t(String key) {
        return texts.get(key);
    }

    public String t(String key, Object... args) {
        return texts.format(key, args);
    }
}
