package org.shortwave.site;

/** A page that tells the reader what went wrong (not found, or another error), in the edition's language. */
public record ErrorPage(Chrome chrome) {
}
