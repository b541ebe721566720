package org.shortwave.distribution;

import java.util.Optional;

/** The feed formats, each with its file name beside the page it follows and its media type. */
public enum FeedFormat {
    RSS("feed.rss", "application/rss+xml"),
    ATOM("feed.atom", "application/atom+xml"),
    JSON("feed.json", "application/feed+json");

    private final String fileName;
    private final String mediaType;

    FeedFormat(String fileName, String mediaType) {
        this.fileName = fileName;
        this.mediaType = mediaType;
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The feed's path beside a page: {@code /en/} gives {@code /en/feed.rss}, {@code /en/world/s-3} gives {@code /en/world/s-3/feed.rss}. */
    public String pathFor(String pagePath) {
        return (pagePath.endsWith("/") ? pagePath : pagePath + "/") + fileName;
    }

    /** The format named by a URL's extension ({@code rss}, {@code atom}, {@code json}). */
    public static Optional<FeedFormat> byExtension(String extension) {
        for (FeedFormat format : values()) {
            if (format.fileName.equals("feed." + extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
