package org.shortwave.content;

import java.util.List;
import java.util.Optional;
import org.shortwave.content.internal.ArticleRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes articles and the editors' lists (related stories, top stories). Each call is one transaction, which also
 * appends to the {@link ChangeLog}.
 */
@Service
public class ArticleStore {

    private final ArticleRepository repository;
    private final ChangeLog changes;

    ArticleStore(ArticleRepository repository, ChangeLog changes) {
        this.repository = repository;
        this.changes = changes;
    }

    @Transactional
    public long create(NewArticle article) {
        return create(article, null);
    }

    /** Creates an article on behalf of a newsroom user ({@code actorId}, or null for the system). */
    @Transactional
    public long create(NewArticle article, Long actorId) {
        long id = repository.insert(article, actorId);
        changes.record(article.status() == ArticleStatus.PUBLISHED ? ChangeKind.ARTICLE_PUBLISHED : ChangeKind.ARTICLE_SAVED,
                id, article.editionCode());
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<Long> findIdBySourceKey(String sourceKey) {
        return repository.findIdBySourceKey(sourceKey);
    }

    @Transactional
    public void setRelated(long articleId, List<Long> relatedIds) {
        repository.replaceRelated(articleId, List.copyOf(relatedIds));
        changes.record(ChangeKind.LISTS_CHANGED, articleId, null);
    }

    @Transactional
    public void setTopStories(String editionCode, List<Long> articleIds) {
        repository.replaceTopStories(editionCode, List.copyOf(articleIds));
        changes.record(ChangeKind.LISTS_CHANGED, null, editionCode);
    }
}
