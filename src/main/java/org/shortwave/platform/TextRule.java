package org.shortwave.platform;

/**
 * The one rule for text that people write into Shortwave (headlines, body texts, names, notes, display names,
 * token names): it may not hide, reorder or fake its own content. Refused, with the field at fault:
 * <ul>
 * <li>bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069) and the Arabic letter
 * mark U+061C: they display text in another order than it is stored ("txt.exe" shown as "exe.txt"); the edition's
 * direction and the templates' isolation do that job;</li>
 * <li>controls: C0 except tab, line feed and carriage return (NUL above all, which PostgreSQL cannot store), DEL,
 * C1;</li>
 * <li>format characters (Unicode category Cf) other than those below: zero-width space, word joiner, BOM,
 * invisible operators, interlinear annotations;</li>
 * <li>tag characters (U+E0000 block), except inside an emoji tag sequence (a subdivision flag: U+1F3F4, tags,
 * U+E007F);</li>
 * <li>noncharacters (U+FDD0 to U+FDEF, U+nFFFE and U+nFFFF) and lone surrogates (which would be stored as "?");</li>
 * <li>text that is not empty but shows nothing: only spaces, marks, joiners, fillers.</li>
 * </ul>
 * Allowed on purpose: the zero-width non-joiner U+200C (Persian spelling), the zero-width joiner U+200D (emoji
 * sequences, Indic scripts), the left-to-right and right-to-left marks U+200E and U+200F (placing punctuation next
 * to Latin words in Persian), the soft hyphen U+00AD, variation selectors, and the Arabic number signs
 * (U+0600 to U+0605, U+06DD), which are visible.
 */
public final class TextRule {

    private TextRule() {
    }

    /** What is wrong with a text, each with its message key (arguments: the code point, as U+XXXX). */
    public enum Fault {
        REORDERING("text.invalid.reordering"),
        CONTROL("text.invalid.control"),
        NONCHARACTER("text.invalid.noncharacter"),
        INVISIBLE("text.invalid.invisible");

        private final String messageKey;

        Fault(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** A fault found in a text: which, and the code point at fault (-1 for {@link Fault#INVISIBLE}). */
    public record Finding(Fault fault, int codePoint) {

        public String codePointName() {
            return codePoint < 0 ? "" : String.format("U+%04X", codePoint);
        }
    }

    /** Refuses the text (kind INVALID, naming {@code field}) if it breaks the rule; null and "" pass. */
    public static String require(String text, String field) {
        Finding finding = check(text);
        if (finding != null) {
            throw new Refusal(Refusal.Kind.INVALID, field, finding.fault().messageKey(), finding.codePointName());
        }
        return text;
    }

    /** The first fault of the text, or null if it follows the rule. */
    public static Finding check(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        boolean visible = false;
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            char unit = text.charAt(i);
            if (Character.isSurrogate(unit) && !(Character.isHighSurrogate(unit) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))) {
                return new Finding(Fault.NONCHARACTER, unit);
            }
            int c = text.codePointAt(i);
            Fault fault = fault(c);
            if (isTag(c)) {
                int end = tagSequenceEnd(text, i, previous);
                if (end < 0) {
                    return new Finding(Fault.CONTROL, c);
                }
                i = end;
                previous = 0xE007F;
                continue;
            }
            if (fault != null) {
                return new Finding(fault, c);
            }
            visible |= !isInvisible(c);
            previous = c;
            i += Character.charCount(c);
        }
        return visible ? null : new Finding(Fault.INVISIBLE, -1);
    }

    private static Fault fault(int c) {
        if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x061C) {
            return Fault.REORDERING;
        }
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F) {
            return Fault.CONTROL;
        }
        if (c >= 0xFDD0 && c <= 0xFDEF || (c & 0xFFFE) == 0xFFFE) {
            return Fault.NONCHARACTER;
        }
        if (Character.getType(c) == Character.FORMAT && !allowedFormat(c)) {
            return Fault.CONTROL;
        }
        return null;
    }

    private static boolean allowedFormat(int c) {
        return c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F || c == 0x00AD
                || c >= 0x0600 && c <= 0x0605 || c == 0x06DD || c == 0x070F || c == 0x0890 || c == 0x0891
                || c == 0x08E2 || c == 0x110BD || c == 0x110CD;
    }

    private static boolean isTag(int c) {
        return c >= 0xE0000 && c <= 0xE007F;
    }

    /**
     * The end of an emoji tag sequence starting at {@code start} (tags U+E0020 to U+E007E after a black flag
     * U+1F3F4, closed by U+E007F), or -1 if the tags there are not one.
     */
    private static int tagSequenceEnd(String text, int start, int previous) {
        if (previous != 0x1F3F4) {
            return -1;
        }
        int i = start;
        int tags = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (c == 0xE007F) {
                return tags > 0 ? i + Character.charCount(c) : -1;
            }
            if (c < 0xE0020 || c > 0xE007E) {
                return -1;
            }
            tags++;
            i += Character.charCount(c);
        }
        return -1;
    }

    /** Shows nothing by itself: spaces, marks, joiners, variation selectors, fillers, the braille blank. */
    private static boolean isInvisible(int c) {
        return switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.CONTROL, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK -> true;
            // The format characters that get this far are the allowed ones; only the number signs show.
            case Character.FORMAT -> !(c >= 0x0600 && c <= 0x0605) && c != 0x06DD && c != 0x070F && c != 0x0890
                    && c != 0x0891 && c != 0x08E2 && c != 0x110BD && c != 0x110CD;
            default -> Character.isWhitespace(c) || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0
                    || c == 0x2800 || c == 0x180E;
        };
    }
}
