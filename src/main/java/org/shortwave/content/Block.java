package org.shortwave.content;

import java.util.List;
import java.util.Objects;

/**
 * One block of an article body. The body is an ordered list of blocks, stored as JSON; {@link BodyJson} is the only
 * way in or out, and it rejects any type not listed here.
 */
public sealed interface Block {

    /** A paragraph of text with a few safe inline marks (emphasis, strong, links). */
    record Paragraph(InlineHtml text) implements Block {
        public Paragraph {
            Objects.requireNonNull(text);
        }
    }

    /** A subheading; level 2 or 3 (the headline is the page's level 1). */
    record Heading(String text, int level) implements Block {
        public Heading {
            BodyJson.requireText(text, "heading text", "text", 300);
            if (level != 2 && level != 3) {
                throw new InvalidBodyException("heading level must be 2 or 3, not " + level, "level",
                        "body.invalid.heading-level");
            }
        }
    }

    /** A quotation set apart from the text, with whom it is from. */
    record Quote(String text, String attribution) implements Block {
        public Quote {
            BodyJson.requireText(text, "quote text", "text", 2000);
            attribution = attribution == null ? "" : attribution.strip();
            if (attribution.length() > 300) {
                throw new InvalidBodyException("quote attribution is longer than 300 characters", "attribution",
                        "body.invalid.too-long", 300);
            }
            BodyJson.requireNoReordering(attribution, "quote attribution", "attribution");
        }
    }

    /** A photo from the media library; caption and credit override the media item's own when set. */
    record Image(long mediaId, String caption, String credit) implements Block {
    }

    /** A video from the media library. */
    record Video(long mediaId) implements Block {
    }

    /** A bulleted or numbered list; items carry the same inline marks as paragraphs. */
    record ListBlock(boolean ordered, List<InlineHtml> items) implements Block {
        public ListBlock {
            items = List.copyOf(items);
            if (items.isEmpty()) {
                throw new InvalidBodyException("a list needs at least one item", "items", "body.invalid.items");
            }
        }
    }

    /** A thematic break between parts of a story. */
    record Divider() implements Block {
    }
}
