package org.shortwave.editorial.web;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shortwave.content.InvalidContentException;
import org.shortwave.platform.Refusal;

/**
 * A refused save's error, on its field and in the newsroom's language: the form's checks (EditorForm, and the
 * content's own in ArticleContent) still speak English for the logs and the admin API, so the editor names the field
 * and a message key of its own instead of showing that text.
 *
 * @param field the form field's id ({@code headline}, {@code section}, {@code blocks.2.media}), or null
 * @param labelKey the field's label when the message does not name it ("Main photo: ..."), or null
 */
public record FieldError(String field, String labelKey, String messageKey, Object[] args) {

    FieldError(String field, String messageKey, Object[] args) {
        this(field, null, messageKey, args);
    }

    /** The content's fields that have a message of their own ({@code editor.invalid.headline}...). */
    private static final Set<String> CONTENT_FIELDS = Set.of("headline", "slug", "lead",
            "dateline", "copyright");

    private static final Pattern BLOCK = Pattern.compile("^block (\\d{1,4}): (.*)$", Pattern.DOTALL);

    /** A service's refusal: its field path ({@code body[2].media}) as the form's field, labelled if need be. */
    static FieldError of(Refusal refusal) {
        String field = EditorForm.formField(refusal.field());
        return new FieldError(field, EditorForm.fieldLabelKey(field), refusal.messageKey(), refusal.args());
    }

    /**
     * The editor's key for a refused field: the content's checks name theirs ({@link InvalidContentException}); the
     * form's own checks are known by their English text. An unknown text gets a general message, never the English.
     */
    static FieldError of(IllegalArgumentException refused) {
        if (refused instanceof InvalidContentException content) {
            String key = CONTENT_FIELDS.contains(content.field()) ? "editor.invalid." + content.field()
                    : "editor.invalid.other";
            return new FieldError(content.field(), key, new Object[0]);
        }
        String text = refused.getMessage() == null ? "" : refused.getMessage();
        Matcher block = BLOCK.matcher(text);
        if (block.matches()) {
            int number = Integer.parseInt(block.group(1));
            String inner = block.group(2);
            boolean media = inner.startsWith("image must be chosen") || inner.startsWith("video must be chosen");
            return new FieldError("blocks." + (number - 1) + (media ? ".media" : ".text"),
                    media ? "editor.invalid.block-media" : "editor.invalid.block", new Object[] {number});
        }
        if (text.startsWith("section ")) {
            return new FieldError("section", "editor.invalid.section", new Object[0]);
        }
        if (text.startsWith("main image ")) {
            return new FieldError("mainImage", "editor.invalid.main-image", new Object[0]);
        }
        return new FieldError(null, "editor.invalid.other", new Object[0]);
    }

    /** {@code aria-invalid}'s value for a field: "true" for the one at fault, else null (no attribute). */
    public String invalid(String name) {
        return name.equals(field) ? "true" : null;
    }
}
