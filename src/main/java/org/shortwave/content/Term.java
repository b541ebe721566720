package org.shortwave.content;

/**
 * What an edition files its stories under: a {@link Section} (its menu) or a {@link Topic}. Both have a slug fixed
 * once made, a name, and a public page; the newsroom manages them alike.
 */
public sealed interface Term permits Section, Topic {

    /** Sections or topics. */
    enum Kind {
        SECTION(ChangeKind.SECTION_CHANGED), TOPIC(ChangeKind.TOPIC_CHANGED);

        private final ChangeKind change;

        Kind(ChangeKind change) {
            this.change = change;
        }

        /** The change-log kind that a change of one of these records. */
        public ChangeKind change() {
            return change;
        }
    }

    long id();

    String editionCode();

    String slug();

    String name();

    /** The term's public page. */
    String path();
}
