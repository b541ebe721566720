package org.shortwave.distribution;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.shortwave.content.Article;
import org.shortwave.content.ArticleTeaser;
import org.shortwave.content.PublishedArticles;
import org.shortwave.content.Section;
import org.shortwave.content.Topic;
import org.shortwave.i18n.Edition;
import org.shortwave.media.MediaItem;
import org.shortwave.media.MediaLibrary;
import org.springframework.stereotype.Service;

/** What each feed holds: the newest visible stories of an edition, a section or a topic. */
@Service
public class Feeds {

    static final int SIZE = 30;

    private final PublishedArticles articles;
    private final MediaLibrary media;

    Feeds(PublishedArticles articles, MediaLibrary media) {
        this.articles = articles;
        this.media = media;
    }

    public FeedChannel edition(Edition edition) {
        return channel(edition, edition.siteName(), edition.homePath(), articles.latest(edition.code(), SIZE, List.of()));
    }

    public FeedChannel section(Edition edition, Section section) {
        return channel(edition, section.name() + " - " + edition.siteName(), section.path(),
                articles.latestInSection(section, SIZE));
    }

    public FeedChannel topic(Edition edition, Topic topic) {
        return channel(edition, topic.name() + " - " + edition.siteName(), topic.path(),
                articles.latestInTopic(topic, SIZE));
    }

    private FeedChannel channel(Edition edition, String title, String pagePath, List<ArticleTeaser> teasers) {
        // A story can vanish between the list and its read (unpublished meanwhile): it is then left out.
        List<Article> full = teasers.stream().map(t -> articles.find(t.id())).flatMap(java.util.Optional::stream)
                .toList();
        Set<Long> imageIds = new HashSet<>();
        full.stream().map(Article::mainImageId).filter(Objects::nonNull).forEach(imageIds::add);
        Map<Long, MediaItem> images = media.findWithPosters(imageIds);
        List<FeedEntry> entries = full.stream()
                .map(a -> new FeedEntry(a, a.mainImageId() == null ? null : images.get(a.mainImageId())))
                .toList();
        return new FeedChannel(edition, title, pagePath, entries);
    }
}
