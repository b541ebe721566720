package org.shortwave.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * What a file is, told by its first bytes (its "magic"), never by its name or the type a browser declared. Only
 * {@link #isAcceptedImage() images} and {@link #isVideo() videos} are accepted; the other known kinds exist so that a
 * refusal can say what was found (an SVG or an HTML page pretending to be a photo).
 */
public enum FileType {
    JPEG, PNG, GIF, WEBP, MP4, WEBM, SVG, HTML, XML, PDF, EXECUTABLE, UNKNOWN;

    /** How many leading bytes {@link #sniff} looks at, at most. */
    public static final int HEAD_BYTES = 1024;

    /** MP4 brands (ISO base media, ISO/IEC 14496-12 and -14) a browser's video element plays; HEIC or AVIF images
     * and QuickTime also start with {@code ftyp} and are not among them. */
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41",
            "mp42", "avc1", "dash", "M4V ", "mmp4");

    public boolean isAcceptedImage() {
        return this == JPEG || this == PNG || this == GIF || this == WEBP;
    }

    public boolean isVideo() {
        return this == MP4 || this == WEBM;
    }

    /** The type of a file from its first bytes (up to {@link #HEAD_BYTES}; fewer if the file is shorter). */
    public static FileType sniff(byte[] head) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (ascii(head, 0, 6).equals("GIF87a") || ascii(head, 0, 6).equals("GIF89a")) {
            return GIF;
        }
        if (ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
            return WEBP;
        }
        if (ascii(head, 4, 4).equals("ftyp")) {
            return isPlayableMp4(head) ? MP4 : UNKNOWN;
        }
        if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            // EBML: Matroska and WebM share it; the DocType element within the header tells them apart.
            return indexOf(head, "webm".getBytes(StandardCharsets.US_ASCII)) > 0 ? WEBM : UNKNOWN;
        }
        if (ascii(head, 0, 5).equals("%PDF-")) {
            return PDF;
        }
        if (ascii(head, 0, 2).equals("MZ") || startsWith(head, 0, 0x7F, 'E', 'L', 'F')
                || startsWith(head, 0, 0xCF, 0xFA, 0xED, 0xFE) || startsWith(head, 0, 0xCA, 0xFE, 0xBA, 0xBE)
                || ascii(head, 0, 2).equals("#!")) {
            return EXECUTABLE;
        }
        return markup(head);
    }

    /** Text that begins with a tag: SVG, HTML or other XML. */
    private static FileType markup(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, HEAD_BYTES), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "") // a UTF-8 byte order mark
                .replace("\u0000", "") // UTF-16 text, roughly
                .strip().toLowerCase(Locale.ROOT);
        if (!text.startsWith("<")) {
            return UNKNOWN;
        }
        if (text.contains("<svg")) {
            return SVG;
        }
        if (text.startsWith("<!doctype html") || text.contains("<html") || text.contains("<head")
                || text.contains("<body") || text.contains("<script") || text.contains("<iframe")) {
            return HTML;
        }
        return text.startsWith("<?xml") || text.startsWith("<!doctype") ? XML : HTML;
    }

    private static boolean isPlayableMp4(byte[] head) {
        // ftyp box: size, "ftyp", major brand, minor version, then compatible brands to the end of the box.
        long boxSize = head.length >= 4 ? ((head[0] & 0xFFL) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8
                | head[3] & 0xFF) : 0;
        int end = (int) Math.min(boxSize, head.length);
        if (MP4_BRANDS.contains(ascii(head, 8, 4))) {
            return true;
        }
        for (int i = 16; i + 4 <= end; i += 4) {
            if (MP4_BRANDS.contains(ascii(head, i, 4))) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        if (bytes.length < offset + length) {
            return "";
        }
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] bytes, byte[] needle) {
        int limit = Math.min(bytes.length, HEAD_BYTES) - needle.length;
        for (int i = 0; i <= limit; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
