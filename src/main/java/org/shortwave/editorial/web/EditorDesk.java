package org.shortwave.editorial.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.shortwave.content.ArticleStatus;
import org.shortwave.content.EditableArticle;
import org.shortwave.editorial.ReviewNote;

/**
 * The editor page's writing and review state beside the form (ADR 0021): unsaved text to offer or shown, the
 * workflow fields, the review conversation, the edition's time zone, and the draft key of a new article.
 */
public record EditorDesk(Recovery recovery, WorkflowForm workflow, List<ReviewNote> notes, ZoneId zone,
        String draftKey, Instant now, FieldError error, java.util.Map<String, String> editionNames) {

    public EditorDesk(Recovery recovery, WorkflowForm workflow, List<ReviewNote> notes, ZoneId zone, String draftKey,
            Instant now) {
        this(recovery, workflow, notes, zone, draftKey, now, null, java.util.Map.of());
    }

    /** The same page with a refused save's error on its field. */
    EditorDesk with(FieldError fieldError) {
        return new EditorDesk(recovery, workflow, notes, zone, draftKey, now, fieldError, editionNames);
    }

    /** The same page, naming editions by name. */
    EditorDesk named(java.util.Map<String, String> names) {
        return new EditorDesk(recovery, workflow, notes, zone, draftKey, now, error, names);
    }

    /** An edition's name ("中文（简体）"), or its code if unknown. */
    public String editionName(String code) {
        return editionNames.getOrDefault(code, code);
    }

    /** {@code aria-invalid} for a field: "true" when the refused save's error is on it, else null (no attribute). */
    public String invalid(String field) {
        return error == null ? null : error.invalid(field);
    }

    /** The time a published story becomes public, when that is still ahead: "scheduled for ..." until then. */
    public Instant scheduledFor(EditableArticle article) {
        if (article == null || article.status() != ArticleStatus.PUBLISHED || !article.isScheduled(now)) {
            return null;
        }
        Instant embargo = article.embargoUntil();
        return embargo != null && embargo.isAfter(article.publishedAt()) ? embargo : article.publishedAt();
    }

    public String shown(Instant instant) {
        return EditionTime.shown(instant, zone);
    }

    public String machine(Instant instant) {
        return EditionTime.machine(instant, zone);
    }

    /** The interface text of a review note's action. */
    public static String actionKey(ReviewNote note) {
        return "editor.review.did." + note.action();
    }
}
