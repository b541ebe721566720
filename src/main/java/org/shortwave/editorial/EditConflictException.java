package org.shortwave.editorial;

import org.shortwave.content.EditableArticle;

/**
 * Someone else saved the article after the version this change was based on (answered 409). Carries the current
 * article, so the user sees both their text and the other save, and loses neither.
 */
public class EditConflictException extends RuntimeException {

    private final transient EditableArticle current;

    public EditConflictException(EditableArticle current) {
        super("article " + current.id() + " was saved by someone else (now at version " + current.version() + ")");
        this.current = current;
    }

    public EditableArticle current() {
        return current;
    }
}
