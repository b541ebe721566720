package org.shortwave.editorial;

import org.shortwave.platform.Refusal;

/** No such article (or it was deleted). */
public class ArticleNotFoundException extends Refusal {

    public ArticleNotFoundException(long id) {
        super(Kind.NOT_FOUND, "id", "editor.not-found", id);
    }
}
