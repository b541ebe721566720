package org.shortwave.editorial.web;

/** A row of the sections or topics page: one of them, with the number of articles using it. */
public record TaxonomyRow(long id, String slug, String name, String publicPath, long articles) {
}
