package org.shortwave.media;

/** A smaller copy of an image, for {@code srcset}: same picture, same aspect ratio, {@code width} pixels wide. */
public record Rendition(int width, int height, String filePath, String contentType, long byteSize) {

    public String url() {
        return "/media/" + filePath;
    }
}
