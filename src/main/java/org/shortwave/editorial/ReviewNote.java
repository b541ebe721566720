package org.shortwave.editorial;

import java.time.Instant;

/** A note of the review conversation: who wrote it, with which workflow action, when. */
public record ReviewNote(long articleId, String action, String text, Instant at, String author) {
}
