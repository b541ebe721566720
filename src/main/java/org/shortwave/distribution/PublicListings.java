package org.shortwave.distribution;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.shortwave.content.ArticleTeaser;
import org.shortwave.content.Topic;
import org.shortwave.distribution.internal.DistributionRepository;
import org.shortwave.distribution.internal.DistributionRepository.ArticleFilter;
import org.shortwave.distribution.internal.DistributionRepository.ArticleLocation;
import org.shortwave.distribution.internal.DistributionRepository.NewsItem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists distribution needs beyond {@link org.shortwave.content.PublishedArticles}: every visible article (for
 * sitemaps and the mirror), pages of articles with counts (for the API), recent news. Visible only, as of the
 * clock's now, like every public read.
 */
@Service
@Transactional(readOnly = true)
public class PublicListings {

    private final DistributionRepository repository;
    private final Clock clock;

    PublicListings(DistributionRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public long countArticles() {
        return repository.countPublic(clock.instant());
    }

    public List<ArticleLocation> articleLocations(int offset, int limit) {
        return repository.locations(clock.instant(), offset, limit);
    }

    public List<Long> articleIds(String editionCode) {
        return repository.publicIds(editionCode, clock.instant());
    }

    /** Stories of an edition published within {@code age} of now, newest first. */
    public List<NewsItem> news(String editionCode, Duration age, int limit) {
        var now = clock.instant();
        return repository.news(editionCode, now, now.minus(age), limit);
    }

    public List<ArticleTeaser> articles(ArticleFilter filter, int offset, int limit) {
        return repository.teasers(filter, clock.instant(), offset, limit);
    }

    public long countArticles(ArticleFilter filter) {
        return repository.count(filter, clock.instant());
    }

    public List<Topic> topics(String editionCode) {
        return repository.topics(editionCode);
    }
}
