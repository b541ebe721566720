package org.shortwave.editorial;

import org.shortwave.content.EditableArticle;
import org.shortwave.platform.Refusal;

/**
 * Someone else saved the article after the version this change was based on. Carries the current article, so the
 * user sees both their text and the other save, and loses neither.
 */
public class EditConflictException extends Refusal {

    private final transient EditableArticle current;

    public EditConflictException(EditableArticle current) {
        super(Kind.CONFLICT, "version", "editor.state-changed", current.id(), current.version());
        this.current = current;
    }

    public EditableArticle current() {
        return current;
    }
}
