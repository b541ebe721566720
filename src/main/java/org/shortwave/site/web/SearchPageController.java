package org.shortwave.site.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.i18n.Texts;
import org.shortwave.search.InvalidSearchException;
import org.shortwave.search.SearchQuery;
import org.shortwave.search.SearchResults;
import org.shortwave.search.SearchService;
import org.shortwave.site.Chrome;
import org.shortwave.site.SiteChrome;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** The public search page, {@code /{edition}/search?q=...}: a plain GET form, so it works without JavaScript. */
@Controller
class SearchPageController {

    private final Editions editions;
    private final SearchService search;
    private final SiteChrome chrome;

    SearchPageController(Editions editions, SearchService search, SiteChrome chrome) {
        this.editions = editions;
        this.search = search;
        this.chrome = chrome;
    }

    @GetMapping("/{edition:[a-z]{2,3}(?:-[a-z0-9]{2,8})*}/search")
    ModelAndView search(@PathVariable String edition, HttpServletRequest request, HttpServletResponse response) {
        Edition found = editions.find(edition).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Texts texts = chrome.texts(found);
        Chrome pageChrome = chrome.of(found, texts.get("search.title"), null);
        SearchQuery query = null;
        try {
            query = SearchQuery.parse(request.getParameterMap(), Set.of());
            SearchResults results = search.search(found, query);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=60");
            return new ModelAndView("site/search/search", Map.of("page", new SearchPage(pageChrome, query, results, null)));
        } catch (InvalidSearchException invalid) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            String message = invalid.arguments().length == 0 ? texts.get(invalid.messageKey())
                    : texts.format(invalid.messageKey(), invalid.arguments());
            return new ModelAndView("site/search/search",
                    Map.of("page", new SearchPage(pageChrome, query, null, message)), HttpStatus.BAD_REQUEST);
        }
    }
}
