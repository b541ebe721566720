package org.shortwave.content;

import java.time.Instant;

/**
 * An article as the newsroom sees it: any state, with its version (for optimistic locking) and schedule.
 *
 * @param version increases with every save or state change; a save names the version it was based on
 */
public record EditableArticle(long id, ArticleContent content, ArticleStatus status, int version,
        Instant publishedAt, Instant embargoUntil, Instant updatedAt, Instant createdAt, Long createdBy,
        Long updatedBy, boolean deleted) {

    /** Published, but with a publish time or embargo still ahead of {@code now}. */
    public boolean isScheduled(Instant now) {
        return status == ArticleStatus.PUBLISHED
                && (publishedAt.isAfter(now) || embargoUntil != null && embargoUntil.isAfter(now));
    }

    public String path() {
        return Article.path(content.editionCode(), content.slug(), id);
    }
}
