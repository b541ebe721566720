package org.shortwave.search;

import java.util.List;

/**
 * A page of results. {@code total} is the index's count of matches (articles it proposes); the hits are those the
 * database confirms as public, so a page can hold fewer than {@link SearchQuery#PAGE_SIZE} while the index catches up.
 */
public record SearchResults(SearchQuery query, long total, List<SearchHit> hits) {

    public static SearchResults none(SearchQuery query) {
        return new SearchResults(query, 0, List.of());
    }

    public int pages() {
        return (int) Math.min(SearchQuery.MAX_PAGE, (total + SearchQuery.PAGE_SIZE - 1) / SearchQuery.PAGE_SIZE);
    }

    public boolean hasPrevious() {
        return query.page() > 1;
    }

    public boolean hasNext() {
        return query.page() < pages();
    }
}
