package org.shortwave.content;

/** A section of an edition (World, Business...), the main menu's entries. */
public record Section(long id, String editionCode, String slug, String name) implements Term {

    @Override
    public String path() {
        return "/" + editionCode + "/" + slug + "/s-" + id;
    }
}
