package org.shortwave.editorial;

import org.shortwave.platform.Refusal;

/** The user may not do this to this article. */
public class NotAllowedException extends Refusal {

    public NotAllowedException(Action action, long articleId) {
        super(Kind.NOT_ALLOWED, null, "editor.not-allowed", action.name(), articleId);
    }
}
