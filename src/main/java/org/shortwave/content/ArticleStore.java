package org.shortwave.content;

import java.util.List;
import java.util.Optional;
import org.shortwave.content.internal.ArticleRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes articles and the editors' lists (related stories, top stories). Each call is one transaction. */
@Service
public class ArticleStore {

    private final ArticleRepository repository;

    ArticleStore(ArticleRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public long create(NewArticle article) {
        return repository.insert(article);
    }

    @Transactional(readOnly = true)
    public Optional<Long> findIdBySourceKey(String sourceKey) {
        return repository.findIdBySourceKey(sourceKey);
    }

    @Transactional
    public void setRelated(long articleId, List<Long> relatedIds) {
        repository.replaceRelated(articleId, List.copyOf(relatedIds));
    }

    @Transactional
    public void setTopStories(String editionCode, List<Long> articleIds) {
        repository.replaceTopStories(editionCode, List.copyOf(articleIds));
    }
}
