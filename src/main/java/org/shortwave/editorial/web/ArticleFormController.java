package org.shortwave.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.content.ArticleStatus;
import org.shortwave.content.EditableArticle;
import org.shortwave.content.NewsroomArticles;
import org.shortwave.editorial.Action;
import org.shortwave.editorial.ArticleNotFoundException;
import org.shortwave.editorial.Draft;
import org.shortwave.editorial.Drafts;
import org.shortwave.editorial.NotAllowedException;
import org.shortwave.editorial.Permissions;
import org.shortwave.editorial.ReviewNote;
import org.shortwave.editorial.EditConflictException;
import org.shortwave.editorial.EditorialWorkflow;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.platform.Refusal;
import org.shortwave.site.SitePages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
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
    private final Drafts drafts;
    private final Clock clock;

    ArticleFormController(CurrentAccount current, EditorialWorkflow workflow, NewsroomArticles articles,
            Editions editions, SitePages sitePages, EditorPages editorPages, Drafts drafts, Clock clock) {
        this.drafts = drafts;
        this.clock = clock;
        this.current = current;
        this.workflow = workflow;
        this.articles = articles;
        this.editions = editions;
        this.sitePages = sitePages;
        this.editorPages = editorPages;
    }

    @GetMapping("/admin/articles/new")
    ModelAndView newArticle(HttpServletRequest request, @RequestParam(defaultValue = "") String edition,
            @RequestParam(defaultValue = "") String mainImage, @RequestParam(defaultValue = "") String draft,
            @RequestParam(required = false) String kept) {
        Account user = current.require();
        Optional<Draft> restored = Optional.ofNullable(draftKey(draft)).flatMap(key -> drafts.forKey(user, key));
        Edition chosen = creatable(user, restored.map(Draft::editionCode).orElse(edition));
        // "Use in a new story" from the media library: the photo is preselected; saving checks it like any other.
        String photo = mainImage.matches("[1-9][0-9]{0,17}") ? mainImage : "";
        EditorForm form = restored.map(d -> EditorForm.parse(new LinkedMultiValueMap<>(d.form())))
                .orElseGet(() -> new EditorForm(0, "", "", "", "", "", List.of(), List.of(), photo, chosen.siteName(),
                        List.of(EditorForm.BlockForm.empty("paragraph"))));
        Recovery recovery = new Recovery(null, restored.orElse(null), restored.isPresent() ? kept : null,
                restored.isPresent() ? Recovery.NewDrafts.NONE : Recovery.NewDrafts.of(drafts.newArticles(user), editions), 0,
                chosen.timeZone());
        EditorDesk desk = new EditorDesk(recovery, restored.map(d -> WorkflowForm.parse(d.form()))
                .orElse(WorkflowForm.EMPTY), List.of(), chosen.timeZone(),
                restored.map(d -> d.draftKey().toString()).orElseGet(() -> UUID.randomUUID().toString()), clock.instant());
        return editorPages.editor(request, user, chosen.code(), null, form, "", null, HttpStatus.OK, desk);
    }

    @PostMapping("/admin/articles/new")
    ModelAndView create(HttpServletRequest request, @RequestParam MultiValueMap<String, String> form,
            @RequestParam(defaultValue = "") String edition, @RequestParam(defaultValue = "save") String op) {
        Account user = current.require();
        Edition chosen = editions.find(edition).orElseThrow(() -> new ArticleNotFoundException(0));
        EditorForm posted = EditorForm.parse(form).apply(op);
        WorkflowForm planned = WorkflowForm.parse(form);
        UUID key = draftKey(form.getFirst("draftKey"));
        EditorDesk desk = new EditorDesk(Recovery.NONE, planned, List.of(), chosen.timeZone(),
                key == null ? UUID.randomUUID().toString() : key.toString(), clock.instant());
        Action action = ACTIONS.get(op);
        if (action == null) {
            return editorPages.editor(request, user, chosen.code(), null, posted, "", null, HttpStatus.OK, desk);
        }
        if (!Permissions.allows(user, Action.CREATE, chosen.code(), true, ArticleStatus.DRAFT)) {
            // Refused, with the text kept on the page (the list offers only editions the user may write for).
            return editorPages.editor(request, user, chosen.code(), null, posted, "editor.not-allowed-edition", null,
                    HttpStatus.FORBIDDEN, desk);
        }
        long id;
        Instant at;
        Instant embargo;
        try {
            // The button's times are checked before anything is created, so a refusal of them creates nothing.
            at = plannedTime(op, planned, chosen);
            embargo = EditionTime.parse(planned.embargoUntil(), chosen.timeZone(), "embargoUntil");
            id = workflow.create(user, posted.toContent(chosen.code()));
        } catch (Refusal e) {
            return editorPages.refused(request, user, chosen.code(), null, posted, e, desk);
        } catch (IllegalArgumentException e) {
            return editorPages.editor(request, user, chosen.code(), null, posted, "", null,
                    HttpStatus.valueOf(422), desk.with(FieldError.of(e)));
        }
        if (key != null) {
            drafts.discardNew(user, key);
        }
        if (action == Action.EDIT) {
            return EditorPages.saved(id);
        }
        // Created; the button's action follows on the new article. Its refusal is shown in the editor of the new
        // article (saved, so the next save goes to it), not dropped behind a "saved".
        try {
            workflow.act(user, id, 1, null, action, at, embargo, planned.reviewNote());
            return done(id, op);
        } catch (Refusal e) {
            EditableArticle created = workflow.open(user, id);
            EditorDesk createdDesk = new EditorDesk(Recovery.NONE, planned, workflow.reviewNotes(user, id),
                    chosen.timeZone(), "", clock.instant());
            return editorPages.refused(request, user, chosen.code(), created, EditorForm.of(created), e, createdDesk);
        }
    }

    @GetMapping("/admin/articles/{id}")
    ModelAndView edit(HttpServletRequest request, @PathVariable long id,
            @RequestParam(name = "saved", required = false) String savedFlag,
            @RequestParam(defaultValue = "") String done, @RequestParam(defaultValue = "") String draft,
            @RequestParam(required = false) String kept) {
        Account user = current.require();
        EditableArticle article = workflow.open(user, id);
        Edition edition = editions.find(article.content().editionCode()).orElseThrow();
        Optional<Draft> mine = workflow.may(user, Action.EDIT, article) ? drafts.forArticle(user, id) : Optional.empty();
        List<ReviewNote> notes = workflow.reviewNotes(user, id);
        if ("restore".equals(draft) && mine.isPresent()) {
            Draft d = mine.get();
            boolean stale = d.baseVersion() < article.version();
            // On an older version: both texts are shown, and saving makes this one current (as after a conflict).
            EditorForm form = EditorForm.parse(new LinkedMultiValueMap<>(d.form())).basedOn(article.version());
            Recovery recovery = new Recovery(null, d, kept, Recovery.NewDrafts.NONE, article.version(),
                    edition.timeZone());
            EditorDesk desk = new EditorDesk(recovery, WorkflowForm.parse(d.form()), notes, edition.timeZone(), "",
                    clock.instant());
            return editorPages.editor(request, user, edition.code(), article, form, stale ? "editor.conflict" : "",
                    stale ? article : null, HttpStatus.OK, desk);
        }
        // Unsaved text is a draft that differs from what is saved (a save deletes the draft; an autosave after it,
        // or one made through another way of saving, would hold the same text and is not worth offering).
        EditorForm saved = EditorForm.of(article).basedOn(0);
        Draft offered = mine.filter(d -> !EditorForm.parse(new LinkedMultiValueMap<>(d.form())).basedOn(0)
                .equals(saved)).orElse(null);
        Recovery recovery = new Recovery(offered, null, null, Recovery.NewDrafts.NONE, article.version(),
                edition.timeZone());
        EditorDesk desk = new EditorDesk(recovery, WorkflowForm.of(article, edition.timeZone(), clock.instant()), notes,
                edition.timeZone(), "", clock.instant());
        String message = DONE.contains(done) ? "editor.done." + done : savedFlag != null ? "editor.saved" : "";
        return editorPages.editor(request, user, edition.code(), article, EditorForm.of(article), message, null,
                HttpStatus.OK, desk);
    }

    /**
     * The editor's form: saving, a workflow button acting on the text on screen (save and submit, save and publish,
     * schedule, send back, withdraw, unpublish), or a block operation (the form comes back changed, nothing saved).
     */
    @PostMapping("/admin/articles/{id}")
    ModelAndView save(HttpServletRequest request, @PathVariable long id, @RequestParam MultiValueMap<String, String> form,
            @RequestParam(defaultValue = "save") String op) {
        Account user = current.require();
        EditableArticle article = workflow.open(user, id);
        Edition edition = editions.find(article.content().editionCode()).orElseThrow();
        String editionCode = edition.code();
        EditorForm posted = EditorForm.parse(form).apply(op);
        WorkflowForm planned = WorkflowForm.parse(form);
        EditorDesk desk = new EditorDesk(Recovery.NONE, planned, workflow.reviewNotes(user, id), edition.timeZone(), "",
                clock.instant());
        Action action = ACTIONS.get(op);
        if (action == null) {
            return editorPages.editor(request, user, editionCode, article, posted, "", null, HttpStatus.OK, desk);
        }
        boolean mayEdit = workflow.may(user, Action.EDIT, article);
        try {
            if (action == Action.EDIT) {
                workflow.save(user, id, posted.version(), posted.toContent(editionCode));
            } else {
                workflow.act(user, id, posted.version(), mayEdit ? posted.toContent(editionCode) : null, action,
                        plannedTime(op, planned, edition),
                        EditionTime.parse(planned.embargoUntil(), edition.timeZone(), "embargoUntil"),
                        planned.reviewNote());
            }
            drafts.discard(user, id);
            return action == Action.EDIT ? EditorPages.saved(id) : done(id, op);
        } catch (EditConflictException e) {
            // Keep what this user typed; show what the other saved; the next save is based on the other's version.
            return editorPages.editor(request, user, editionCode, e.current(), posted.basedOn(e.current().version()),
                    "editor.conflict", e.current(), HttpStatus.CONFLICT, desk);
        } catch (Refusal e) {
            return editorPages.refused(request, user, editionCode, article, posted, e, desk);
        } catch (IllegalArgumentException e) {
            return editorPages.editor(request, user, editionCode, article, posted, "", null,
                    HttpStatus.valueOf(422), desk.with(FieldError.of(e)));
        }
    }

    /** Forgets the user's unsaved text of an article. */
    @PostMapping("/admin/articles/{id}/draft/discard")
    String discard(@PathVariable long id) {
        drafts.discard(current.require(), id);
        return "redirect:/admin/articles/" + id;
    }

    /** Forgets the user's unsaved new article. */
    @PostMapping("/admin/articles/drafts/{key}/discard")
    String discardNew(@PathVariable String key) {
        UUID draftKey = draftKey(key);
        if (draftKey != null) {
            drafts.discardNew(current.require(), draftKey);
        }
        return "redirect:/admin/articles";
    }

    /** The buttons of the form: {@code save} and the workflow's actions. */
    private static final Map<String, Action> ACTIONS = Map.of("save", Action.EDIT, "submit", Action.SUBMIT,
            "reject", Action.REJECT, "publish", Action.PUBLISH, "schedule", Action.PUBLISH, "withdraw", Action.WITHDRAW,
            "unpublish", Action.UNPUBLISH);
    private static final java.util.Set<String> DONE = java.util.Set.of("submit", "reject", "publish", "schedule",
            "withdraw", "unpublish");

    private static ModelAndView done(long id, String op) {
        return new ModelAndView("redirect:/admin/articles/" + id + "?done=" + op);
    }

    /** Publish now ({@code publish}), or at the planned time ({@code schedule}: required, and ahead). */
    private Instant plannedTime(String op, WorkflowForm planned, Edition edition) {
        if (!"schedule".equals(op)) {
            return null;
        }
        Instant at = EditionTime.parse(planned.publishAt(), edition.timeZone(), "publishAt");
        if (at == null || !at.isAfter(clock.instant())) {
            throw new Refusal(Refusal.Kind.INVALID, "publishAt", "editor.invalid.schedule");
        }
        return at;
    }

    /** The edition asked for if the user may write for it, else the first one she may; none: refused. */
    private Edition creatable(Account user, String code) {
        List<Edition> mayWrite = creatableEditions(user, editions);
        return mayWrite.stream().filter(e -> e.code().equals(code)).findFirst()
                .or(() -> editions.defaultEdition().filter(mayWrite::contains))
                .or(() -> mayWrite.stream().findFirst())
                .orElseThrow(() -> new NotAllowedException(Action.CREATE, 0));
    }

    /** The editions in which this user may create articles, in the editions' order. */
    static List<Edition> creatableEditions(Account user, Editions editions) {
        return editions.all().stream()
                .filter(e -> Permissions.allows(user, Action.CREATE, e.code(), true, ArticleStatus.DRAFT)).toList();
    }

    private static UUID draftKey(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
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
