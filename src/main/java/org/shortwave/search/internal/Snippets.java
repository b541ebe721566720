package org.shortwave.search.internal;

import java.io.IOException;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Encoder;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;

/**
 * Snippets of an article's text around the words searched for, as HTML: the text escaped, the matches in
 * {@code <mark>}. Nothing else of the article's markup survives (the text is plain before it gets here).
 */
public final class Snippets {

    static final int FRAGMENT_CHARS = 90;
    static final int FRAGMENTS = 2;
    private static final Encoder ESCAPE = Snippets::escape;

    private final LanguageAnalyzers analyzers;

    public Snippets(LanguageAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** The best fragments of {@code text} for the query, or the text's start if no word of it is in the text. */
    public String of(Query query, String analyzerKey, String text) {
        for (String field : Fields.highlightFields(analyzerKey)) {
            String marked = highlight(query, field, text);
            if (marked != null) {
                return marked;
            }
        }
        return escape(abbreviate(text));
    }

    private String highlight(Query query, String field, String text) {
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), ESCAPE,
                new QueryScorer(query, field));
        highlighter.setTextFragmenter(new SimpleFragmenter(FRAGMENT_CHARS));
        try (TokenStream tokens = analyzers.perField().tokenStream(field, text)) {
            String best = highlighter.getBestFragments(tokens, text, FRAGMENTS, " … ");
            return best == null || best.isBlank() ? null : best.strip();
        } catch (IOException | InvalidTokenOffsetsException e) {
            return null; // a snippet is never worth failing a search for: the text's opening will do
        }
    }

    private static String abbreviate(String text) {
        int end = Math.min(text.length(), FRAGMENT_CHARS * FRAGMENTS);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return end < text.length() ? text.substring(0, end) + "…" : text;
    }

    /** HTML-escapes the characters that matter in text and attributes; every other character stays as it is. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
