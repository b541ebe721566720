package org.shortwave.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.content.EditableArticle;
import org.shortwave.content.NewsroomArticles;
import org.shortwave.editorial.ArticleNotFoundException;
import org.shortwave.editorial.EditConflictException;
import org.shortwave.editorial.EditorialWorkflow;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.platform.Refusal;
import org.shortwave.site.SitePages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The article form: a new article, an existing one, saving it (post/redirect/get; a form operation other than
 * {@code save}, such as adding a block, comes back with the form changed and nothing saved), and its preview.
 */
@Controller
class ArticleFormController {

    private final CurrentAccount current;
    private final EditorialWorkflow workflow;
    private final NewsroomArticles articles;
    private final Editions editions;
    private final SitePages sitePages;
    private final EditorPages editorPages;

    ArticleFormController(CurrentAccount current, EditorialWorkflow workflow, NewsroomArticles articles,
            Editions editions, SitePages sitePages, EditorPages editorPages) {
        this.current = current;
        this.workflow = workflow;
        this.articles = articles;
        this.editions = editions;
        this.sitePages = sitePages;
        this.editorPages = editorPages;
    }

    @GetMapping("/admin/articles/new")
    ModelAndView newArticle(HttpServletRequest request, @RequestParam(defaultValue = "") String edition,
            @RequestParam(defaultValue = "") String mainImage) {
        Account user = current.require();
        Edition chosen = editions.find(edition).or(editions::defaultEdition).orElseThrow();
        // "Use in a new story" from the media library: the photo is preselected; saving checks it like any other.
        String photo = mainImage.matches("[1-9][0-9]{0,17}") ? mainImage : "";
        EditorForm empty = new EditorForm(0, "", "", "", "", "", List.of(), List.of(), photo, chosen.siteName(),
                List.of(EditorForm.BlockForm.empty("paragraph")));
        return editorPages.editor(request, user, chosen.code(), null, empty, "", null, HttpStatus.OK);
    }

    @PostMapping("/admin/articles/new")
    ModelAndView create(HttpServletRequest request, @RequestParam MultiValueMap<String, String> form,
            @RequestParam(defaultValue = "") String edition, @RequestParam(defaultValue = "save") String op) {
        Account user = current.require();
        Edition chosen = editions.find(edition).orElseThrow(() -> new ArticleNotFoundException(0));
        EditorForm posted = EditorForm.parse(form).apply(op);
        if (!"save".equals(op)) {
            return editorPages.editor(request, user, chosen.code(), null, posted, "", null, HttpStatus.OK);
        }
        try {
            long id = workflow.create(user, posted.toContent(chosen.code()));
            return EditorPages.saved(id);
        } catch (Refusal e) {
            return editorPages.refused(request, user, chosen.code(), null, posted, e);
        } catch (IllegalArgumentException e) {
            return editorPages.editor(request, user, chosen.code(), null, posted, e.getMessage(), null,
                    HttpStatus.valueOf(422));
        }
    }

    @GetMapping("/admin/articles/{id}")
    ModelAndView edit(HttpServletRequest request, @PathVariable long id, @RequestParam(required = false) String saved) {
        Account user = current.require();
        EditableArticle article = workflow.open(user, id);
        return editorPages.editor(request, user, article.content().editionCode(), article, EditorForm.of(article),
                saved != null ? "editor.saved" : "", null, HttpStatus.OK);
    }

    @PostMapping("/admin/articles/{id}")
    ModelAndView save(HttpServletRequest request, @PathVariable long id, @RequestParam MultiValueMap<String, String> form,
            @RequestParam(defaultValue = "save") String op) {
        Account user = current.require();
        EditableArticle article = workflow.open(user, id);
        String editionCode = article.content().editionCode();
        EditorForm posted = EditorForm.parse(form).apply(op);
        if (!"save".equals(op)) {
            return editorPages.editor(request, user, editionCode, article, posted, "", null, HttpStatus.OK);
        }
        try {
            workflow.save(user, id, posted.version(), posted.toContent(editionCode));
            return EditorPages.saved(id);
        } catch (EditConflictException e) {
            // Keep what this user typed; show what the other saved; the next save is based on the other's version.
            EditorForm mine = posted.basedOn(e.current().version());
            return editorPages.editor(request, user, editionCode, e.current(), mine, "editor.conflict", e.current(),
                    HttpStatus.CONFLICT);
        } catch (Refusal e) {
            return editorPages.refused(request, user, editionCode, article, posted, e);
        } catch (IllegalArgumentException e) {
            return editorPages.editor(request, user, editionCode, article, posted, e.getMessage(), null,
                    HttpStatus.valueOf(422));
        }
    }

    @GetMapping("/admin/articles/{id}/preview")
    ModelAndView preview(@PathVariable long id, HttpServletResponse response) {
        Account user = current.require();
        EditableArticle article = workflow.open(user, id);
        Edition edition = editions.find(article.content().editionCode()).orElseThrow();
        response.setHeader("Cache-Control", "private, no-store");
        var page = sitePages.article(edition, articles.preview(id).orElseThrow(() -> new ArticleNotFoundException(id)));
        return new ModelAndView("site/article", "page", page);
    }
}
