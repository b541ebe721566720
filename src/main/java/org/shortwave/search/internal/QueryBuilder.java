package org.shortwave.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds Lucene queries from a reader's words, programmatically: no query syntax ever reaches Lucene.
 *
 * <p>Every word must match (AND). A word that analyzes to several tokens (a Chinese phrase or a name the segmenter
 * splits, a hyphenated word) must match them adjacent and in order (a phrase), so 林晓雨 never matches a text that
 * only has 林. A word matches in any of the language's text fields, the headline weighing more.
 */
public final class QueryBuilder {

    private final Analyzer analyzer;

    public QueryBuilder(LanguageAnalyzers analyzers) {
        this.analyzer = analyzers.perField();
    }

    /** The query for the words in the language of {@code analyzerKey}, or null if no word has searchable tokens. */
    public Query words(List<String> words, String analyzerKey) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (String word : words) {
            Query any = anyField(word, analyzerKey);
            if (any != null) {
                all.add(any, Occur.MUST);
                clauses++;
            }
        }
        return clauses == 0 ? null : all.build();
    }

    private Query anyField(String word, String analyzerKey) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (String field : Fields.textFields(analyzerKey)) {
            Query query = phrase(field, word);
            if (query != null) {
                any.add(field.startsWith(Fields.HEADLINE) ? new BoostQuery(query, Fields.HEADLINE_BOOST) : query,
                        Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : any.build();
    }

    /** The word's tokens in this field's analysis: one term, or a phrase keeping the analyzer's positions. */
    private Query phrase(String field, String word) {
        List<String> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(field, word)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            int position = -1;
            while (tokens.incrementToken()) {
                position += increment.getPositionIncrement();
                terms.add(term.toString());
                positions.add(position);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (terms.isEmpty()) {
            return null;
        }
        if (terms.size() == 1) {
            return new TermQuery(new Term(field, terms.getFirst()));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            phrase.add(new Term(field, terms.get(i)), positions.get(i) - positions.getFirst());
        }
        return phrase.build();
    }
}
