package org.shortwave.media;

import java.util.List;

/**
 * A photo or a video in the media library. The file lives under the data directory at {@code filePath} (named by
 * its content hash, so its URL never changes meaning and can be cached for a year).
 */
public record MediaItem(long id, String kind, String filePath, String contentType, long byteSize, Integer width,
        Integer height, String altText, String caption, String credit, String title, Integer durationSeconds,
        Long posterId, String captionsPath, String captionsLang, List<Rendition> renditions) {

    public MediaItem {
        renditions = renditions == null ? List.of() : List.copyOf(renditions);
    }

    /** An item without renditions (videos, and images stored before renditions existed). */
    public MediaItem(long id, String kind, String filePath, String contentType, long byteSize, Integer width,
            Integer height, String altText, String caption, String credit, String title, Integer durationSeconds,
            Long posterId, String captionsPath, String captionsLang) {
        this(id, kind, filePath, contentType, byteSize, width, height, altText, caption, credit, title,
                durationSeconds, posterId, captionsPath, captionsLang, List.of());
    }

    public MediaItem withRenditions(List<Rendition> renditions) {
        return new MediaItem(id, kind, filePath, contentType, byteSize, width, height, altText, caption, credit, title,
                durationSeconds, posterId, captionsPath, captionsLang, renditions);
    }

    /**
     * The {@code srcset} of an image with renditions: each copy and the original by width
     * ({@code /media/ab/ab….jpg 320w, …}); null when there are none, so that templates leave the attribute out.
     */
    public String srcset() {
        if (renditions.isEmpty() || width == null) {
            return null;
        }
        StringBuilder set = new StringBuilder();
        for (Rendition r : renditions) {
            set.append(r.url()).append(' ').append(r.width()).append("w, ");
        }
        return set.append(url()).append(' ').append(width).append('w').toString();
    }

    /** {@code sizes} for an image that {@link #srcset()} describes, null when there is no srcset. */
    public String sizes(String sizes) {
        return srcset() == null ? null : sizes;
    }

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
