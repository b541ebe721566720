package org.shortwave.content;

import java.time.Instant;

/** One saved version of an article: who saved it, when, in which state, and what it said. */
public record Revision(long articleId, int version, Instant savedAt, Long savedBy, String savedByName,
        ArticleStatus status, ArticleContent content) {
}
