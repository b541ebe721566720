package org.shortwave.editorial.web;

/**
 * What the forms of the sections or topics page hold when it comes back refused: the new one's slug and name, and a
 * rename being typed ({@code renaming} 0: none).
 */
public record TaxonomyTyped(String slug, String name, long renaming, String newName) {

    static final TaxonomyTyped NOTHING = new TaxonomyTyped("", "", 0, "");
}
