package org.shortwave.search.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.apache.lucene.analysis.CharFilter;
import org.shortwave.i18n.ChineseScript;

/**
 * Folds traditional characters to simplified before a Chinese tokenizer sees them, at index and query time alike.
 * The folding keeps every character's UTF-16 length, so offsets need no correction (highlights land right).
 */
final class SimplifiedChineseCharFilter extends CharFilter {

    private Reader folded;

    SimplifiedChineseCharFilter(Reader input) {
        super(input);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (folded == null) {
            // Whole text at once: a supplementary character must not be split between two reads.
            folded = new StringReader(ChineseScript.toSimplified(readAll(input)));
        }
        return folded.read(buffer, offset, length);
    }

    @Override
    protected int correct(int currentOff) {
        return currentOff;
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] chunk = new char[4096];
        for (int n; (n = reader.read(chunk)) != -1; ) {
            text.append(chunk, 0, n);
        }
        return text.toString();
    }
}
