package org.shortwave.content;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.shortwave.content.internal.ArticleRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public read contract: every method returns only articles the public may see ({@link Visibility}), as of
 * the clock's now. The public site reads articles through this class and nothing else.
 */
@Service
@Transactional(readOnly = true)
public class PublishedArticles {

    private final ArticleRepository repository;
    private final Clock clock;

    PublishedArticles(ArticleRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Optional<Article> find(long id) {
        return repository.findPublic(id, clock.instant());
    }

    /** The newest stories of an edition, leaving out the given ids (stories already on the page). */
    public List<ArticleTeaser> latest(String editionCode, int limit, List<Long> excluded) {
        return repository.latestPublic(editionCode, clock.instant(), limit, excluded);
    }

    public List<ArticleTeaser> latestInSection(Section section, int limit) {
        return repository.latestPublicInSection(section.id(), clock.instant(), limit);
    }

    public List<ArticleTeaser> latestInTopic(Topic topic, int limit) {
        return repository.latestPublicInTopic(topic.id(), clock.instant(), limit);
    }

    /** The editor-picked related stories of an article, in the editor's order. */
    public List<ArticleTeaser> related(long articleId) {
        return repository.relatedPublic(articleId, clock.instant());
    }

    /** The edition's editor-curated top stories, in the editor's order. */
    public List<ArticleTeaser> topStories(String editionCode) {
        return repository.topStoriesPublic(editionCode, clock.instant());
    }
}
