package org.shortwave.media;

/**
 * A photo or a video in the media library. The file lives under the data directory at {@code filePath} (named by
 * its content hash, so its URL never changes meaning and can be cached for a year).
 */
public record MediaItem(long id, String kind, String filePath, String contentType, long byteSize, Integer width,
        Integer height, String altText, String caption, String credit, String title, Integer durationSeconds,
        Long posterId, String captionsPath, String captionsLang) {

    public boolean isImage() {
        return "image".equals(kind);
    }

    public boolean isVideo() {
        return "video".equals(kind);
    }

    public String url() {
        return "/media/" + filePath;
    }

    public String captionsUrl() {
        return captionsPath == null ? null : "/media/" + captionsPath;
    }

    /** Video length as a clock reads it: {@code 01:41}, or {@code 1:02:05} past an hour. */
    public String durationText() {
        int total = durationSeconds == null ? 0 : durationSeconds;
        int hours = total / 3600;
        int minutes = total % 3600 / 60;
        int seconds = total % 60;
        return hours > 0 ? "%d:%02d:%02d".formatted(hours, minutes, seconds) : "%02d:%02d".formatted(minutes, seconds);
    }

    /** Video length as an ISO 8601 duration, for {@code <time datetime>}: {@code PT1M41S}. */
    public String durationIso() {
        return java.time.Duration.ofSeconds(durationSeconds == null ? 0 : durationSeconds).toString();
    }
}
