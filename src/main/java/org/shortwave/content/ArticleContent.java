package org.shortwave.content;

import java.util.List;
import java.util.Objects;

/**
 * What an editor writes: every field of an article except its workflow state. The constructor checks what one
 * article can check; references (edition, section, people, topics, media) are checked by the database.
 */
public record ArticleContent(String editionCode, long sectionId, String headline, String slug, String lead,
        String dateline, List<Block> body, Long mainImageId, List<Long> authorIds, List<Long> topicIds,
        String copyrightHolder) {

    public static final int MAX_HEADLINE = 300;
    public static final int MAX_LEAD = 2000;
    public static final int MAX_DATELINE = 100;

    public ArticleContent {
        Objects.requireNonNull(editionCode, "edition");
        headline = requireLength(headline, "headline", MAX_HEADLINE);
        lead = optionalLength(lead, "lead", MAX_LEAD);
        dateline = optionalLength(dateline, "dateline", MAX_DATELINE);
        if (!Slugs.isValid(slug)) {
            throw new IllegalArgumentException("slug '" + slug + "' is not a valid slug");
        }
        body = List.copyOf(body);
        authorIds = List.copyOf(authorIds);
        topicIds = List.copyOf(topicIds);
        copyrightHolder = requireLength(copyrightHolder, "copyright holder", 200);
    }

    private static String requireLength(String text, String what, int max) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return optionalLength(text, what, max);
    }

    private static String optionalLength(String text, String what, int max) {
        text = text == null ? "" : text.strip();
        if (text.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
        return text;
    }
}
