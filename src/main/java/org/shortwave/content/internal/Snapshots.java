package org.shortwave.content.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.BodyJson;
import org.shortwave.content.SearchAppearance;
import tools.jackson.databind.json.JsonMapper;

/** Revisions store an article's whole content as one JSON document. */
final class Snapshots {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Snapshots() {
    }

    static String write(ArticleContent content) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("editionCode", content.editionCode());
        map.put("sectionId", content.sectionId());
        map.put("headline", content.headline());
        map.put("slug", content.slug());
        map.put("lead", content.lead());
        map.put("dateline", content.dateline());
        map.put("body", BodyJson.toTree(content.body()));
        map.put("mainImageId", content.mainImageId());
        map.put("authorIds", content.authorIds());
        map.put("topicIds", content.topicIds());
        map.put("copyrightHolder", content.copyrightHolder());
        map.put("searchDescription", content.appearance().description());
        map.put("socialTitle", content.appearance().socialTitle());
        map.put("socialImageId", content.appearance().socialImageId());
        return JSON.writeValueAsString(map);
    }

    static ArticleContent read(String json) {
        Map<?, ?> map = JSON.readValue(json, Map.class);
        return new ArticleContent((String) map.get("editionCode"), number(map.get("sectionId")),
                (String) map.get("headline"), (String) map.get("slug"), (String) map.get("lead"),
                (String) map.get("dateline"), BodyJson.fromTree((List<?>) map.get("body")),
                map.get("mainImageId") == null ? null : number(map.get("mainImageId")), ids(map.get("authorIds")),
                ids(map.get("topicIds")), (String) map.get("copyrightHolder"),
                // Revisions saved before search appearance existed have none: the defaults.
                new SearchAppearance((String) map.get("searchDescription"), (String) map.get("socialTitle"),
                        map.get("socialImageId") == null ? null : number(map.get("socialImageId"))));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static List<Long> ids(Object value) {
        return ((List<?>) value).stream().map(Snapshots::number).toList();
    }
}
