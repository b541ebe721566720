package org.shortwave.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.AdminChrome;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.content.ArticleNote;
import org.shortwave.content.ArticleStatus;
import org.shortwave.content.EditableArticle;
import org.shortwave.content.NewsroomArticles;
import org.shortwave.content.NewsroomFilter;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Translations;
import org.shortwave.editorial.Action;
import org.shortwave.editorial.ArticleNotFoundException;
import org.shortwave.editorial.EditConflictException;
import org.shortwave.editorial.EditorialWorkflow;
import org.shortwave.editorial.InvalidTransitionException;
import org.shortwave.editorial.NotAllowedException;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.media.MediaLibrary;
import org.shortwave.platform.DatabaseOutage;
import org.shortwave.site.SitePages;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The newsroom's article list, editor, workflow buttons, preview and revisions. Every write is post/redirect/get. */
@Controller
class ArticleEditorController {

    private final CurrentAccount current;
    private final EditorialWorkflow workflow;
    private final NewsroomArticles articles;
    private final Taxonomy taxonomy;
    private final Editions editions;
    private final MediaLibrary media;
    private final NewsroomChrome pages;
    private final SitePages sitePages;
    private final EditingPresence presence;
    private final Translations translations;

    ArticleEditorController(CurrentAccount current, EditorialWorkflow workflow, NewsroomArticles articles,
            Taxonomy taxonomy, Editions editions, MediaLibrary media, NewsroomChrome pages, SitePages sitePages,
            EditingPresence presence, Translations translations) {
        this.translations = translations;
        this.current = current;
        this.workflow = workflow;
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.editions = editions;
        this.media = media;
        this.pages = pages;
        this.sitePages = sitePages;
        this.presence = presence;
    }

    @GetMapping("/admin/articles")
    ModelAndView list(HttpServletRequest request, @RequestParam(defaultValue = "") String edition,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String author, @RequestParam(defaultValue = "") String section) {
        Account user = current.require();
        ArticleStatus wanted = parseStatus(status);
        Long authorId = author.matches("[0-9]{1,18}") ? Long.valueOf(author) : null;
        // The section choice belongs to the chosen edition: the form lists that edition's sections only.
        List<Section> sections = edition.isBlank() ? List.of() : taxonomy.sections(edition);
        Long sectionId = sections.stream().filter(s -> String.valueOf(s.id()).equals(section)).findFirst()
                .map(Section::id).orElse(null);
        var items = articles.list(new NewsroomFilter(edition.isBlank() ? null : edition, sectionId, wanted, authorId,
                q, 200))
                .stream()
                .filter(i -> org.shortwave.editorial.Permissions.allows(user, Action.VIEW, i.editionCode(),
                        java.util.Objects.equals(i.createdBy(), user.id()), i.status()))
                .toList();
        return new ModelAndView("admin/articles", Map.of("chrome", pages.chrome(request, "editor.list.title", user),
                "items", items, "editions", editions.all(), "edition", edition, "status", status, "q", q,
                "sections", sections, "section", sectionId == null ? "" : String.valueOf(sectionId),
                "people", taxonomy.people(), "author", authorId == null ? "" : String.valueOf(authorId)));
    }

    @GetMapping("/admin/articles/new")
    ModelAndView newArticle(HttpServletRequest request, @RequestParam(defaultValue = "") String edition) {
        Account user = current.require();
        Edition chosen = editions.find(edition).or(editions::defaultEdition).orElseThrow();
        EditorForm empty = new EditorForm(0, "", "", "", "", "", List.of(), List.of(), "", chosen.siteName(),
                List.of(EditorForm.BlockForm.empty("paragraph")));
        return editor(request, user, chosen.code(), null, empty, "", null, HttpStatus.OK);
    }

    @PostMapping("/admin/articles/new")
    ModelAndView create(HttpServletRequest request, @RequestParam MultiValueMap<String, String> form,
            @RequestParam(defaultValue = "") String edition, @RequestParam(defaultValue = "save") String op) {
        Account user = current.require();
        Edition chosen = editions.find(edition).orElseThrow(() -> new ArticleNotFoundException(0));
        EditorForm posted = EditorForm.parse(form).apply(op);
        if (!"save".equals(op)) {
            return editor(request, user, chosen.code(), null, posted, "", null, HttpStatus.OK);
        }
        try {
            long id = workflow.create(user, posted.toContent(chosen.code()));
            return new ModelAndView("redirect:/admin/articles/" + id + "?saved");
        } catch (IllegalArgumentException e) {
            return editor(request, user, chosen.code(), null, posted, e.getMessage(), null, HttpStatus.valueOf(422));
        }
    }

    @GetMapping("/admin/articles/{id}")
    ModelAndView edit(HttpServletRequest request, @PathVariable long id, @RequestParam(required = false) String saved) {
        Account user = current.require();
        EditableArticle article = workflow.open(user, id);
        return editor(request, user, article.content().editionCode(), article, EditorForm.of(article),
                saved != null ? "editor.saved" : "", null, HttpStatus.OK);
    }

    @PostMapping("/admin/articles/{id}")
    ModelAndView save(HttpServletRequest request, @PathVariable long id, @RequestParam MultiValueMap<String, String> form,
            @RequestParam(defaultValue = "save") String op) {
        Account user = current.require();
        EditableArticle article = workflow.open(user, id);
        EditorForm posted = EditorForm.parse(form).apply(op);
        if (!"save".equals(op)) {
            return editor(request, user, article.content().editionCode(), article, posted, "", null, HttpStatus.OK);
        }
        try {
            workflow.save(user, id, posted.version(), posted.toContent(article.content().editionCode()));
            return new ModelAndView("redirect:/admin/articles/" + id + "?saved");
        } catch (EditConflictException e) {
            // Keep what this user typed; show what the other saved; the next save is based on the other's version.
            EditorForm mine = new EditorForm(e.current().version(), posted.headline(), posted.slug(), posted.lead(),
                    posted.dateline(), posted.section(), posted.topics(), posted.authors(), posted.mainImage(),
                    posted.copyright(), posted.blocks());
            return editor(request, user, article.content().editionCode(), e.current(), mine, "editor.conflict",
                    e.current(), HttpStatus.CONFLICT);
        } catch (IllegalArgumentException e) {
            return editor(request, user, article.content().editionCode(), article, posted, e.getMessage(), null,
                    HttpStatus.valueOf(422));
        }
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
        return new ModelAndView("redirect:/admin/articles/" + id + "?saved");
    }

    @PostMapping("/admin/articles/{id}/notes")
    ModelAndView note(@PathVariable long id, @RequestParam String kind, @RequestParam String text) {
        ArticleNote.Kind noteKind = "update".equals(kind) ? ArticleNote.Kind.UPDATE : ArticleNote.Kind.CORRECTION;
        workflow.addNote(current.require(), id, noteKind, text);
        return new ModelAndView("redirect:/admin/articles/" + id + "?saved");
    }

    /** Links this article with another as versions of one story ({@code op=link}), or unlinks it. */
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
                return problem(request, "editor.translations.invalid", HttpStatus.CONFLICT);
            }
        } else {
            throw new IllegalArgumentException("unknown translation operation");
        }
        return new ModelAndView("redirect:/admin/articles/" + id + "?saved");
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

    @GetMapping("/admin/articles/{id}/revisions")
    ModelAndView revisions(HttpServletRequest request, @PathVariable long id,
            @RequestParam(defaultValue = "0") int from, @RequestParam(defaultValue = "0") int to) {
        Account user = current.require();
        EditableArticle article = workflow.open(user, id);
        var revisions = workflow.revisions(user, id);
        var left = revisions.stream().filter(r -> r.version() == from).findFirst().orElse(null);
        var right = revisions.stream().filter(r -> r.version() == to).findFirst().orElse(null);
        return new ModelAndView("admin/revisions", Map.of("chrome", pages.chrome(request, "editor.revisions.title", user),
                "article", article, "revisions", revisions,
                "diff", left == null || right == null ? List.of() : org.shortwave.editorial.RevisionDiff.between(left.content(), right.content()),
                "from", from, "to", to, "mayEdit", workflow.may(user, Action.EDIT, article)));
    }

    @PostMapping("/admin/articles/{id}/restore")
    ModelAndView restore(@PathVariable long id, @RequestParam int revision, @RequestParam int version) {
        workflow.restore(current.require(), id, revision, version);
        return new ModelAndView("redirect:/admin/articles/" + id + "?saved");
    }

    @ExceptionHandler(NotAllowedException.class)
    ModelAndView notAllowed(HttpServletRequest request, NotAllowedException e) {
        return problem(request, "editor.not-allowed", HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(ArticleNotFoundException.class)
    ModelAndView notFound(HttpServletRequest request) {
        return problem(request, "editor.not-found", HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler({EditConflictException.class, InvalidTransitionException.class})
    ModelAndView conflict(HttpServletRequest request) {
        return problem(request, "editor.state-changed", HttpStatus.CONFLICT);
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

    private static final Pattern EDITOR_FORM = Pattern.compile("/admin/articles/(new|[1-9][0-9]{0,17})");

    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView invalid(HttpServletRequest request) {
        return problem(request, "editor.invalid", HttpStatus.BAD_REQUEST);
    }

    private ModelAndView problem(HttpServletRequest request, String messageKey, HttpStatus status) {
        Account user = current.get().orElse(null);
        return new ModelAndView("admin/problem", Map.of("chrome", pages.chrome(request, "editor.problem.title", user),
                "messageKey", messageKey), status);
    }

    private ModelAndView editor(HttpServletRequest request, Account user, String editionCode, EditableArticle article,
            EditorForm form, String message, EditableArticle conflict, HttpStatus status) {
        EditorPage.Permissions may = article == null
                ? new EditorPage.Permissions(true, false, false, false, false, false)
                : new EditorPage.Permissions(workflow.may(user, Action.EDIT, article),
                        workflow.may(user, Action.SUBMIT, article) && article.status() == ArticleStatus.DRAFT,
                        workflow.may(user, Action.REJECT, article) && article.status() == ArticleStatus.IN_REVIEW,
                        workflow.may(user, Action.PUBLISH, article),
                        workflow.may(user, Action.UNPUBLISH, article) && article.status() == ArticleStatus.PUBLISHED,
                        workflow.may(user, Action.ADD_NOTE, article) && article.status() == ArticleStatus.PUBLISHED);
        List<String> others = article == null ? List.of() : presence.open(article.id(), user);
        EditorPage page = new EditorPage(pages.chrome(request, article == null ? "editor.new.title" : "editor.edit.title", user),
                editionCode, article, form, taxonomy.sections(editionCode), taxonomy.topics(editionCode),
                taxonomy.people(), media.recent("image", 200), media.recent("video", 50), message, conflict, others, may,
                article == null ? List.of() : translations.versions(article.id()),
                article == null ? null : translations.derivation(article.id()).orElse(null),
                editions.find(editionCode).map(edition -> edition.timeZone().getId()).orElse("UTC"));
        return new ModelAndView("admin/editor", Map.of("page", page), status);
    }

    private static ArticleStatus parseStatus(String status) {
        try {
            return status.isBlank() ? null : ArticleStatus.of(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
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
