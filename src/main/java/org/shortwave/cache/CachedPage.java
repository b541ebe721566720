package org.shortwave.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One public answer as the page cache keeps it: status, headers (Content-Type, Cache-Control, Surrogate-Key, the
 * security headers, Location...), the body in gzip and, where available, brotli (the uncompressed body is rebuilt
 * from gzip for the rare client that takes neither), and a strong ETag made from the uncompressed bytes.
 *
 * @param gzip null when the answer was not meant to be stored and the client did not take gzip
 * @param identity null for a stored page (rebuilt from gzip when needed)
 */
record CachedPage(int status, List<Header> headers, byte[] identity, byte[] gzip, byte[] brotli, String etag,
        Set<String> keys, long expiresAtNanos) {

    /**
     * A stored header, also kept as the bytes it goes out as: the hit path hands these to the server as they are,
     * sparing it the per-request encoding of every name and value (a fifth of a hit's CPU time when measured).
     *
     * @param entity whether it describes the body, and so is left out of a 304
     */
    record Header(String name, String value, byte[] nameBytes, byte[] valueBytes, boolean entity) {

        static Header of(String name, String value) {
            String lower = name.toLowerCase(Locale.ROOT);
            return new Header(name, value, name.getBytes(StandardCharsets.ISO_8859_1),
                    value.getBytes(StandardCharsets.ISO_8859_1),
                    lower.equals("content-type") || lower.equals("content-language"));
        }
    }

    /**
     * What to send a client for this page: a 304 when its If-None-Match names the page, else the body in the best
     * encoding it takes.
     *
     * @param body null for a 304
     * @param etag the ETag header, null when the page has none to give (a 301 or 404)
     */
    record Reply(int status, Encoding encoding, byte[] body, String etag) {

        boolean notModified() {
            return status == 304;
        }
    }

    Reply replyTo(String acceptEncoding, String ifNoneMatch) {
        Encoding encoding = Encoding.choose(acceptEncoding, brotli != null);
        if (encoding == Encoding.GZIP && gzip == null) {
            encoding = Encoding.IDENTITY;
        }
        String etagHeader = status == 200 ? etagHeader(etag, encoding) : null;
        if (status == 200 && matches(ifNoneMatch, etag)) {
            return new Reply(304, encoding, null, etagHeader);
        }
        byte[] body = switch (encoding) {
            case BROTLI -> brotli;
            case GZIP -> gzip;
            case IDENTITY -> identity != null ? identity : Compression.gunzip(gzip);
        };
        return new Reply(status, encoding, body, etagHeader);
    }

    /** Bytes of memory the entry holds, roughly: bodies plus a fixed allowance for headers and bookkeeping. */
    long weight() {
        long weight = 512;
        weight += identity == null ? 0 : identity.length;
        weight += gzip == null ? 0 : gzip.length;
        weight += brotli == null ? 0 : brotli.length;
        for (Header header : headers) {
            weight += 3L * (header.name().length() + header.value().length());
        }
        for (String key : keys) {
            weight += 64 + 2L * key.length();
        }
        return weight;
    }

    boolean expired(long nowNanos) {
        return nowNanos - expiresAtNanos > 0;
    }

    /** A strong validator of the uncompressed bytes: 128 bits of SHA-256. */
    static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ETag header of the variant sent in this encoding: each encoding is its own representation. */
    static String etagHeader(String etag, Encoding encoding) {
        return "\"" + etag + encoding.etagSuffix + "\"";
    }

    /**
     * Whether an If-None-Match header names this page (in any of its encodings); the weak comparison of RFC 9110
     * section 13.1.2, as for any GET.
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() < 2 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
                continue;
            }
            tag = tag.substring(1, tag.length() - 1);
            for (Encoding encoding : Encoding.values()) {
                if (tag.equals(etag + encoding.etagSuffix)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Content codings the cache sends, best first. */
    enum Encoding {
        BROTLI("br", "-br"), GZIP("gzip", "-gz"), IDENTITY(null, "");

        final String token;
        final byte[] tokenBytes;
        final String etagSuffix;

        Encoding(String token, String etagSuffix) {
            this.token = token;
            this.tokenBytes = token == null ? null : token.getBytes(StandardCharsets.ISO_8859_1);
            this.etagSuffix = etagSuffix;
        }

        /** The best coding the client takes by its Accept-Encoding (q=0 refuses), brotli only if we have it. */
        static Encoding choose(String acceptEncoding, boolean brotliAvailable) {
            if (acceptEncoding == null) {
                return IDENTITY;
            }
            boolean br = false;
            boolean gzip = false;
            for (String part : acceptEncoding.toLowerCase(java.util.Locale.ROOT).split(",")) {
                String[] pieces = part.trim().split(";");
                if (pieces.length == 0) {
                    continue;
                }
                String name = pieces[0].trim();
                boolean refused = false;
                for (int i = 1; i < pieces.length; i++) {
                    String parameter = pieces[i].trim().replace(" ", "");
                    if (parameter.startsWith("q=")) {
                        try {
                            refused = Double.parseDouble(parameter.substring(2)) <= 0;
                        } catch (NumberFormatException e) {
                            refused = true;
                        }
                    }
                }
                if (refused) {
                    continue;
                }
                br |= name.equals("br") || name.equals("*");
                gzip |= name.equals("gzip") || name.equals("x-gzip") || name.equals("*");
            }
            if (br && brotliAvailable) {
                return BROTLI;
            }
            return gzip ? GZIP : IDENTITY;
        }
    }
}
