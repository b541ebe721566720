package org.shortwave.cache;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One public answer as the page cache keeps it: status, headers (Content-Type, Cache-Control, Surrogate-Key, the
 * security headers, Location...), the body in gzip and, where available, brotli (the uncompressed body is rebuilt
 * from gzip for the rare client that takes neither), and a strong ETag made from the uncompressed bytes.
 *
 * @param gzip null when the answer was not meant to be stored and the client did not take gzip
 * @param identity null for a stored page (rebuilt from gzip when needed)
 */
record CachedPage(int status, List<Map.Entry<String, String>> headers, byte[] identity, byte[] gzip, byte[] brotli,
        String etag, Set<String> keys, long expiresAtNanos) {

    /** Bytes of memory the entry holds, roughly: bodies plus a fixed allowance for headers and bookkeeping. */
    long weight() {
        long weight = 512;
        weight += identity == null ? 0 : identity.length;
        weight += gzip == null ? 0 : gzip.length;
        weight += brotli == null ? 0 : brotli.length;
        for (Map.Entry<String, String> header : headers) {
            weight += 2L * (header.getKey().length() + header.getValue().length());
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
        final String etagSuffix;

        Encoding(String token, String etagSuffix) {
            this.token = token;
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
