package org.shortwave.content;

/** A topic of an edition: a theme that stories across sections share. */
public record Topic(long id, String editionCode, String slug, String name) implements Term {

    @Override
    public String path() {
        return "/" + editionCode + "/" + slug + "/t-" + id;
    }
}
