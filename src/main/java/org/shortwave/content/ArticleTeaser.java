package org.shortwave.content;

import java.time.Instant;

/** What a list of stories shows of an article: headline, lead, time and picture. */
public record ArticleTeaser(long id, String editionCode, String slug, String headline, String lead,
        Instant publishedAt, Long imageId) {

    public String path() {
        return Article.path(editionCode, slug, id);
    }
}
