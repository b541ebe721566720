package org.shortwave.search.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.i18n.Messages;
import org.shortwave.i18n.Texts;
import org.shortwave.search.InvalidSearchException;
import org.shortwave.search.SearchQuery;
import org.shortwave.search.SearchResults;
import org.shortwave.search.SearchService;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only search API, {@code /api/v1/search?edition=zh-hans&q=...}: the same search as the page, as JSON.
 * Errors are 400 with {@code {"error": reason, "message": text}}, the text in the edition's language (English when
 * the edition itself is the problem).
 */
@RestController
class SearchApiController {

    record Result(long id, String headline, String url, Instant publishedAt, String snippet) {
    }

    record Response(String edition, String query, int page, int pageSize, long total, int pages, List<Result> results) {
    }

    record Error(String error, String message) {
    }

    private final Editions editions;
    private final SearchService search;
    private final Messages messages;

    SearchApiController(Editions editions, SearchService search, Messages messages) {
        this.editions = editions;
        this.search = search;
        this.messages = messages;
    }

    @GetMapping(path = "/api/v1/search", produces = "application/json")
    ResponseEntity<?> search(HttpServletRequest request) {
        String code = request.getParameter("edition");
        Edition edition = code == null ? null : editions.find(code).orElse(null);
        if (edition == null) {
            Texts english = messages.forLocale(Locale.ENGLISH);
            return ResponseEntity.badRequest().cacheControl(CacheControl.noStore())
                    .body(new Error("edition", english.format("search.invalid.edition",
                            code == null ? "" : code.substring(0, Math.min(code.length(), 40)))));
        }
        try {
            SearchQuery query = SearchQuery.parse(request.getParameterMap(), Set.of("edition"));
            SearchResults results = search.search(edition, query);
            List<Result> items = results.hits().stream().map(hit -> new Result(hit.article().id(),
                    hit.article().headline(), hit.article().path(), hit.article().publishedAt(), hit.snippetHtml()))
                    .toList();
            return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic())
                    .body(new Response(edition.code(), query.text(), query.page(), SearchQuery.PAGE_SIZE,
                            results.total(), results.pages(), items));
        } catch (InvalidSearchException invalid) {
            Texts texts = messages.forEdition(edition);
            String message = invalid.arguments().length == 0 ? texts.get(invalid.messageKey())
                    : texts.format(invalid.messageKey(), invalid.arguments());
            return ResponseEntity.badRequest().cacheControl(CacheControl.noStore())
                    .body(new Error(invalid.reason(), message));
        }
    }
}
