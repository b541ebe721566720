package org.shortwave.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;

/** The search page and the search API over HTTP: results, localization, and a clear 400 for every bad input. */
class SearchPageIT extends AppTestBase {

    @Test
    void theSearchPageShowsHighlightedResultsInTheEditionsLanguage() {
        HttpResponse<String> response = get("/zh-hans/search?q=" + encode("短波"));
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("搜索");
        assertThat(page.select(".search-status").text()).startsWith("找到");
        assertThat(page.select("ol.search-results > li")).isNotEmpty();
        assertThat(page.select("ol.search-results mark")).isNotEmpty();
        assertThat(page.select("ol.search-results a").first().attr("href")).startsWith("/zh-hans/");
        assertThat(page.select("#search-q").val()).isEqualTo("短波");
        assertThat(page.select("header form[role=search] label").text()).isEqualTo("搜索词");
    }

    @Test
    void anEmptySearchShowsTheFormAndNoSearchFindsNothing() {
        Document empty = Jsoup.parse(get("/en/search").body());
        assertThat(empty.select(".search-status").text()).isEqualTo("Enter the words you are looking for.");
        Document none = Jsoup.parse(get("/en/search?q=zyzzyvaquux").body());
        assertThat(none.select(".search-status").text()).startsWith("No stories match");
    }

    @Test
    void resultsArePaginatedWithLinksThatKeepTheSearch() {
        // 的 is in every Chinese story: more than one page of them.
        Document first = Jsoup.parse(get("/zh-hans/search?q=" + encode("的") + "&sort=date").body());
        assertThat(first.select("ol.search-results > li")).hasSize(SearchQuery.PAGE_SIZE);
        assertThat(first.select("ol.search-results mark").first().text()).isEqualTo("的");
        assertThat(first.select(".pagination a[rel=prev]")).isEmpty();
        String next = first.select(".pagination a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/zh-hans/search?q=" + encode("的") + "&sort=date&page=2");

        Document second = Jsoup.parse(get(next).body());
        assertThat(second.select(".pagination a[rel=prev]").attr("href")).isEqualTo("/zh-hans/search?q=" + encode("的") + "&sort=date");
        assertThat(second.select("#search-sort option[selected]").val()).isEqualTo("date");
        assertThat(second.select("ol.search-results a").eachAttr("href"))
                .doesNotContainAnyElementsOf(first.select("ol.search-results a").eachAttr("href"));
    }

    @Test
    void querySyntaxIsRejectedWithALocalizedMessage() {
        HttpResponse<String> response = get("/zh-hans/search?q=" + encode("title:x OR *"));
        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select(".search-error").text()).startsWith("请只搜索词语");
        assertThat(page.select("#search-q").val()).isEqualTo("");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");

        HttpResponse<String> english = get("/en/search?q=" + encode("title:x OR *"));
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(english.body()).select(".search-error").text()).startsWith("Search for words only");
    }

    @Test
    void everyKindOfBadInputIsA400WithAClearMessage() {
        assertBadRequest("/en/search?q=radio&page=-1", "The page must be a number from 1 to 50.");
        assertBadRequest("/en/search?q=radio&page=51", "The page must be a number from 1 to 50.");
        assertBadRequest("/en/search?q=radio&page=abc", "The page must be a number from 1 to 50.");
        assertBadRequest("/en/search?q=radio&colour=red", "“colour” is not a search option.");
        assertBadRequest("/en/search?q=radio&q=tv", "was given more than once");
        assertBadRequest("/en/search?q=radio&section=999999", "This edition has no such section.");
        assertBadRequest("/en/search?q=radio&topic=x", "This edition has no such topic.");
        assertBadRequest("/en/search?q=radio&from=26-11-2026", "Write dates as year-month-day");
        assertBadRequest("/en/search?q=radio&from=2026-11-02&to=2026-11-01", "must not be after");
        assertBadRequest("/en/search?q=radio&sort=random", "by best match or by date only");
        assertBadRequest("/en/search?q=" + "a".repeat(201), "at most 200 characters");
        assertBadRequest("/en/search?q=" + encode("a b c d e f g h i j k l m n o p q r s t u"), "at most 20 words");
    }

    @Test
    void aQueryOfAMegabyteIsRefusedWithA400() {
        HttpResponse<String> response = get("/en/search?q=" + "a".repeat(1024 * 1024));
        assertThat(response.statusCode()).isEqualTo(400);
        HttpResponse<String> api = get("/api/v1/search?edition=en&q=" + "a".repeat(1024 * 1024));
        assertThat(api.statusCode()).isEqualTo(400);
    }

    @Test
    void theApiAnswersJsonAndJsonErrors() {
        HttpResponse<String> response = get("/api/v1/search?edition=en&q=radio");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).contains("\"edition\":\"en\"", "\"results\":[", "\"url\":\"/en/", "<mark>");

        HttpResponse<String> syntax = get("/api/v1/search?edition=en&q=" + encode("title:x OR *"));
        assertThat(syntax.statusCode()).isEqualTo(400);
        assertThat(syntax.body()).contains("\"error\":\"syntax\"", "Search for words only");

        HttpResponse<String> noEdition = get("/api/v1/search?q=radio");
        assertThat(noEdition.statusCode()).isEqualTo(400);
        assertThat(noEdition.body()).contains("\"error\":\"edition\"");

        HttpResponse<String> page = get("/api/v1/search?edition=zh-hans&q=radio&page=-1");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("\"error\":\"page\"", "页码");
    }

    @Test
    void anUnknownEditionIsNotFound() {
        assertThat(get("/xx/search?q=radio").statusCode()).isEqualTo(404);
    }

    private void assertBadRequest(String path, String message) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(Jsoup.parse(response.body()).select(".search-error").text()).as(path).contains(message);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
