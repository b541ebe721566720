package org.shortwave.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.content.ArticleStatus;
import org.shortwave.content.EditableArticle;
import org.shortwave.content.PublishedArticles;
import org.shortwave.media.MediaItem;
import org.shortwave.platform.PublicUrl;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Translations;
import org.shortwave.editorial.Action;
import org.shortwave.editorial.EditorialWorkflow;
import org.shortwave.editorial.Permissions;
import org.shortwave.i18n.Editions;
import org.shortwave.media.MediaFilter;
import org.shortwave.media.MediaLibrary;
import org.shortwave.platform.Refusal;
import org.shortwave.platform.web.RefusalStatus;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Assembles the editor page for the article controllers: the form, the choices it offers (sections, topics, people,
 * and the media to pick from), who else has it open, its language versions, and the buttons the workflow allows.
 */
@Component
class EditorPages {

    private final CurrentAccount current;
    private final EditorialWorkflow workflow;
    private final Taxonomy taxonomy;
    private final Editions editions;
    private final MediaLibrary media;
    private final NewsroomChrome pages;
    private final EditingPresence presence;
    private final Translations translations;
    private final PublishedArticles published;
    private final PublicUrl publicUrl;
    private final java.time.Clock clock;

    EditorPages(CurrentAccount current, EditorialWorkflow workflow, Taxonomy taxonomy, Editions editions,
            MediaLibrary media, NewsroomChrome pages, EditingPresence presence, Translations translations,
            PublishedArticles published, PublicUrl publicUrl, java.time.Clock clock) {
        this.published = published;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.current = current;
        this.workflow = workflow;
        this.taxonomy = taxonomy;
        this.editions = editions;
        this.media = media;
        this.pages = pages;
        this.presence = presence;
        this.translations = translations;
    }

    /**
     * @param article null for a new article
     * @param conflict the version someone else saved meanwhile, or null
     */
    ModelAndView editor(HttpServletRequest request, Account user, String editionCode, EditableArticle article,
            EditorForm form, String message, EditableArticle conflict, HttpStatus status) {
        java.time.ZoneId zone = editions.find(editionCode).map(org.shortwave.i18n.Edition::timeZone)
                .orElse(java.time.ZoneOffset.UTC);
        EditorDesk desk = new EditorDesk(Recovery.NONE, WorkflowForm.of(article, zone, clock.instant()),
                article == null ? List.of() : workflow.reviewNotes(user, article.id()), zone, "", clock.instant());
        return editor(request, user, editionCode, article, form, message, conflict, status, desk);
    }

    /**
     * The editor again after a service's refusal of a save: the text as typed, the refusal in the page's language
     * naming the field ("Main photo: ..."), and that field marked invalid. A refusal of the whole request (the
     * state moved on, a right withdrawn meanwhile) is shown the same way, without a field: the text is not lost.
     */
    ModelAndView refused(HttpServletRequest request, Account user, String editionCode, EditableArticle article,
            EditorForm form, Refusal refusal, EditorDesk desk) {
        return editor(request, user, editionCode, article, form, "", null, RefusalStatus.of(refusal),
                desk.with(FieldError.of(refusal)));
    }

    /** @param desk the unsaved text, workflow fields and review notes beside the form (ADR 0021) */
    ModelAndView editor(HttpServletRequest request, Account user, String editionCode, EditableArticle article,
            EditorForm form, String message, EditableArticle conflict, HttpStatus status, EditorDesk desk) {
        EditorPage.Permissions may = article == null
                ? newArticle(user, editionCode)
                : new EditorPage.Permissions(workflow.available(user, article));
        List<String> others = article == null ? List.of() : presence.open(article.id(), user);
        // Only what this user may see and use (the media rule, docs/media.md), and the items the form names.
        List<MediaItem> images = choices(user, "image", 60, form.mainImage(), form.socialImage(),
                form.blocks().stream().filter(b -> b.type().equals("image")).map(EditorForm.BlockForm::media));
        EditorPage page = new EditorPage(
                pages.chrome(request, article == null ? "editor.new.title" : "editor.edit.title", user),
                editionCode, article, form, taxonomy.sections(editionCode), taxonomy.topics(editionCode),
                taxonomy.people(), images, choices(user, "video", 50, form.blocks().stream()
                        .filter(b -> b.type().equals("video")).map(EditorForm.BlockForm::media)), message, conflict, others, may,
                article == null ? List.of() : workflow.versions(user, article.id()),
                article == null ? null : translations.derivation(article.id()).orElse(null),
                editions.find(editionCode).map(edition -> edition.timeZone().getId()).orElse("UTC"),
                appearance(editionCode, article, form, images));
        Map<String, String> names = editions.all().stream().collect(java.util.stream.Collectors.toMap(
                org.shortwave.i18n.Edition::code, org.shortwave.i18n.Edition::name));
        return new ModelAndView("admin/editor", Map.of("page", page, "desk", desk.named(names)), status);
    }

    /** A new article: saved, and then submitted or published by the same button if the user's role allows. */
    private static EditorPage.Permissions newArticle(Account user, String editionCode) {
        Set<Action> actions = EnumSet.of(Action.EDIT);
        for (Action action : List.of(Action.SUBMIT, Action.PUBLISH)) {
            if (Permissions.allows(user, action, editionCode, true, ArticleStatus.DRAFT)) {
                actions.add(action);
            }
        }
        return new EditorPage.Permissions(actions);
    }

    private List<MediaItem> choices(Account user, String kind, int newest, String first, String second,
            java.util.stream.Stream<String> more) {
        return choices(user, kind, newest, java.util.stream.Stream.concat(java.util.stream.Stream.of(first, second),
                more));
    }

    /** The newest items of a kind the user may use, and any item the form names that she may use, once each. */
    private List<MediaItem> choices(Account user, String kind, int newest, java.util.stream.Stream<String> named) {
        List<MediaItem> items = new java.util.ArrayList<>(media.visibleTo(user, MediaFilter.newest(kind, newest)));
        java.util.Set<Long> listed = new java.util.HashSet<>(items.stream().map(MediaItem::id).toList());
        named.filter(id -> id != null && id.matches("[1-9][0-9]{0,17}")).map(Long::valueOf)
                .filter(listed::add)
                .forEach(id -> media.findVisibleTo(user, id).filter(m -> m.kind().equals(kind)).ifPresent(items::add));
        return items;
    }

    private EditorAppearance appearance(String editionCode, EditableArticle article, EditorForm form,
            List<MediaItem> images) {
        String publicPath = article == null ? null : published.find(article.id()).map(a -> a.path()).orElse(null);
        String siteName = editions.find(editionCode).map(e -> e.siteName()).orElse("");
        return EditorAppearance.of(publicPath, editionCode, article == null ? null : article.id(), form, images,
                publicUrl.origin(), siteName);
    }

    /** A refusal in the newsroom's language: the message key names the text. */
    ModelAndView problem(HttpServletRequest request, String messageKey, HttpStatus status) {
        return problem(request, messageKey, new Object[0], status);
    }

    /** A service's refusal in the newsroom's language, its arguments filled in. */
    ModelAndView problem(HttpServletRequest request, Refusal refusal) {
        return problem(request, refusal.messageKey(), refusal.args(), RefusalStatus.of(refusal));
    }

    private ModelAndView problem(HttpServletRequest request, String messageKey, Object[] args, HttpStatus status) {
        Account user = current.get().orElse(null);
        return new ModelAndView("admin/problem", Map.of("chrome", pages.chrome(request, "editor.problem.title", user),
                "messageKey", messageKey, "args", args), status);
    }

    static ModelAndView saved(long id) {
        return new ModelAndView("redirect:/admin/articles/" + id + "?saved");
    }
}
