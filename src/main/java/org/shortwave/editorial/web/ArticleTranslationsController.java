package org.shortwave.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.content.Translations;
import org.shortwave.editorial.EditorialWorkflow;
import org.shortwave.platform.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The editor's language versions: links this article with another as versions of one story, or unlinks it. */
@Controller
class ArticleTranslationsController {

    private final CurrentAccount current;
    private final EditorialWorkflow workflow;
    private final EditorPages editorPages;

    ArticleTranslationsController(CurrentAccount current, EditorialWorkflow workflow, EditorPages editorPages) {
        this.current = current;
        this.workflow = workflow;
        this.editorPages = editorPages;
    }

    /** {@code op=link} with {@code other}, an article id; or {@code op=unlink}. */
    @PostMapping("/admin/articles/{id}/translations")
    ModelAndView translations(HttpServletRequest request, @PathVariable long id, @RequestParam String op,
            @RequestParam(defaultValue = "") String other) {
        Account user = current.require();
        if ("unlink".equals(op)) {
            workflow.unlinkTranslation(user, id);
        } else if ("link".equals(op) && other.strip().matches("[0-9]{1,18}")) {
            try {
                workflow.linkTranslation(user, id, Long.parseLong(other.strip()));
            } catch (Translations.InvalidLinkException e) {
                return editorPages.problem(request, "editor.translations.invalid", HttpStatus.CONFLICT);
            } catch (Refusal e) { // the other article: unknown, or not the user's to link (References)
                return editorPages.problem(request, e);
            }
        } else {
            throw new IllegalArgumentException("unknown translation operation");
        }
        return EditorPages.saved(id);
    }
}
