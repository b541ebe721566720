package org.shortwave.content;

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

    private Slugs() {
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches()
                && slug.equals(slug.toLowerCase(Locale.ROOT));
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
        return slug.isEmpty() ? "article" : slug;
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
