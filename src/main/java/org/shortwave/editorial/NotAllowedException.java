package org.shortwave.editorial;

/** The user may not do this to this article (answered 403). */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(Action action, long articleId) {
        super("not allowed to " + action.name().toLowerCase(java.util.Locale.ROOT) + " article " + articleId);
    }
}
