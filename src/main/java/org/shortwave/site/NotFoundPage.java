package org.shortwave.site;

/** The localized "page not found" page. */
public record NotFoundPage(Chrome chrome) {
}
