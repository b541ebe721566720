package org.shortwave.cache;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * gzip and brotli. Stored pages are compressed once, hard; answers that are not stored (cache off) are compressed
 * lightly, as a server compressing on the fly would. Brotli's encoder is native code: where it cannot load, pages
 * are kept and sent in gzip only.
 */
final class Compression {

    private static final Logger log = LoggerFactory.getLogger(Compression.class);
    static final boolean BROTLI = loadBrotli();

    /**
     * Levels for a page stored once and sent many times, and for a page sent once. Level 1 is nginx's default for
     * compressing on the fly: on the demo article it takes about half of level 5's CPU time for 7% more bytes.
     */
    static final int GZIP_STORED = 9;
    static final int GZIP_ONCE = 1;
    static final int BROTLI_STORED = 9;
    static final int BROTLI_ONCE = 4;

    private Compression() {
    }

    static byte[] gzip(byte[] bytes, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(level);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Brotli of the bytes, or null when brotli is not available here. */
    static byte[] brotli(byte[] bytes, int quality) {
        if (!BROTLI) {
            return null;
        }
        try {
            return Encoder.compress(bytes, new Encoder.Parameters().setQuality(quality).setMode(Encoder.Mode.TEXT));
        } catch (IOException | RuntimeException e) {
            log.warn("Brotli compression failed, sending gzip: {}", e.toString());
            return null;
        }
    }

    private static boolean loadBrotli() {
        try {
            Brotli4jLoader.ensureAvailability();
            return true;
        } catch (Throwable e) { // UnsatisfiedLinkError on a platform without the native library
            log.warn("Brotli is not available on this platform; pages are precompressed with gzip only: {}", e.toString());
            return false;
        }
    }
}
