package org.shortwave.media;

/** A file in the media store: its path below the media directory, content type and size. */
public record StoredFile(String path, String contentType, long byteSize) {
}
