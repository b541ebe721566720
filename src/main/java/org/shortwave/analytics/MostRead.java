package org.shortwave.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.shortwave.analytics.internal.ViewRepository;
import org.shortwave.content.ArticleTeaser;
import org.shortwave.content.PublishedArticles;
import org.springframework.stereotype.Service;

/** Rankings and series of page views. Every article shown is re-read through {@link PublishedArticles}. */
@Service
public class MostRead {

    public static final Duration WINDOW = Duration.ofHours(24);
    public static final int MAX_SERIES_HOURS = 24 * 31;

    /** Views of an article in one hour. */
    public record HourlyViews(Instant hour, long views) {
    }

    private final ViewRepository repository;
    private final PublishedArticles articles;
    private final Clock clock;

    MostRead(ViewRepository repository, PublishedArticles articles, Clock clock) {
        this.repository = repository;
        this.articles = articles;
        this.clock = clock;
    }

    /** The edition's most-read public stories of the last 24 hours (this hour and the 23 before), leaving out some. */
    public List<ArticleTeaser> lastDay(String editionCode, Collection<Long> excluded, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Instant since = currentHour().minus(WINDOW).plus(Duration.ofHours(1));
        List<Long> ids = new ArrayList<>(repository.mostViewed(editionCode, since, limit + excluded.size()));
        ids.removeAll(excluded);
        return articles.teasers(ids).stream().limit(limit).toList();
    }

    /** An article's views per hour over the last {@code hours} hours, oldest first, hours without views as 0. */
    public List<HourlyViews> hourly(long articleId, int hours) {
        Instant first = currentHour().minus(Duration.ofHours(hours - 1L));
        var counted = new java.util.HashMap<Instant, Long>();
        repository.hourly(articleId, first).forEach(c -> counted.put(c.hour(), c.views()));
        List<HourlyViews> series = new ArrayList<>(hours);
        for (int i = 0; i < hours; i++) {
            Instant hour = first.plus(Duration.ofHours(i));
            series.add(new HourlyViews(hour, counted.getOrDefault(hour, 0L)));
        }
        return series;
    }

    private Instant currentHour() {
        return clock.instant().truncatedTo(ChronoUnit.HOURS);
    }
}
