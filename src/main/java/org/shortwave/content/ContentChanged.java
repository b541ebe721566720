package org.shortwave.content;

import java.time.Instant;

/**
 * A row of the change log, published as a Spring event on every node after it commits. It says what changed, not
 * how things now are: listeners read the current state (through {@link PublishedArticles} for anything public).
 * Delivery is at least once and in order of {@code seq}, except that a change whose transaction commits late may
 * arrive after a later one; listeners must be idempotent.
 *
 * @param articleId the article, or null for an edition-wide change
 * @param editionCode the edition, or null
 * @param subjectId for a section, topic or person change, the one changed (it may be gone); otherwise null
 */
public record ContentChanged(long seq, ChangeKind kind, Long articleId, String editionCode, Instant at,
        Long subjectId) {

    public ContentChanged(long seq, ChangeKind kind, Long articleId, String editionCode, Instant at) {
        this(seq, kind, articleId, editionCode, at, null);
    }
}
