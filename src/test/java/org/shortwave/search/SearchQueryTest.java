package org.shortwave.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void wordsSplitOnSpacesOfAnyScriptAndQuotesKeepAPhrase() {
        assertThat(SearchQuery.words("台风　演练  drill")).containsExactly("台风", "演练", "drill");
        assertThat(SearchQuery.words("\"storm drill\" coast")).containsExactly("storm drill", "coast");
        assertThat(SearchQuery.words("“郑 海川”")).containsExactly("郑 海川");
    }

    @Test
    void aPlainSearchParsesWithDefaults() {
        SearchQuery query = parse(Map.of("q", "radio", "from", "2026-11-01", "sort", "date", "page", "2"));
        assertThat(query.words()).containsExactly("radio");
        assertThat(query.page()).isEqualTo(2);
        assertThat(query.from()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(query.sort()).isEqualTo(SearchQuery.Sort.DATE);
        assertThat(parse(Map.of()).isEmpty()).isTrue();
        assertThat(parse(Map.of("q", "radio", "section", "")).sectionId()).as("an empty form field is no filter").isNull();
    }

    @Test
    void everyBadInputHasItsReason() {
        assertReason(Map.of("q", "title:x OR *"), "syntax");
        assertReason(Map.of("q", "a".repeat(1024 * 1024)), "length");
        assertReason(Map.of("q", "x", "page", "-1"), "page");
        assertReason(Map.of("q", "x", "page", "0"), "page");
        assertReason(Map.of("q", "x", "page", "99999999999"), "page");
        assertReason(Map.of("q", "x", "title", "y"), "parameter");
        assertReason(Map.of("q", "x", "section", "-3"), "section");
        assertReason(Map.of("q", "x", "topic", "1e3"), "topic");
        assertReason(Map.of("q", "x", "to", "2026-02-30"), "date");
        assertReason(Map.of("q", "x", "from", "2026-03-02", "to", "2026-03-01"), "dates");
        assertReason(Map.of("q", "x", "sort", "score"), "sort");
        assertReason(Map.of("q", "tab\there"), "syntax");
    }

    @Test
    void parametersTheCallerOwnsAreAllowed() {
        assertThat(SearchQuery.parse(Map.of("edition", new String[] {"en"}, "q", new String[] {"x"}), Set.of("edition"))
                .words()).containsExactly("x");
    }

    private static void assertReason(Map<String, String> parameters, String reason) {
        assertThatThrownBy(() -> parse(parameters)).isInstanceOfSatisfying(InvalidSearchException.class,
                e -> assertThat(e.reason()).as(parameters.toString().substring(0, Math.min(80, parameters.toString().length())))
                        .isEqualTo(reason));
    }

    private static SearchQuery parse(Map<String, String> parameters) {
        Map<String, String[]> raw = new java.util.HashMap<>();
        parameters.forEach((k, v) -> raw.put(k, new String[] {v}));
        return SearchQuery.parse(raw, Set.of());
    }
}
