package org.shortwave.distribution.web;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The JSON shapes of the content API (documented in openapi.json). Dates are RFC 3339 in the edition's zone. */
final class ApiViews {

    private ApiViews() {
    }

    record EditionView(String code, String language, String name, String siteName, String direction, String timeZone,
            boolean isDefault, String url) {
    }

    record SectionView(long id, String edition, String slug, String name, String url) {
    }

    record TopicView(long id, String edition, String slug, String name, String url) {
    }

    record PersonView(long id, String name, String latinName) {
    }

    record MediaView(long id, String kind, String url, String contentType, long byteSize, Integer width, Integer height,
            String alt, String caption, String credit, String title, Integer durationSeconds, Long posterId,
            String captionsUrl, String captionsLanguage) {
    }

    record TeaserView(long id, String edition, String slug, String headline, String lead, String publishedAt,
            String url, String apiUrl, Long imageId) {
    }

    record ArticleView(long id, String edition, SectionView section, String slug, String headline, String lead,
            String dateline, String publishedAt, String modifiedAt, String url, List<PersonView> authors,
            List<TopicView> topics, Long mainImageId, JsonNode body, Map<String, MediaView> media,
            String copyrightHolder) {
    }

    record Page<T>(List<T> items, int page, int size, long total, int pages, String next) {
    }

    record Listing<T>(List<T> items) {
    }
}
