package org.shortwave.editorial.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.content.ArticleNote;
import org.shortwave.content.EditableArticle;
import org.shortwave.editorial.EditorialWorkflow;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The editor's workflow buttons (submit, reject, publish, unpublish) and its correction and update notes. */
@Controller
class ArticleWorkflowController {

    private final CurrentAccount current;
    private final EditorialWorkflow workflow;
    private final Editions editions;

    ArticleWorkflowController(CurrentAccount current, EditorialWorkflow workflow, Editions editions) {
        this.current = current;
        this.workflow = workflow;
        this.editions = editions;
    }

    @PostMapping("/admin/articles/{id}/workflow")
    ModelAndView workflow(@PathVariable long id, @RequestParam String action, @RequestParam int version,
            @RequestParam(defaultValue = "") String publishAt, @RequestParam(defaultValue = "") String embargoUntil) {
        Account user = current.require();
        EditableArticle article = workflow.open(user, id);
        Edition edition = editions.find(article.content().editionCode()).orElseThrow();
        switch (action) {
            case "submit" -> workflow.submit(user, id, version);
            case "reject" -> workflow.reject(user, id, version);
            case "publish" -> workflow.publish(user, id, version, localTime(publishAt, edition),
                    localTime(embargoUntil, edition));
            case "unpublish" -> workflow.unpublish(user, id, version);
            default -> throw new IllegalArgumentException("unknown action " + action);
        }
        return EditorPages.saved(id);
    }

    @PostMapping("/admin/articles/{id}/notes")
    ModelAndView note(@PathVariable long id, @RequestParam String kind, @RequestParam String text) {
        // Only the two kinds the form offers: anything else was once saved as a correction.
        ArticleNote.Kind noteKind = switch (kind) {
            case "update" -> ArticleNote.Kind.UPDATE;
            case "correction" -> ArticleNote.Kind.CORRECTION;
            default -> throw new IllegalArgumentException("kind: not a kind of note");
        };
        workflow.addNote(current.require(), id, noteKind, text);
        return EditorPages.saved(id);
    }

    /** A {@code datetime-local} value in the edition's time zone; blank means none. */
    private static Instant localTime(String value, Edition edition) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(edition.timeZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date and time: " + value);
        }
    }
}
