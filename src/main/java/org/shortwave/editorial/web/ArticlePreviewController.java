package org.shortwave.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.AdminChrome;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.ArticleStatus;
import org.shortwave.content.EditableArticle;
import org.shortwave.content.NewsroomArticles;
import org.shortwave.editorial.Action;
import org.shortwave.editorial.ArticleNotFoundException;
import org.shortwave.editorial.EditorialWorkflow;
import org.shortwave.editorial.References;
import org.shortwave.editorial.NotAllowedException;
import org.shortwave.editorial.Permissions;
import org.shortwave.editorial.PreviewLinks;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.platform.Refusal;
import org.shortwave.platform.web.RefusalStatus;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Previews: of the text on screen (the editor's form, posted to a new tab, never stored), and of one saved revision
 * through a link shared with a colleague. Both show the public page inside a banner that says it is a preview, with
 * a link back, a desktop/phone width switch, and {@code noindex}; neither answer may be stored by any cache.
 */
@Controller
class ArticlePreviewController {

    private final CurrentAccount current;
    private final EditorialWorkflow workflow;
    private final NewsroomArticles articles;
    private final Editions editions;
    private final NewsroomChrome chrome;
    private final PreviewPages previews;
    private final PreviewLinks links;
    private final EditorPages editorPages;
    private final References references;

    ArticlePreviewController(CurrentAccount current, EditorialWorkflow workflow, NewsroomArticles articles,
            Editions editions, NewsroomChrome chrome, PreviewPages previews, PreviewLinks links,
            EditorPages editorPages, References references) {
        this.editorPages = editorPages;
        this.references = references;
        this.current = current;
        this.workflow = workflow;
        this.articles = articles;
        this.editions = editions;
        this.chrome = chrome;
        this.previews = previews;
        this.links = links;
    }

    @PostMapping("/admin/articles/preview")
    ModelAndView previewNew(HttpServletRequest request, HttpServletResponse response,
            @RequestParam MultiValueMap<String, String> form, @RequestParam(defaultValue = "") String edition) {
        Account user = current.require();
        Edition chosen = editions.find(edition).orElseThrow(() -> new ArticleNotFoundException(0));
        if (!Permissions.allows(user, Action.CREATE, chosen.code(), true, ArticleStatus.DRAFT)) {
            throw new NotAllowedException(Action.CREATE, 0);
        }
        ArticleContent content = content(EditorForm.parse(form), chosen.code());
        checkReferences(user, content);
        return page(request, response, chosen, content.headline(),
                previews.render(chosen, 0, content, null, List.of()),
                "/admin/articles/new?edition=" + chosen.code(), null, null, null, null);
    }

    @PostMapping("/admin/articles/{id}/preview")
    ModelAndView previewStored(HttpServletRequest request, HttpServletResponse response, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form) {
        Account user = current.require();
        EditableArticle article = workflow.open(user, id);
        Edition edition = edition(article);
        ArticleContent content = content(EditorForm.parse(form), edition.code());
        checkReferences(user, content);
        var stored = articles.preview(id).orElseThrow(() -> new ArticleNotFoundException(id));
        return page(request, response, edition, content.headline(),
                previews.render(edition, id, content, article.publishedAt(), stored.notes()),
                "/admin/articles/" + id, id, article.version(), null, null);
    }

    /** A link for a colleague to the article's current saved revision; the page shows it once. */
    @PostMapping("/admin/articles/{id}/preview-link")
    ModelAndView share(HttpServletRequest request, HttpServletResponse response, @PathVariable long id) {
        Account user = current.require();
        PreviewLinks.Made made = links.create(user, id);
        return opened(request, response, user, made.token(), true);
    }

    @GetMapping("/admin/preview/{token}")
    ModelAndView open(HttpServletRequest request, HttpServletResponse response, @PathVariable String token) {
        return opened(request, response, current.require(), token, false);
    }

    private ModelAndView opened(HttpServletRequest request, HttpServletResponse response, Account user,
            String token, boolean justMade) {
        PreviewLinks.Opened opened = links.open(user, token);
        EditableArticle article = opened.article();
        Edition edition = edition(article);
        ArticleContent content = opened.revision().content();
        var stored = articles.preview(article.id()).orElseThrow(() -> new ArticleNotFoundException(article.id()));
        String share = justMade ? org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromCurrentContextPath().path("/admin/preview/" + token).toUriString() : null;
        return page(request, response, edition, content.headline(),
                previews.render(edition, article.id(), content, article.publishedAt(), stored.notes()),
                "/admin/articles/" + article.id(), article.id(), opened.revision().version(), opened.expiresAt(),
                share);
    }

    private ModelAndView page(HttpServletRequest request, HttpServletResponse response, Edition edition,
            String headline, String html, String back, Long id, Integer version, Instant expires, String share) {
        noStore(response);
        AdminChrome page = chrome.chrome(request, "preview.title", current.require());
        return new ModelAndView("admin/preview", Map.of("preview",
                new PreviewPage(page, headline, html, back, id, version, expires, share)));
    }

    private ArticleContent content(EditorForm form, String editionCode) {
        try {
            return form.toContent(editionCode);
        } catch (Refusal refusal) {
            throw refusal;
        } catch (IllegalArgumentException e) {
            // The form's own message is English; the preview says in the newsroom's language what to do instead.
            throw new Refusal(Refusal.Kind.INVALID, null, "preview.invalid");
        }
    }

    private Edition edition(EditableArticle article) {
        return editions.find(article.content().editionCode()).orElseThrow();
    }

    /** A preview is a private, passing view: no cache, proxy or browser history may keep it; no robot index it. */
    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
    }

    @ExceptionHandler(NotAllowedException.class)
    ModelAndView notAllowed(HttpServletRequest request, HttpServletResponse response) {
        return problem(request, response, "editor.not-allowed", HttpStatus.FORBIDDEN);
    }

    /**
     * The text on screen names ids as a save does, so it goes through the same one rule, or a preview would show
     * another edition's hidden photo texts. The refusal keeps its kind and field and says why a preview is refused.
     */
    private void checkReferences(Account user, ArticleContent content) {
        try {
            references.checkContent(user, content);
        } catch (Refusal refused) {
            throw new Refusal(refused.kind(), refused.field(), "preview.invalid");
        }
    }

    @ExceptionHandler(ArticleNotFoundException.class)
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        return problem(request, response, "editor.not-found", HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(Refusal.class)
    ModelAndView refused(HttpServletRequest request, HttpServletResponse response, Refusal refusal) {
        return problem(request, response, refusal.messageKey(), RefusalStatus.of(refusal.kind()));
    }

    private ModelAndView problem(HttpServletRequest request, HttpServletResponse response, String key,
            HttpStatus status) {
        noStore(response);
        return editorPages.problem(request, key, status);
    }
}
