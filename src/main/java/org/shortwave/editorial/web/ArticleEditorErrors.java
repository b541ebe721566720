package org.shortwave.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.shortwave.accounts.AdminChrome;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.platform.DatabaseOutage;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The article editor's answers to failures that are not a service's refusal ({@link NewsroomRefusals} answers
 * those): a request no form sends, and the database away.
 */
@ControllerAdvice(assignableTypes = {ArticleListController.class, ArticleFormController.class,
        ArticleWorkflowController.class, ArticleTranslationsController.class, ArticleRevisionsController.class})
class ArticleEditorErrors {

    private static final Pattern EDITOR_FORM = Pattern.compile("/admin/articles/(new|[1-9][0-9]{0,17})");

    private final EditorPages editorPages;
    private final NewsroomChrome pages;

    ArticleEditorErrors(EditorPages editorPages, NewsroomChrome pages) {
        this.editorPages = editorPages;
        this.pages = pages;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView invalid(HttpServletRequest request) {
        return editorPages.problem(request, "editor.invalid", HttpStatus.BAD_REQUEST);
    }

    /**
     * The database is away. A posted editor form comes back as it was sent, with a button that sends it again (the
     * version it was based on included, so a save made elsewhere meanwhile is still a conflict); anything else gets
     * a clear error. Both say when to try again.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ModelAndView databaseAway(HttpServletRequest request, HttpServletResponse response, RuntimeException failure) {
        if (!DatabaseOutage.isCause(failure)) {
            throw failure;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        AdminChrome chrome = pages.chrome(request, "editor.unavailable.title", null);
        if ("POST".equals(request.getMethod()) && EDITOR_FORM.matcher(request.getRequestURI()).matches()) {
            KeptForm kept = KeptForm.of(request.getRequestURI(), request.getParameterMap(), chrome::t);
            return new ModelAndView("admin/unsaved", Map.of("chrome", chrome, "kept", kept),
                    HttpStatus.SERVICE_UNAVAILABLE);
        }
        return new ModelAndView("admin/problem", Map.of("chrome", chrome, "messageKey", "editor.unavailable.other"),
                HttpStatus.SERVICE_UNAVAILABLE);
    }
}
