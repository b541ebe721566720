package org.shortwave.search;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.shortwave.content.Article;
import org.shortwave.content.ArticleTeaser;
import org.shortwave.content.PublishedArticles;
import org.shortwave.search.internal.ArticleDocuments;
import org.shortwave.search.internal.ArticleText;
import org.shortwave.search.internal.Fields;
import org.shortwave.search.internal.LuceneIndex;
import org.springframework.stereotype.Service;

/**
 * Stories like a given one, from the same edition: Lucene's MoreLikeThis over the article's own words (its most
 * distinctive terms), newest first among equal scores. Never the article itself; only public stories (re-read
 * through {@link PublishedArticles} on every call, so a story unpublished since is never shown).
 *
 * <p>The words come from the term vector the index keeps of the story's text, not from analysing the text again
 * (the Chinese segmenter made this most of an article page's cost). The ids found are remembered per article,
 * exclusions and index generation: any commit of the index makes every remembered list out of date.
 */
@Service
public class RelatedContent {

    private static final int MAX_QUERY_TERMS = 25;
    /** Share of the article's distinctive terms a story must have too: one common word does not make it related. */
    private static final float MIN_SHARED = 0.2f;
    /** Remembered lists (a few ids each): a few hundred bytes each, for the stories read most. */
    static final int REMEMBERED = 10_000;

    private final SearchIndexing indexing;
    private final PublishedArticles articles;
    private final Map<Question, Answer> remembered = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Question, Answer> eldest) {
            return size() > REMEMBERED;
        }
    };

    RelatedContent(SearchIndexing indexing, PublishedArticles articles) {
        this.indexing = indexing;
        this.articles = articles;
    }

    /** Up to {@code limit} stories similar to {@code article}, leaving out {@code excluded} ids. */
    public List<ArticleTeaser> like(Article article, Collection<Long> excluded, int limit) {
        return articles.teasers(likeIds(article, excluded, limit));
    }

    /**
     * The ids of {@link #like}'s stories, most alike first, some perhaps no longer public: for a caller that reads
     * their teasers itself (through {@link PublishedArticles}).
     */
    public List<Long> likeIds(Article article, Collection<Long> excluded, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        LuceneIndex index = indexing.index();
        Question question = new Question(article.id(), article.updatedAt(), Set.copyOf(excluded), limit);
        long generation = index.generation(); // before searching: the search sees this state or a newer one
        Answer answer;
        synchronized (remembered) {
            answer = remembered.get(question);
        }
        if (answer == null || answer.generation() != generation) {
            answer = new Answer(generation, index.search(searcher -> similar(searcher, article, question)));
            synchronized (remembered) {
                remembered.put(question, answer);
            }
        }
        return answer.ids();
    }

    private List<Long> similar(IndexSearcher searcher, Article article, Question question) throws IOException {
        String field = Fields.text(indexing.analyzerKey(article.editionCode()));
        MoreLikeThis similar = new MoreLikeThis(searcher.getIndexReader());
        similar.setAnalyzer(indexing.analyzers().perField());
        similar.setFieldNames(new String[] {field});
        similar.setMinTermFreq(1);
        similar.setMinDocFreq(2); // a word in no other story says nothing about likeness
        similar.setMaxQueryTerms(MAX_QUERY_TERMS);
        int doc = indexed(searcher, article.id(), field);
        // Not indexed yet (just published), or indexed before term vectors were kept: analyse its text.
        Query like = enoughInCommon(doc >= 0 ? similar.like(doc)
                : similar.like(field, new StringReader(ArticleText.searchable(article))));
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(like, Occur.MUST)
                .add(new TermQuery(new Term(Fields.EDITION, article.editionCode())), Occur.FILTER)
                .add(new TermQuery(ArticleDocuments.idTerm(article.id())), Occur.MUST_NOT);
        for (long id : question.excluded()) {
            query.add(new TermQuery(ArticleDocuments.idTerm(id)), Occur.MUST_NOT);
        }
        List<Long> found = new ArrayList<>();
        var stored = searcher.storedFields();
        for (ScoreDoc hit : searcher.search(query.build(), question.limit(), SearchService.BY_RELEVANCE).scoreDocs) {
            found.add(Long.parseLong(stored.document(hit.doc).get(Fields.ID)));
        }
        return List.copyOf(found);
    }

    /** The story's document if the index has it with the term vector of {@code field}, else -1. */
    private static int indexed(IndexSearcher searcher, long id, String field) throws IOException {
        ScoreDoc[] hits = searcher.search(new TermQuery(ArticleDocuments.idTerm(id)), 1).scoreDocs;
        if (hits.length == 0) {
            return -1;
        }
        int doc = hits[0].doc;
        return searcher.getIndexReader().termVectors().get(doc, field) != null ? doc : -1;
    }

    private static Query enoughInCommon(Query like) {
        if (!(like instanceof BooleanQuery terms) || terms.clauses().size() < 2) {
            return like;
        }
        int required = Math.max(2, Math.round(terms.clauses().size() * MIN_SHARED));
        BooleanQuery.Builder query = new BooleanQuery.Builder().setMinimumNumberShouldMatch(required);
        terms.clauses().forEach(query::add);
        return query.build();
    }

    /** What was asked: the article as of its last update, what the page already shows, how many. */
    private record Question(long articleId, Instant updatedAt, Set<Long> excluded, int limit) {
    }

    /** The ids found, and the index generation they were found in. */
    private record Answer(long generation, List<Long> ids) {
    }
}
