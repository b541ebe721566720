package org.shortwave.editorial;

/** No such article (or it was deleted). */
public class ArticleNotFoundException extends RuntimeException {

    public ArticleNotFoundException(long id) {
        super("no article " + id);
    }
}
