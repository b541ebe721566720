package org.shortwave.site.caching;

import java.util.Collection;
import java.util.List;
import org.shortwave.content.ArticleTeaser;

/**
 * Names of the surrogate keys (the {@code Surrogate-Key} response header, and what the page cache and the purge hook
 * evict by). A change to content evicts the keys naming what it touched; see docs/performance.md for the table.
 */
public final class SurrogateKeys {

    /** Every sitemap (they list every public article, too many to name each). */
    public static final String SITEMAPS = "sitemap";
    /** Every feed. */
    public static final String FEEDS = "feed";
    /** Every answer of the content API. */
    public static final String API = "api";

    private SurrogateKeys() {
    }

    /** The article's page and every page, feed or API answer that lists it. */
    public static String article(long id) {
        return "a" + id;
    }

    /** The lists of a section's latest stories: the section page and feed, its block on the home page. */
    public static String section(long id) {
        return "s" + id;
    }

    /** The lists of a topic's latest stories: the topic page and feed. */
    public static String topic(long id) {
        return "t" + id;
    }

    /**
     * The edition's lists of latest stories: its home page, the "more stories" block of its article pages, its feed,
     * its news sitemap, the API's article lists.
     */
    public static String edition(String code) {
        return "e:" + code;
    }

    /** The edition's top stories (pinned by editors, then most read), shown on its article pages. */
    public static String topStories(String code) {
        return "top:" + code;
    }

    /**
     * The edition's sections, topics and settings as read by the read model (the section menu, an article's section
     * name). Only their own changes evict it, not every publish as the edition's key; pages do not carry it.
     */
    public static String taxonomy(String code) {
        return "tax:" + code;
    }

    public static List<String> articles(Collection<ArticleTeaser> teasers) {
        return teasers.stream().map(t -> article(t.id())).toList();
    }
}
