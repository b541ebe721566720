package org.shortwave.cache;

import java.io.Writer;
import java.util.Arrays;

/**
 * A writer that keeps what it is given as UTF-8 bytes, encoded as it comes. A template makes a page in hundreds of
 * small writes, most of them ASCII markup around text in any script: encoding each through a {@code CharsetEncoder}
 * cost about a sixth of a render, and building one string then encoding it (once a page holds a Chinese character
 * the whole builder is UTF-16) about a third. Unpaired surrogates become {@code ?}, as {@code String.getBytes} does.
 * Not thread-safe.
 */
final class Utf8Writer extends Writer {

    private static final int CHUNK = 2048;

    private byte[] bytes;
    private int size;
    private final char[] chunk = new char[CHUNK];
    /** A high surrogate written last, waiting for its low half. */
    private char pendingHigh;

    Utf8Writer(int initialBytes) {
        bytes = new byte[initialBytes];
    }

    @Override
    public void write(String text, int off, int len) {
        int end = off + len;
        while (off < end) {
            int n = Math.min(CHUNK, end - off);
            text.getChars(off, off + n, chunk, 0);
            encode(chunk, 0, n);
            off += n;
        }
    }

    @Override
    public void write(char[] text, int off, int len) {
        encode(text, off, len);
    }

    @Override
    public void write(int c) {
        chunk[0] = (char) c;
        encode(chunk, 0, 1);
    }

    private void encode(char[] text, int off, int len) {
        if (bytes.length - size < 3 * len + 4) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + 3 * len + 4));
        }
        byte[] out = bytes;
        int at = size;
        int end = off + len;
        int i = off;
        if (pendingHigh != 0 && i < end) {
            if (pair(out, at, pendingHigh, text[i])) {
                at += 4;
                i++;
            } else {
                at = question(out, at);
            }
            pendingHigh = 0;
        }
        for (; i < end; i++) {
            char c = text[i];
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 == end) {
                    pendingHigh = c;
                } else if (pair(out, at, c, text[i + 1])) {
                    at += 4;
                    i++;
                } else {
                    at = question(out, at);
                }
            } else if (Character.isLowSurrogate(c)) {
                at = question(out, at);
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        size = at;
    }

    /** Writes a surrogate pair's four bytes at {@code at}; false (nothing written) when it is not a pair. */
    private static boolean pair(byte[] out, int at, char high, char low) {
        if (!Character.isLowSurrogate(low)) {
            return false;
        }
        int cp = Character.toCodePoint(high, low);
        out[at] = (byte) (0xF0 | cp >> 18);
        out[at + 1] = (byte) (0x80 | cp >> 12 & 0x3F);
        out[at + 2] = (byte) (0x80 | cp >> 6 & 0x3F);
        out[at + 3] = (byte) (0x80 | cp & 0x3F);
        return true;
    }

    private static int question(byte[] out, int at) {
        out[at] = '?';
        return at + 1;
    }

    /** The bytes written so far (a lone high surrogate at the end counts as {@code ?}). */
    byte[] toByteArray() {
        byte[] result = Arrays.copyOf(bytes, size + (pendingHigh != 0 ? 1 : 0));
        if (pendingHigh != 0) {
            result[size] = '?';
        }
        return result;
    }

    /** Forgets everything written. */
    void reset() {
        size = 0;
        pendingHigh = 0;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
