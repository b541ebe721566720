package org.shortwave.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.shortwave.content.Article;
import org.shortwave.content.ArticleTeaser;
import org.shortwave.content.PublishedArticles;
import org.shortwave.content.Taxonomy;
import org.shortwave.i18n.Edition;
import org.shortwave.search.internal.ArticleText;
import org.shortwave.search.internal.Fields;
import org.shortwave.search.internal.QueryBuilder;
import org.shortwave.search.internal.Snippets;
import org.springframework.stereotype.Service;

/**
 * Searches an edition. The index proposes article ids; every one is re-read through {@link PublishedArticles}, so
 * a result is always public and current, however far behind the index is.
 */
@Service
public class SearchService {

    static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, newestFirst());
    static final Sort BY_DATE = new Sort(newestFirst(), SortField.FIELD_SCORE);

    private final SearchIndexing indexing;
    private final PublishedArticles articles;
    private final Taxonomy taxonomy;
    private final QueryBuilder queries;
    private final Snippets snippets;

    SearchService(SearchIndexing indexing, PublishedArticles articles, Taxonomy taxonomy) {
        this.indexing = indexing;
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.queries = new QueryBuilder(indexing.analyzers());
        this.snippets = new Snippets(indexing.analyzers());
    }

    /** Runs a search; throws {@link InvalidSearchException} for a section or topic the edition does not have. */
    public SearchResults search(Edition edition, SearchQuery query) {
        checkFilters(edition, query);
        String key = indexing.analyzerKey(edition.code());
        Query words = query.isEmpty() ? null : queries.words(query.words(), key);
        if (words == null) {
            return SearchResults.none(query);
        }
        Query filtered = filtered(edition, query, words);
        int end = query.page() * SearchQuery.PAGE_SIZE;
        record Page(long total, List<Long> ids) { }
        Page page = indexing.index().search(searcher -> {
            TopDocs top = searcher.search(filtered, end, query.sort() == SearchQuery.Sort.DATE ? BY_DATE : BY_RELEVANCE);
            List<Long> ids = new ArrayList<>();
            var stored = searcher.storedFields();
            for (int i = end - SearchQuery.PAGE_SIZE; i < top.scoreDocs.length; i++) {
                ScoreDoc hit = top.scoreDocs[i];
                ids.add(Long.parseLong(stored.document(hit.doc).get(Fields.ID)));
            }
            return new Page(searcher.count(filtered), ids);
        });
        List<SearchHit> hits = new ArrayList<>();
        for (long id : page.ids()) {
            articles.find(id).filter(a -> a.editionCode().equals(edition.code()))
                    .ifPresent(article -> hits.add(new SearchHit(teaser(article),
                            snippets.of(words, key, ArticleText.body(article)))));
        }
        return new SearchResults(query, page.total(), List.copyOf(hits));
    }

    private void checkFilters(Edition edition, SearchQuery query) {
        if (query.sectionId() != null && taxonomy.section(edition.code(), query.sectionId()).isEmpty()) {
            throw new InvalidSearchException("section");
        }
        if (query.topicId() != null && taxonomy.topic(edition.code(), query.topicId()).isEmpty()) {
            throw new InvalidSearchException("topic");
        }
    }

    private static Query filtered(Edition edition, SearchQuery query, Query words) {
        BooleanQuery.Builder all = new BooleanQuery.Builder()
                .add(words, Occur.MUST)
                .add(new TermQuery(new Term(Fields.EDITION, edition.code())), Occur.FILTER);
        Optional.ofNullable(query.sectionId()).ifPresent(id ->
                all.add(new TermQuery(new Term(Fields.SECTION, id.toString())), Occur.FILTER));
        Optional.ofNullable(query.topicId()).ifPresent(id ->
                all.add(new TermQuery(new Term(Fields.TOPIC, id.toString())), Occur.FILTER));
        if (query.from() != null || query.to() != null) {
            long from = query.from() == null ? Long.MIN_VALUE : startOf(edition, query.from());
            long to = query.to() == null ? Long.MAX_VALUE : startOf(edition, query.to().plusDays(1)) - 1;
            all.add(LongPoint.newRangeQuery(Fields.PUBLISHED, from, to), Occur.FILTER);
        }
        return all.build();
    }

    /** A day starts at midnight in the edition's time zone: readers pick dates as their edition shows them. */
    private static long startOf(Edition edition, LocalDate day) {
        return day.atStartOfDay(edition.timeZone()).toInstant().toEpochMilli();
    }

    static ArticleTeaser teaser(Article article) {
        return new ArticleTeaser(article.id(), article.editionCode(), article.slug(), article.headline(),
                article.lead(), article.publishedAt(), article.mainImageId());
    }

    private static SortField newestFirst() {
        return new SortField(Fields.PUBLISHED, SortField.Type.LONG, true);
    }
}
