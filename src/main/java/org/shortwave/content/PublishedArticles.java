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
    private final org.shortwave.content.internal.TranslationRepository translations;
    private final Clock clock;

    PublishedArticles(ArticleRepository repository,
            org.shortwave.content.internal.TranslationRepository translations, Clock clock) {
        this.repository = repository;
        this.translations = translations;
        this.clock = clock;
    }

    /** The story's other language versions that are public, in edition order (the page's links and hreflang). */
    public List<ArticleTeaser> otherVersions(long articleId) {
        return translations.publicVersions(articleId, clock.instant());
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

    /** Ids of every public article, ascending (the search index's reference set). */
    public List<Long> allIds() {
        return repository.publicIds(clock.instant());
    }

    /**
     * Teasers of the given articles in the given order, leaving out any that are not public: how search results,
     * suggestions and rankings, which only propose ids, become something to show.
     */
    public List<ArticleTeaser> teasers(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, ArticleTeaser> byId = new java.util.HashMap<>();
        repository.teasersPublic(ids, clock.instant()).forEach(t -> byId.put(t.id(), t));
        return ids.stream().distinct().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The edition's editor-curated top stories, in the editor's order. */
    public List<ArticleTeaser> topStories(String editionCode) {
        return repository.topStoriesPublic(editionCode, clock.instant());
    }
}
