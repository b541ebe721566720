package org.shortwave.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.shortwave.search.internal.LanguageAnalyzers;
import org.shortwave.search.internal.QueryBuilder;

/**
 * The search query parser on arbitrary request parameters: it refuses with {@link InvalidSearchException} or gives
 * a query within the limits, with no query syntax left in its words, that Lucene's query building accepts.
 */
class SearchQueryFuzzTest {

    private static final QueryBuilder QUERIES = new QueryBuilder(new LanguageAnalyzers());
    private static final String[] NAMES = {"q", "page", "section", "topic", "from", "to", "sort", "edition", "x"};

    @FuzzTest
    void parsesOrRefuses(FuzzedDataProvider data) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        int count = data.consumeInt(0, 4);
        for (int i = 0; i < count; i++) {
            String name = data.pickValue(NAMES);
            parameters.put(name, new String[] {data.consumeString(300)});
        }
        parameters.put("q", new String[] {data.consumeRemainingAsString()});
        SearchQuery query;
        try {
            query = SearchQuery.parse(parameters, Set.of("edition"));
        } catch (InvalidSearchException refused) {
            return;
        }
        assertThat(query.words()).hasSizeLessThanOrEqualTo(SearchQuery.MAX_WORDS);
        assertThat(query.page()).isBetween(1, SearchQuery.MAX_PAGE);
        for (String word : query.words()) {
            assertThat(word).doesNotContainPattern("[:*?~^\\\\\\[\\]{}()|!]");
        }
        if (!query.isEmpty()) {
            QUERIES.words(query.words(), LanguageAnalyzers.CHINESE);
            QUERIES.words(query.words(), LanguageAnalyzers.STANDARD);
            QUERIES.words(query.words(), "fa");
        }
    }
}
