package org.shortwave.content;

import java.util.Locale;

/** What a content write did. */
public enum ChangeKind {
    /** An article was created or edited without changing whether it is public. */
    ARTICLE_SAVED,
    /** An article became published (or was published again). */
    ARTICLE_PUBLISHED,
    /** A published article was taken down. */
    ARTICLE_UNPUBLISHED,
    ARTICLE_DELETED,
    /** An editor's list changed: an article's related stories, or an edition's top stories. */
    LISTS_CHANGED,
    /** An edition was added or changed (name, locale, calendar...): every node reloads its editions. */
    EDITION_CHANGED,
    /** A section of the edition was added, renamed, moved in the menu or removed (the menu is on every page). */
    SECTION_CHANGED,
    /** A topic of the edition was added, renamed or removed. */
    TOPIC_CHANGED,
    /** A person (an author) was added or edited; people are shared by every edition. */
    PERSON_CHANGED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChangeKind of(String dbValue) {
        return valueOf(dbValue.toUpperCase(Locale.ROOT));
    }
}
