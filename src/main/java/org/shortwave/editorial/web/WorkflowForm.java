package org.shortwave.editorial.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.shortwave.content.EditableArticle;

/**
 * The workflow fields of the editor's form, as typed: the note for the review conversation and the planned times
 * ({@code datetime-local}, in the edition's time zone). Kept across a refused save like the text.
 */
public record WorkflowForm(String reviewNote, String publishAt, String embargoUntil) {

    static final WorkflowForm EMPTY = new WorkflowForm("", "", "");

    static WorkflowForm parse(Map<String, List<String>> form) {
        return new WorkflowForm(first(form, "reviewNote"), first(form, "publishAt"), first(form, "embargoUntil"));
    }

    /** The article's plan as the form shows it: a publish time or embargo still ahead of {@code now}. */
    static WorkflowForm of(EditableArticle article, ZoneId zone, Instant now) {
        if (article == null) {
            return EMPTY;
        }
        Instant at = article.publishedAt() != null && article.publishedAt().isAfter(now)
                && article.status() == org.shortwave.content.ArticleStatus.PUBLISHED ? article.publishedAt() : null;
        Instant embargo = article.embargoUntil() != null && article.embargoUntil().isAfter(now)
                ? article.embargoUntil() : null;
        return new WorkflowForm("", EditionTime.input(at, zone), EditionTime.input(embargo, zone));
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.getFirst() == null ? "" : values.getFirst();
    }
}
