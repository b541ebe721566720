package org.shortwave.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import org.shortwave.platform.Refusal;
import org.shortwave.platform.web.RefusalStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A service's {@link Refusal} that a newsroom page did not answer itself (on its form, with what was typed): the
 * problem page, in the user's language, with the status {@link RefusalStatus} gives its kind.
 */
@ControllerAdvice(assignableTypes = {ArticleListController.class, ArticleFormController.class,
        ArticleWorkflowController.class, ArticleTranslationsController.class, ArticleRevisionsController.class,
        TaxonomyAdminController.class, PeopleAdminController.class, EditionAdminController.class})
class NewsroomRefusals {

    private final EditorPages editorPages;

    NewsroomRefusals(EditorPages editorPages) {
        this.editorPages = editorPages;
    }

    @ExceptionHandler(Refusal.class)
    ModelAndView refused(HttpServletRequest request, Refusal refusal) {
        return editorPages.problem(request, refusal);
    }

    /** The user may not open this page or make this change. */
    static Refusal notAllowed() {
        return new Refusal(Refusal.Kind.NOT_ALLOWED, null, "editor.not-allowed");
    }
}
