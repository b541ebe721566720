package org.shortwave.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where media files are kept: the local disk ({@link LocalMediaStore}, the default) or an S3-compatible bucket
 * ({@link S3MediaStore}), chosen by {@code shortwave.media.storage}. Keys are the paths the library makes from
 * content hashes ({@code ab/abcdef….jpg}); a key always means the same bytes, so files are never overwritten, only
 * added and (after a rolled-back upload) removed.
 */
public interface MediaStore {

    /**
     * Takes a fully written local file into the store under {@code key}; the local file is gone afterwards. Returns
     * false, and stores nothing, when the key exists already (the same bytes were stored before).
     */
    boolean put(String key, Path file, String contentType) throws IOException;

    boolean exists(String key) throws IOException;

    /** The size in bytes of a stored file, or empty when there is none. */
    Optional<Long> size(String key) throws IOException;

    /** {@code length} bytes of a stored file from {@code offset} on; the caller closes the stream. */
    InputStream read(String key, long offset, long length) throws IOException;

    /** Removes a file; nothing happens when it is not there. */
    void delete(String key) throws IOException;

    /**
     * Where readers can fetch a public file without passing through Shortwave (a public bucket or a CDN in front
     * of it), when one is configured.
     */
    Optional<URI> publicUrl(String key);

    /** A short description for logs and the health page, e.g. {@code s3://bucket at https://…}. */
    String describe();
}
