package org.shortwave.content;

import com.ibm.icu.text.BreakIterator;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Slugs: the readable part of a URL. Letters (any script), digits and single hyphens, at most 120 characters. The
 * id, not the slug, identifies an article, so a slug can change and old links still arrive by a 301.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 120;
    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(-[\\p{L}\\p{M}\\p{N}]+)*");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern LETTER_OR_NUMBER = Pattern.compile("[\\p{L}\\p{N}]");
    /**
     * What a slug made from a headline may take, in UTF-8 bytes: a shared link carries the slug percent-encoded, 3
     * bytes (9 characters) per Chinese character, so the budget is in bytes, not letters (26 Chinese characters,
     * about 40 Cyrillic or Persian letters, 80 Latin ones). ADR 0019.
     */
    public static final int HEADLINE_BYTES = 80;
    /** Apostrophes join a word ("don't" is "dont", not "don-t"); Persian's zero-width non-joiner joins too. */
    private static final Pattern JOINING = Pattern.compile("['\u2019\u02BC\u200C\u200D]");

    private Slugs() {
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches()
                && slug.equals(slug.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a slug holds no letter and no number, only combining marks (which the pattern takes, as parts of
     * letters): it would show as nothing, or as dotted circles.
     */
    public static boolean isOnlyMarks(String slug) {
        return slug != null && !slug.isEmpty() && !LETTER_OR_NUMBER.matcher(slug).find();
    }

    /**
     * A slug made from free text: lower case, NFKC, accents kept as letters, everything else a hyphen. Lower-casing
     * and NFKC can each undo the other ({@code ℌ} folds to {@code H}; a lower-cased {@code J} and a combining caron
     * compose to {@code ǰ}), so the steps repeat until nothing changes: a slug made from a slug is the same slug.
     */
    public static String from(String text) {
        String slug = text;
        for (int round = 0; round < 4; round++) {
            String next = clean(slug);
            if (next.equals(slug)) {
                break;
            }
            slug = next;
        }
        return slug.isEmpty() || isOnlyMarks(slug) ? "article" : slug;
    }

    /**
     * The slug an editor gets for a headline while she has not typed one: the headline in its own script (ADR 0019),
     * as {@link #from} makes it, cut at the last word boundary (ICU's dictionary for Chinese, which has no spaces)
     * within {@link #HEADLINE_BYTES}. A single word longer than that is cut within it.
     */
    public static String fromHeadline(String headline) {
        String text = JOINING.matcher(headline == null ? "" : headline).replaceAll("");
        String whole = from(text);
        if (utf8(whole) <= HEADLINE_BYTES) {
            return whole;
        }
        BreakIterator words = BreakIterator.getWordInstance(Locale.ROOT);
        words.setText(text);
        String best = null;
        for (int end = words.next(); end != BreakIterator.DONE; end = words.next()) {
            String candidate = from(text.substring(0, end));
            if (utf8(candidate) > HEADLINE_BYTES) {
                break;
            }
            best = candidate;
        }
        if (best != null && !best.equals("article")) {
            return best;
        }
        return cutToBytes(whole);
    }

    private static String cutToBytes(String slug) {
        StringBuilder cut = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < slug.length(); ) {
            int cp = slug.codePointAt(i);
            int size = utf8(Character.toString(cp));
            if (bytes + size > HEADLINE_BYTES) {
                break;
            }
            cut.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        // A cut may leave a trailing hyphen or a lone combining mark; from() tidies the first, and a mark alone
        // is still a letter-like character that the pattern accepts.
        return from(cut.toString());
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String clean(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String slug = NOT_ALLOWED.matcher(normalized).replaceAll("-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            int end = Character.isHighSurrogate(slug.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
            slug = slug.substring(0, end).replaceAll("-+$", "");
        }
        return slug;
    }
}
