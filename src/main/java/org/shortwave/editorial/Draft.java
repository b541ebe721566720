package org.shortwave.editorial;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A user's autosaved, unvalidated editor text (ADR 0021): for a stored article ({@code articleId}) or for one not
 * created yet ({@code draftKey}). {@code form} holds the editor form's fields as posted, in their order.
 *
 * @param baseVersion the article version the text was written on (0 for a new article)
 */
public record Draft(long userId, Long articleId, UUID draftKey, String editionCode, int baseVersion,
        Map<String, List<String>> form, Instant savedAt) {

    /** The first value of a field, or "". */
    public String value(String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }
}
