package org.shortwave.editorial.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.shortwave.accounts.AdminChrome;
import org.shortwave.content.ArticleStatus;
import org.shortwave.content.Derivation;
import org.shortwave.content.EditableArticle;
import org.shortwave.content.StoryVersion;
import org.shortwave.content.Person;
import org.shortwave.content.Section;
import org.shortwave.content.Topic;
import org.shortwave.editorial.Action;
import org.shortwave.media.MediaItem;

/**
 * The article editor ({@code versions}: the story's language versions, itself included; {@code derivation}: set for
 * an article converted automatically from another). {@code article} is null for a new article; {@code conflict}, when set, is the version someone
 * else saved while this user edited: the form keeps this user's text and the page shows the other version beside it.
 */
public record EditorPage(AdminChrome chrome, String editionCode, EditableArticle article, EditorForm form,
        List<Section> sections, List<Topic> topics, List<Person> people, List<MediaItem> images,
        List<MediaItem> videos, String message, EditableArticle conflict, List<String> othersEditing,
        Permissions permissions, List<StoryVersion> versions, Derivation derivation, String timeZone,
        EditorAppearance appearance) {

    /** The buttons shown: the actions the workflow says this user can take on this article now. */
    public record Permissions(Set<Action> actions) {

        /** A new article: the form can be filled and saved (the workflow checks the right to create on save). */
        static final Permissions NEW = new Permissions(Set.of(Action.EDIT));

        public Permissions {
            actions = Set.copyOf(actions);
        }

        public boolean edit() {
            return actions.contains(Action.EDIT);
        }

        public boolean submit() {
            return actions.contains(Action.SUBMIT);
        }

        public boolean reject() {
            return actions.contains(Action.REJECT);
        }

        public boolean publish() {
            return actions.contains(Action.PUBLISH);
        }

        public boolean withdraw() {
            return actions.contains(Action.WITHDRAW);
        }

        public boolean unpublish() {
            return actions.contains(Action.UNPUBLISH);
        }

        public boolean addNote() {
            return actions.contains(Action.ADD_NOTE);
        }
    }

    public static List<String> blockTypes() {
        return EditorForm.BLOCK_TYPES;
    }

    /** When a published article is (or was) first public: its publish time, or its embargo's end if later. */
    public Instant publicFrom() {
        if (article == null || article.status() != ArticleStatus.PUBLISHED || article.publishedAt() == null) {
            return null;
        }
        Instant embargo = article.embargoUntil();
        return embargo != null && embargo.isAfter(article.publishedAt()) ? embargo : article.publishedAt();
    }

    public boolean isNew() {
        return article == null;
    }

    public String action() {
        return isNew() ? "/admin/articles/new" : "/admin/articles/" + article.id();
    }

    public boolean selected(List<String> chosen, long id) {
        return chosen.contains(Long.toString(id));
    }
}
