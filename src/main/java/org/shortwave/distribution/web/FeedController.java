package org.shortwave.distribution.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.shortwave.cache.PageCaching;
import org.shortwave.cache.PageKind;
import org.shortwave.site.caching.SurrogateKeys;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Topic;
import org.shortwave.distribution.FeedChannel;
import org.shortwave.distribution.FeedFormat;
import org.shortwave.distribution.FeedWriter;
import org.shortwave.distribution.Feeds;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Feeds beside the pages they follow: {@code /{edition}/feed.rss}, {@code /{edition}/{slug}/s-{id}/feed.atom},
 * {@code /{edition}/{slug}/t-{id}/feed.json}. A stale slug gets a 301 to the current feed URL.
 */
@RestController
class FeedController {

    private static final CacheControl FEED_CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final Editions editions;
    private final Taxonomy taxonomy;
    private final Feeds feeds;
    private final FeedWriter writer;

    FeedController(Editions editions, Taxonomy taxonomy, Feeds feeds, FeedWriter writer) {
        this.editions = editions;
        this.taxonomy = taxonomy;
        this.feeds = feeds;
        this.writer = writer;
    }

    @GetMapping("/" + Paths.EDITION + "/" + Paths.FEED)
    ResponseEntity<String> edition(@PathVariable String edition, @PathVariable String format) {
        Edition found = edition(edition);
        PageCaching.mark(PageKind.FEED, SurrogateKeys.FEEDS, SurrogateKeys.edition(found.code()));
        return respond(feeds.edition(found), format(format), null);
    }

    @GetMapping("/" + Paths.EDITION + "/{slug}/s-{id}/" + Paths.FEED)
    ResponseEntity<String> section(@PathVariable String edition, @PathVariable String slug, @PathVariable String id,
            @PathVariable String format) {
        Edition found = edition(edition);
        Paths.id(id).ifPresent(i -> PageCaching.mark(PageKind.FEED, SurrogateKeys.FEEDS, SurrogateKeys.section(i)));
        Section section = Paths.id(id).flatMap(i -> taxonomy.section(found.code(), i)).orElseThrow(Paths::notFound);
        return respond(feeds.section(found, section), format(format), section.slug().equals(slug) ? null : section.path());
    }

    @GetMapping("/" + Paths.EDITION + "/{slug}/t-{id}/" + Paths.FEED)
    ResponseEntity<String> topic(@PathVariable String edition, @PathVariable String slug, @PathVariable String id,
            @PathVariable String format) {
        Edition found = edition(edition);
        Paths.id(id).ifPresent(i -> PageCaching.mark(PageKind.FEED, SurrogateKeys.FEEDS, SurrogateKeys.topic(i)));
        Topic topic = Paths.id(id).flatMap(i -> taxonomy.topic(found.code(), i)).orElseThrow(Paths::notFound);
        return respond(feeds.topic(found, topic), format(format), topic.slug().equals(slug) ? null : topic.path());
    }

    private ResponseEntity<String> respond(FeedChannel channel, FeedFormat format, String movedTo) {
        if (movedTo != null) {
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .header(HttpHeaders.LOCATION, UriUtils.encodePath(format.pathFor(movedTo), StandardCharsets.UTF_8))
                    .build();
        }
        channel.entries().forEach(e -> PageCaching.addKeys(java.util.List.of(SurrogateKeys.article(e.article().id()))));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(format.mediaType()), StandardCharsets.UTF_8))
                .cacheControl(FEED_CACHE)
                .body(writer.write(channel, format));
    }

    private Edition edition(String code) {
        return editions.find(code).orElseThrow(Paths::notFound);
    }

    private static FeedFormat format(String extension) {
        return FeedFormat.byExtension(extension).orElseThrow(Paths::notFound);
    }
}
