package org.shortwave.content;

/**
 * An author, or a person quoted. {@code latinName} is the Latin-script form of a name written in another script
 * (Chinese names, say), shown after the name where a reader may need it.
 */
public record Person(long id, String name, String latinName, String description) {
}
