package org.shortwave.content;

/**
 * The one rule for what the public may see: published, publish time reached, embargo (if any) over, not deleted. Every public read
 * (pages, and later search, feeds, sitemaps, APIs, exports, related and most-read blocks) filters with it.
 */
public final class Visibility {

    /**
     * SQL condition on an {@code article} row aliased {@code a}; binds the named parameter {@code :now}.
     * A scheduled article is a published one whose publish time is still to come.
     */
    public static final String PUBLIC = "(a.status = 'published' and a.deleted_at is null and a.published_at <= :now"
            + " and (a.embargo_until is null or a.embargo_until <= :now))";

    /** {@link #PUBLIC} for one article already read (the same four conditions, in Java). */
    public static boolean isPublic(EditableArticle a, java.time.Instant now) {
        return a.status() == ArticleStatus.PUBLISHED && !a.deleted() && a.publishedAt() != null
                && !a.publishedAt().isAfter(now) && (a.embargoUntil() == null || !a.embargoUntil().isAfter(now));
    }

    private Visibility() {
    }
}
