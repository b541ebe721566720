package org.shortwave.content;

/**
 * Filters of the newsroom's article list; null or blank means "any". {@code authorId} is a person of the byline
 * (a {@link Person}), not a newsroom account.
 */
public record NewsroomFilter(String editionCode, Long sectionId, ArticleStatus status, Long authorId, String text,
        int limit) {

    public NewsroomFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > 200) {
            text = text.substring(0, 200);
        }
        limit = Math.clamp(limit, 1, 500);
    }
}
