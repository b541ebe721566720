package org.shortwave.content;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.shortwave.content.internal.NewsroomArticleRepository;
import org.shortwave.platform.FaultPoints;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's access to articles in any state. Every write bumps the article's version only if the caller's
 * expected version is still current, keeps a revision, and appends to the change log, all in one transaction.
 * Who may do what is decided by the editorial workflow, not here.
 */
@Service
public class NewsroomArticles {

    private final NewsroomArticleRepository repository;
    private final org.shortwave.content.internal.ArticleRepository articleRepository;
    private final ArticleStore store;
    private final ChangeLog changes;
    private final Clock clock;

    NewsroomArticles(NewsroomArticleRepository repository,
            org.shortwave.content.internal.ArticleRepository articleRepository, ArticleStore store, ChangeLog changes,
            Clock clock) {
        this.repository = repository;
        this.articleRepository = articleRepository;
        this.store = store;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<EditableArticle> find(long id) {
        return repository.find(id).filter(a -> !a.deleted());
    }

    /**
     * The article as readers would see it, whatever its state: for the newsroom's private preview. A story not yet
     * given a publish time shows as if published now.
     */
    @Transactional(readOnly = true)
    public Optional<Article> preview(long id) {
        Instant now = clock.instant();
        return articleRepository.findForPreview(id, now).map(a -> a.publishedAt() != null ? a
                : new Article(a.id(), a.editionCode(), a.section(), a.headline(), a.slug(), a.lead(), a.dateline(),
                        a.body(), a.mainImageId(), a.authors(), a.topics(), now, a.updatedAt(), a.copyrightHolder(),
                        a.notes(), a.appearance()));
    }

    @Transactional(readOnly = true)
    public List<NewsroomListItem> list(NewsroomFilter filter) {
        return repository.list(filter);
    }

    @Transactional(readOnly = true)
    public List<Revision> revisions(long articleId) {
        return repository.revisions(articleId);
    }

    /** Creates a draft; returns its id. */
    @Transactional
    public long createDraft(ArticleContent content, Long actorId) {
        long id = store.create(new NewArticle(null, content, ArticleStatus.DRAFT, null, null), actorId);
        repository.insertRevision(id, 1, actorId, ArticleStatus.DRAFT, content);
        return id;
    }

    /** Saves content over {@code expectedVersion}; empty if someone else saved in between. */
    @Transactional
    public Optional<Integer> save(long id, int expectedVersion, ArticleContent content, Long actorId) {
        Optional<Integer> version = repository.updateContent(id, expectedVersion, content, actorId, clock.instant());
        version.ifPresent(v -> {
            EditableArticle saved = repository.find(id).orElseThrow();
            repository.insertRevision(id, v, actorId, saved.status(), content);
            changes.record(ChangeKind.ARTICLE_SAVED, id, content.editionCode());
        });
        return version;
    }

    /**
     * Moves the article to a new state over {@code expectedVersion}; empty if someone else saved in between. A
     * publication that is public at once is announced now; one still ahead is announced by the scheduler.
     */
    @Transactional
    public Optional<Integer> changeState(long id, int expectedVersion, ArticleStatus status, Instant publishedAt,
            Instant embargoUntil, Long actorId) {
        Instant now = clock.instant();
        boolean publicNow = status == ArticleStatus.PUBLISHED && !publishedAt.isAfter(now)
                && (embargoUntil == null || !embargoUntil.isAfter(now));
        Optional<Integer> version = repository.updateState(id, expectedVersion, status, publishedAt, embargoUntil,
                actorId, publicNow ? now : null);
        version.ifPresent(v -> {
            EditableArticle changed = repository.find(id).orElseThrow();
            repository.insertRevision(id, v, actorId, status, changed.content());
            ChangeKind kind = publicNow ? ChangeKind.ARTICLE_PUBLISHED
                    : status == ArticleStatus.UNPUBLISHED ? ChangeKind.ARTICLE_UNPUBLISHED : ChangeKind.ARTICLE_SAVED;
            changes.record(kind, id, changed.content().editionCode());
        });
        return version;
    }

    @Transactional
    public long addNote(long articleId, ArticleNote.Kind kind, String text, Long actorId) {
        long id = repository.insertNote(articleId, kind, text, clock.instant(), actorId);
        changes.record(ChangeKind.ARTICLE_SAVED, articleId, repository.editionOf(articleId));
        return id;
    }

    /**
     * Announces every scheduled or embargoed article whose time has come (exactly once, even with several nodes):
     * the change log then tells caches and the search index on every node. Returns the ids announced.
     */
    @Transactional
    public List<Long> announceDue() {
        List<Long> due = repository.claimDue(clock.instant());
        for (long id : due) {
            changes.record(ChangeKind.ARTICLE_PUBLISHED, id, repository.editionOf(id));
        }
        if (!due.isEmpty()) {
            FaultPoints.reach(FaultPoints.SCHEDULER_BEFORE_COMMIT);
        }
        return due;
    }
}
