package org.shortwave.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.AdminChrome;
import org.shortwave.accounts.CurrentAccount;
import org.shortwave.accounts.NewsroomChrome;
import org.shortwave.content.EditableArticle;
import org.shortwave.content.PublishedArticles;
import org.shortwave.media.MediaFilter;
import org.shortwave.media.MediaItem;
import org.shortwave.platform.PublicUrl;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Translations;
import org.shortwave.editorial.EditorialWorkflow;
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

    EditorPages(CurrentAccount current, EditorialWorkflow workflow, Taxonomy taxonomy, Editions editions,
            MediaLibrary media, NewsroomChrome pages, EditingPresence presence, Translations translations,
            PublishedArticles published, PublicUrl publicUrl) {
        this.published = published;
        this.publicUrl = publicUrl;
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
        return editor(request, user, editionCode, article, form, message, conflict, status, null);
    }

    /**
     * The editor again after a service's refusal of a save: the text as typed, the refusal in the page's language
     * naming the field ("Main photo: ..."), and that field marked invalid.
     */
    ModelAndView refused(HttpServletRequest request, Account user, String editionCode, EditableArticle article,
            EditorForm form, Refusal refusal) {
        if (refusal.field() == null) {
            throw refusal; // about the request as a whole (no right to write here): the problem page says it
        }
        AdminChrome chrome = pages.chrome(request, "editor.edit.title", user);
        String field = EditorForm.formField(refusal.field());
        String text = chrome.t(refusal.messageKey(), refusal.args());
        String label = EditorForm.fieldLabelKey(field);
        String message = label == null ? text : chrome.t("editor.reference.invalid", chrome.t(label), text);
        return editor(request, user, editionCode, article, form, message, null, RefusalStatus.of(refusal), field);
    }

    private ModelAndView editor(HttpServletRequest request, Account user, String editionCode, EditableArticle article,
            EditorForm form, String message, EditableArticle conflict, HttpStatus status, String invalidField) {
        EditorPage.Permissions may = article == null
                ? EditorPage.Permissions.NEW
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
                appearance(editionCode, article, form, images), invalidField);
        return new ModelAndView("admin/editor", Map.of("page", page), status);
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
