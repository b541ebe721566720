package org.shortwave.editorial;

import org.shortwave.content.ArticleStatus;
import org.shortwave.platform.Refusal;

/** The action does not apply to an article in this state, e.g. unpublishing a draft. */
public class InvalidTransitionException extends Refusal {

    public InvalidTransitionException(Action action, ArticleStatus status) {
        super(Kind.CONFLICT, "status", "editor.state-changed", action.name(), status.dbValue());
    }
}
