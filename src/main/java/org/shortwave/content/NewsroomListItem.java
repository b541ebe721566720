package org.shortwave.content;

import java.time.Instant;

/** A row of the newsroom's article list. */
public record NewsroomListItem(long id, String editionCode, String sectionName, String headline,
        ArticleStatus status, Instant publishedAt, Instant embargoUntil, Instant updatedAt, String authors,
        Long createdBy) {
}
