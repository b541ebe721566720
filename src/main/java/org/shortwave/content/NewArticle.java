package org.shortwave.content;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An article to store: its content, and the state it starts in (demo and fixtures may start it published). */
public record NewArticle(String sourceKey, ArticleContent content, ArticleStatus status, Instant publishedAt,
        Instant updatedAt) {

    public NewArticle {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
        if (status == ArticleStatus.PUBLISHED && publishedAt == null) {
            throw new IllegalArgumentException("a published article needs a publish time");
        }
    }

    /** The article from its fields one by one. */
    public NewArticle(String sourceKey, String editionCode, long sectionId, String headline, String slug,
            String lead, String dateline, List<Block> body, Long mainImageId, List<Long> authorIds,
            List<Long> topicIds, ArticleStatus status, Instant publishedAt, Instant updatedAt,
            String copyrightHolder) {
        this(sourceKey, new ArticleContent(editionCode, sectionId, headline, slug, lead, dateline, body, mainImageId,
                authorIds, topicIds, copyrightHolder), status, publishedAt, updatedAt);
    }

    public String editionCode() {
        return content.editionCode();
    }
}
