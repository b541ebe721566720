package org.shortwave.content;

/** Where an article stands. Only {@code PUBLISHED} can be public, and only as {@link Visibility} allows. */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, PUBLISHED, UNPUBLISHED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ArticleStatus of(String dbValue) {
        return valueOf(dbValue.toUpperCase(java.util.Locale.ROOT));
    }
}
