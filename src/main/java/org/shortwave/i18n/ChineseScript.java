package org.shortwave.i18n;

import com.ibm.icu.text.Transliterator;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds traditional Chinese characters to simplified ones, so that search treats both scripts as one
 * (docs/adr/0004-search-analyzers-and-chinese-scripts.md).
 *
 * <p>The table is ICU4J's {@code Traditional-Simplified} transliterator applied once to every CJK ideograph at class
 * load (under a second). ICU maps those one character to one character, so folding is a lookup per code point: it is
 * thread-safe, fast enough for an archive rebuild, and keeps text lengths, which keeps highlight offsets right.
 * It is a folding for matching, not a converter for display: phrase-level differences (軟體/软件) are out of scope.
 */
public final class ChineseScript {

    private static final int[][] IDEOGRAPH_RANGES = {
        {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x2A6DF},
    };

    private static final Map<Integer, Integer> TO_SIMPLIFIED = table();

    private ChineseScript() {
    }

    /** The text with every traditional character that has a simplified form replaced by it; all else unchanged. */
    public static String toSimplified(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Integer simplified = cp < 0x3400 ? null : TO_SIMPLIFIED.get(cp);
            if (simplified != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.appendCodePoint(simplified != null ? simplified : cp);
            }
            i += Character.charCount(cp);
        }
        return out == null ? text : out.toString();
    }

    /** The simplified form of one code point, or the code point itself. */
    public static int toSimplified(int codePoint) {
        return codePoint < 0x3400 ? codePoint : TO_SIMPLIFIED.getOrDefault(codePoint, codePoint);
    }

    private static Map<Integer, Integer> table() {
        Transliterator icu = Transliterator.getInstance("Traditional-Simplified");
        Map<Integer, Integer> table = new HashMap<>(8192);
        for (int[] range : IDEOGRAPH_RANGES) {
            for (int cp = range[0]; cp <= range[1]; cp++) {
                String in = Character.toString(cp);
                String out = icu.transliterate(in);
                // Only one-to-one mappings that keep the UTF-16 length, so that offsets stay valid.
                if (!out.equals(in) && out.codePointCount(0, out.length()) == 1 && out.length() == in.length()) {
                    table.put(cp, out.codePointAt(0));
                }
            }
        }
        return Map.copyOf(table);
    }
}
