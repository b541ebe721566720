package org.shortwave.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageKindObservationConventionTest {

    private static final String EDITION = "/{edition:[a-z]{2,3}(?:-[a-z0-9]{2,8})*}";

    @ParameterizedTest
    @CsvSource({
            "'" + EDITION + "/{slug}/a-{id}', article",
            "'" + EDITION + "/a-{id}', article",
            "'" + EDITION + "/{slug}/s-{id}', section",
            "'" + EDITION + "/{slug}/t-{id}', topic",
            "'" + EDITION + "/', home",
            "'" + EDITION + "', home",
            "/, home",
            "'" + EDITION + "/search', search",
            "'" + EDITION + "/feed.{format:rss|atom|json}', feed",
            "'" + EDITION + "/{slug}/s-{id}/feed.{format:rss|atom|json}', feed",
            "/sitemaps/articles-{page}.xml, sitemap",
            "/media/{dir}/{name}, media",
            "/admin/articles/{id}, newsroom",
            "/api/admin/v1/articles, admin-api",
            "/api/v1/search, api",
            "/assets/**, asset",
            "/error, other"})
    void tellsThePageKindFromTheRoute(String pattern, String kind) {
        assertThat(PageKindObservationConvention.kind(pattern, "/whatever")).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"/no/route/here, unmatched", "/admin/x, newsroom"})
    void withoutARouteThePathsStartDecides(String path, String kind) {
        assertThat(PageKindObservationConvention.kind(null, path)).isEqualTo(kind);
    }
}
