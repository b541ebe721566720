package org.shortwave.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.shortwave.content.Article;
import org.shortwave.content.ArticleTeaser;
import org.shortwave.content.PublishedArticles;
import org.shortwave.search.internal.ArticleDocuments;
import org.shortwave.search.internal.ArticleText;
import org.shortwave.search.internal.Fields;
import org.springframework.stereotype.Service;

/**
 * Stories like a given one, from the same edition: Lucene's MoreLikeThis over the article's own words (its most
 * distinctive terms), newest first among equal scores. Never the article itself; only public stories (re-read
 * through {@link PublishedArticles}).
 */
@Service
public class RelatedContent {

    private static final int MAX_QUERY_TERMS = 25;
    /** Share of the article's distinctive terms a story must have too: one common word does not make it related. */
    private static final float MIN_SHARED = 0.2f;

    private final SearchIndexing indexing;
    private final PublishedArticles articles;

    RelatedContent(SearchIndexing indexing, PublishedArticles articles) {
        this.indexing = indexing;
        this.articles = articles;
    }

    /** Up to {@code limit} stories similar to {@code article}, leaving out {@code excluded} ids. */
    public List<ArticleTeaser> like(Article article, Collection<Long> excluded, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String field = Fields.TEXT + "." + indexing.analyzerKey(article.editionCode());
        List<Long> ids = indexing.index().search(searcher -> {
            MoreLikeThis similar = new MoreLikeThis(searcher.getIndexReader());
            similar.setAnalyzer(indexing.analyzers().perField());
            similar.setFieldNames(new String[] {field});
            similar.setMinTermFreq(1);
            similar.setMinDocFreq(2); // a word in no other story says nothing about likeness
            similar.setMaxQueryTerms(MAX_QUERY_TERMS);
            Query like = enoughInCommon(similar.like(field,
                    new StringReader(article.headline() + "\n" + ArticleText.body(article))));
            BooleanQuery.Builder query = new BooleanQuery.Builder()
                    .add(like, Occur.MUST)
                    .add(new TermQuery(new Term(Fields.EDITION, article.editionCode())), Occur.FILTER)
                    .add(new TermQuery(ArticleDocuments.idTerm(article.id())), Occur.MUST_NOT);
            for (long id : excluded) {
                query.add(new TermQuery(ArticleDocuments.idTerm(id)), Occur.MUST_NOT);
            }
            List<Long> found = new ArrayList<>();
            var stored = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(query.build(), limit, SearchService.BY_RELEVANCE).scoreDocs) {
                found.add(Long.parseLong(stored.document(hit.doc).get(Fields.ID)));
            }
            return found;
        });
        return articles.teasers(ids);
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
}
