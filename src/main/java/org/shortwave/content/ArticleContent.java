package org.shortwave.content;

import java.text.Normalizer;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.shortwave.platform.Refusal;
import org.shortwave.platform.TextRule;

/**
 * What an editor writes: every field of an article except its workflow state. The constructor checks what one
 * article can check; references (edition, section, people, topics, media) are checked by the database.
 */
public record ArticleContent(String editionCode, long sectionId, String headline, String slug, String lead,
        String dateline, List<Block> body, Long mainImageId, List<Long> authorIds, List<Long> topicIds,
        String copyrightHolder, SearchAppearance appearance) {

    public static final int MAX_HEADLINE = 300;
    public static final int MAX_LEAD = 2000;
    public static final int MAX_DATELINE = 100;

    /**
     * Bidirectional embeddings and overrides (U+202A to U+202E) make text display in another order than it is
     * written ("txt.exe" shown as "exe.txt"). The edition's direction and isolation do that job; these never belong
     * in a headline; nor do control characters other than line breaks and tabs (C1 controls included), nor the
     * noncharacters U+FFFE and U+FFFF, which make a page invalid HTML. (Marks such as U+200F and the zero-width
     * non-joiner of Persian spelling are kept.)
     */
    private static final Pattern REORDERING =
            Pattern.compile("[\\u202A-\\u202E\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFFFE\\uFFFF]");

    public ArticleContent {
        Objects.requireNonNull(editionCode, "edition");
        headline = requireLength(headline, "headline", "headline", MAX_HEADLINE);
        lead = optionalLength(lead, "lead", "lead", MAX_LEAD);
        dateline = optionalLength(dateline, "dateline", "dateline", MAX_DATELINE);
        // A blank slug is made from the headline (the editor may leave it to the server); a typed one is checked.
        slug = slug == null || slug.isBlank() ? Slugs.fromHeadline(headline)
                : Normalizer.normalize(slug, Normalizer.Form.NFC);
        if (!Slugs.isValid(slug)) {
            throw new InvalidContentException("slug '" + slug + "' is not a valid slug", "slug");
        }
        body = List.copyOf(body);
        authorIds = List.copyOf(authorIds);
        topicIds = List.copyOf(topicIds);
        copyrightHolder = requireLength(copyrightHolder, "copyright holder", "copyright", 200);
        appearance = appearance == null ? SearchAppearance.NONE : appearance;
    }

    /** Content with the default search appearance (description from the lead, title and image from the story). */
    public ArticleContent(String editionCode, long sectionId, String headline, String slug, String lead,
            String dateline, List<Block> body, Long mainImageId, List<Long> authorIds, List<Long> topicIds,
            String copyrightHolder) {
        this(editionCode, sectionId, headline, slug, lead, dateline, body, mainImageId, authorIds, topicIds,
                copyrightHolder, SearchAppearance.NONE);
    }

    /**
     * Refuses text holding a character of {@link #REORDERING}; the body's plain texts (headings, quotes, captions)
     * follow the same rule as the headline. (PostgreSQL cannot store NUL at all: unchecked, it surfaced as a
     * database error.)
     */
    public static void requireNoReordering(String text, String what,
            java.util.function.Function<String, ? extends IllegalArgumentException> refusal) {
        int c = firstReordering(text);
        if (c >= 0) {
            throw refusal.apply("%s contains a control character that hides or reorders text (U+%04X)"
                    .formatted(what, c));
        }
    }

    /**
     * Refuses a character of {@link #REORDERING} in a text field of the story with the text rule's refusal, on its
     * field, as for any other character the rule refuses ({@link TextRule} covers all of these; the English
     * {@link IllegalArgumentException} is there only should the two ever part).
     */
    static void refuseReordering(String text, String what, String field) {
        if (firstReordering(text) >= 0) {
            TextRule.require(text, field);
            requireNoReordering(text, what, IllegalArgumentException::new);
        }
    }

    /** The first character of {@link #REORDERING} in the text, or -1. */
    static int firstReordering(String text) {
        var reordering = REORDERING.matcher(text);
        return reordering.find() ? reordering.group().charAt(0) : -1;
    }

    /**
     * The text rule ({@link TextRule}) over every text the editor wrote, each refusal naming its field as a path
     * ({@code headline}, {@code body[2].text}, {@code body[4].items[1]}). Checked when content is written, not when
     * stored content is read: an older story that breaks a newer rule still opens, and is refused only on save.
     */
    public void requireTextRule() {
        TextRule.require(headline, "headline");
        TextRule.require(lead, "lead");
        TextRule.require(dateline, "dateline");
        if (Slugs.isOnlyMarks(slug)) {
            // The slug pattern takes combining marks (they belong to letters); marks alone show as nothing or as
            // dotted circles, and the text rule's "looks empty" would not say what is missing.
            throw new Refusal(Refusal.Kind.INVALID, "slug", "slug.invalid.marks-only");
        }
        TextRule.require(slug, "slug");
        TextRule.require(copyrightHolder, "copyright");
        TextRule.require(appearance.description(), "searchDescription");
        TextRule.require(appearance.socialTitle(), "socialTitle");
        for (int i = 0; i < body.size(); i++) {
            String at = "body[" + i + "].";
            switch (body.get(i)) {
                case Block.Paragraph p -> TextRule.require(p.text().text(), at + "text");
                case Block.Heading h -> TextRule.require(h.text(), at + "text");
                case Block.Quote q -> {
                    TextRule.require(q.text(), at + "text");
                    TextRule.require(q.attribution(), at + "attribution");
                }
                case Block.Image image -> {
                    TextRule.require(image.caption(), at + "caption");
                    TextRule.require(image.credit(), at + "credit");
                }
                case Block.ListBlock list -> {
                    for (int k = 0; k < list.items().size(); k++) {
                        TextRule.require(list.items().get(k).text(), at + "items[" + k + "]");
                    }
                }
                case Block.Video v -> { }
                case Block.Divider d -> { }
            }
        }
    }

    private static String requireLength(String text, String what, String field, int max) {
        if (text == null || text.isBlank()) {
            throw new InvalidContentException(what + " must not be empty", field);
        }
        return optionalLength(text, what, field, max);
    }

    /** Text in NFC (so that twins typed as NFC and NFD are one text), within its length, with no reordering. */
    private static String optionalLength(String text, String what, String field, int max) {
        text = text == null ? "" : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        refuseReordering(text, what, field);
        if (text.length() > max) {
            throw new InvalidContentException(what + " is longer than " + max + " characters", field);
        }
        return text;
    }
}
