package org.shortwave.content;

import java.time.Instant;

/** A correction or update note on a published story, shown on the public page with its time. */
public record ArticleNote(long id, Kind kind, String text, Instant at) {

    public enum Kind {
        CORRECTION, UPDATE;

        public String dbValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
