package org.shortwave.analytics.web;

import java.util.List;
import org.shortwave.analytics.MostRead;
import org.shortwave.content.PublishedArticles;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An article's views per hour as JSON, {@code /api/v1/articles/{id}/views?hours=48}: the data for the newsroom's
 * chart (the chart itself comes with the newsroom). Public articles only; counts only, nothing about readers.
 */
@RestController
class ArticleViewsController {

    record Series(long articleId, List<MostRead.HourlyViews> hours) {
    }

    record Error(String error, String message) {
    }

    private final MostRead mostRead;
    private final PublishedArticles articles;

    ArticleViewsController(MostRead mostRead, PublishedArticles articles) {
        this.mostRead = mostRead;
        this.articles = articles;
    }

    @GetMapping(path = "/api/v1/articles/{id:[1-9][0-9]{0,17}}/views", produces = "application/json")
    ResponseEntity<?> views(@PathVariable long id, @RequestParam(name = "hours", defaultValue = "48") String hours) {
        if (!hours.matches("[0-9]{1,4}") || Integer.parseInt(hours) < 1 || Integer.parseInt(hours) > MostRead.MAX_SERIES_HOURS) {
            return ResponseEntity.badRequest().body(new Error("hours",
                    "hours must be a number from 1 to " + MostRead.MAX_SERIES_HOURS));
        }
        if (articles.find(id).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Error("article", "no such public article"));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Series(id, mostRead.hourly(id, Integer.parseInt(hours))));
    }
}
