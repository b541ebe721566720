package org.shortwave.editorial;

import org.shortwave.content.ArticleStatus;

/** The action does not apply to an article in this state, e.g. unpublishing a draft (answered 409). */
public class InvalidTransitionException extends RuntimeException {

    public InvalidTransitionException(Action action, ArticleStatus status) {
        super("cannot " + action.name().toLowerCase(java.util.Locale.ROOT) + " an article that is "
                + status.dbValue());
    }
}
