package org.shortwave.content;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An article to store. The constructor checks what a single article can check; references (edition, section,
 * people, topics, media) are checked by the database.
 */
public record NewArticle(String sourceKey, String editionCode, long sectionId, String headline, String slug,
        String lead, String dateline, List<Block> body, Long mainImageId, List<Long> authorIds, List<Long> topicIds,
        ArticleStatus status, Instant publishedAt, Instant updatedAt, String copyrightHolder) {

    public static final int MAX_HEADLINE = 300;
    public static final int MAX_LEAD = 2000;

    public NewArticle {
        Objects.requireNonNull(editionCode, "edition");
        Objects.requireNonNull(status, "status");
        headline = requireLength(headline, "headline", MAX_HEADLINE);
        lead = lead == null ? "" : lead.strip();
        if (lead.length() > MAX_LEAD) {
            throw new IllegalArgumentException("lead is longer than " + MAX_LEAD + " characters");
        }
        dateline = dateline == null ? "" : dateline.strip();
        if (!Slugs.isValid(slug)) {
            throw new IllegalArgumentException("slug '" + slug + "' is not a valid slug");
        }
        body = List.copyOf(body);
        authorIds = List.copyOf(authorIds);
        topicIds = List.copyOf(topicIds);
        if (status == ArticleStatus.PUBLISHED && publishedAt == null) {
            throw new IllegalArgumentException("a published article needs a publish time");
        }
        copyrightHolder = requireLength(copyrightHolder, "copyright holder", 200);
    }

    private static String requireLength(String text, String what, int max) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        text = text.strip();
        if (text.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
        return text;
    }
}
