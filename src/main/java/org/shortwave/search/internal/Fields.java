package org.shortwave.search.internal;

import java.util.List;

/** Names of the index's fields. Text fields carry the analyzer key as a suffix ({@code text.zh}). */
public final class Fields {

    public static final String ID = "id";
    public static final String EDITION = "edition";
    public static final String SECTION = "section";
    public static final String TOPIC = "topic";
    /** Publication time in epoch milliseconds: a point for ranges, doc values for sorting. */
    public static final String PUBLISHED = "published";
    public static final String HEADLINE = "headline";
    public static final String TEXT = "text";
    static final String BIGRAM_SUFFIX = ".cjk";

    /** Boost of a match in the headline over one in the text. */
    static final float HEADLINE_BOOST = 3f;

    private Fields() {
    }

    /** The text fields searched for a language key: headline and text, and for Chinese their bigram twins. */
    static List<String> textFields(String key) {
        List<String> base = List.of(HEADLINE + "." + key, TEXT + "." + key);
        if (!key.equals(LanguageAnalyzers.CHINESE)) {
            return base;
        }
        return List.of(base.get(0), base.get(1), base.get(0) + BIGRAM_SUFFIX, base.get(1) + BIGRAM_SUFFIX);
    }

    /** The text field of a language key ({@code text.zh}): lead, body, authors and topics, with term vectors. */
    public static String text(String key) {
        return TEXT + "." + key;
    }

    /**
     * The fields highlighting tries, in order: for Chinese the bigrams first (they mark a whole name rather than its
     * pieces), then the words (a single character matches only there).
     */
    static List<String> highlightFields(String key) {
        return key.equals(LanguageAnalyzers.CHINESE) ? List.of(text(key) + BIGRAM_SUFFIX, text(key)) : List.of(text(key));
    }
}
