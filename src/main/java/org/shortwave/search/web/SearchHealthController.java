package org.shortwave.search.web;

import org.shortwave.search.IndexHealth;
import org.shortwave.search.SearchIndexing;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/health/search}: the index compared with the database (counts, ids only one side has, change-log
 * positions). 200 when they hold the same articles, 503 when they diverge, for a load balancer or a monitor.
 */
@RestController
class SearchHealthController {

    private final SearchIndexing indexing;

    SearchHealthController(SearchIndexing indexing) {
        this.indexing = indexing;
    }

    @GetMapping(path = "/api/health/search", produces = "application/json")
    ResponseEntity<IndexHealth> health() {
        IndexHealth health = indexing.health();
        return ResponseEntity.status(health.healthy() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .cacheControl(CacheControl.noStore()).body(health);
    }
}
