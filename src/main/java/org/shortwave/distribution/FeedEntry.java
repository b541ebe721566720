package org.shortwave.distribution;

import org.shortwave.content.Article;
import org.shortwave.media.MediaItem;

/** One story in a feed, with its main image (or null). */
public record FeedEntry(Article article, MediaItem image) {
}
