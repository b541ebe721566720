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
        String stylesheet, String title, String canonicalPath, String canonicalUrl, int year) {

    /** The document title: the page's own, then the site's name (just the site's name on the home page). */
    public String fullTitle() {
        return title.equals(edition.siteName()) ? title : title + " - " + edition.siteName();
    }

    public String yearText() {
        return String.valueOf(year);
    }

    public String t(String key) {
        return texts.get(key);
    }

    public String t(String key, Object... args) {
        return texts.format(key, args);
    }
}
