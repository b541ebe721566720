package org.shortwave.site.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.shortwave.content.Section;
import org.shortwave.search.SearchQuery;
import org.shortwave.search.SearchResults;
import org.shortwave.site.Chrome;

/**
 * The search page: the form (filled in with the reader's search), and either results or the reason the search
 * could not be run ({@code error}, already in the page's language).
 */
public record SearchPage(Chrome chrome, SearchQuery query, SearchResults results, String error) {

    public String action() {
        return "/" + chrome.edition().code() + "/search";
    }

    public List<Section> sections() {
        return chrome.sections();
    }

    public boolean selected(Section section) {
        return query != null && query.sectionId() != null && query.sectionId() == section.id();
    }

    public String text() {
        return query == null ? "" : query.text();
    }

    public String from() {
        return date(query == null ? null : query.from());
    }

    public String to() {
        return date(query == null ? null : query.to());
    }

    public boolean byDate() {
        return query != null && query.sort() == SearchQuery.Sort.DATE;
    }

    public String topic() {
        return query == null || query.topicId() == null ? null : query.topicId().toString();
    }

    public boolean hasResults() {
        return results != null && !results.hits().isEmpty();
    }

    /** The address of another page of the same search. */
    public String pageUrl(int page) {
        List<String> parameters = new ArrayList<>();
        add(parameters, "q", query.text());
        add(parameters, "section", query.sectionId() == null ? null : query.sectionId().toString());
        add(parameters, "topic", topic());
        add(parameters, "from", from());
        add(parameters, "to", to());
        add(parameters, "sort", query.sort() == SearchQuery.Sort.RELEVANCE ? null : query.sort().parameter());
        add(parameters, "page", page == 1 ? null : Integer.toString(page));
        return action() + "?" + String.join("&", parameters);
    }

    private static void add(List<String> parameters, String name, String value) {
        if (value != null && !value.isEmpty()) {
            parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
