package org.shortwave.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.shortwave.content.Article;
import org.shortwave.content.ChangeKind;
import org.shortwave.content.ChangeListenerOrder;
import org.shortwave.content.ChangeLog;
import org.shortwave.content.ContentChanged;
import org.shortwave.content.PublishedArticles;
import org.shortwave.i18n.Editions;
import org.shortwave.platform.FaultPoints;
import org.shortwave.platform.ShortwaveProperties;
import org.shortwave.search.internal.ArticleDocuments;
import org.shortwave.search.internal.LanguageAnalyzers;
import org.shortwave.search.internal.LuceneIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Keeps this node's search index equal to the public set of articles. It follows the change log (each
 * {@link ContentChanged} event: the article is re-read through {@link PublishedArticles} and put in or taken out),
 * records the last seq applied in the index's commit, catches up from there on start, and rebuilds from the database
 * when the index is new, lost, or from another database.
 */
@Service
public class SearchIndexing implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);
    private static final int BATCH = 500;
    /**
     * On catch-up, changes this far before the recorded seq are applied again: a transaction can commit its seq
     * after a later one was applied (ContentChanged), and re-applying is harmless.
     */
    static final long REPLAY = 1_000;

    private final PublishedArticles articles;
    private final ChangeLog changes;
    private final Editions editions;
    private final LanguageAnalyzers analyzers;
    private final LuceneIndex index;
    private final Map<String, String> analyzerKeys = new ConcurrentHashMap<>();

    SearchIndexing(PublishedArticles articles, ChangeLog changes, Editions editions, LanguageAnalyzers analyzers,
            ShortwaveProperties properties) {
        this.articles = articles;
        this.changes = changes;
        this.editions = editions;
        this.analyzers = analyzers;
        this.index = LuceneIndex.open(properties.dataDir().resolve("index"), analyzers);
    }

    /** This node's index (for this package and its tests; other modules use the methods below). */
    public LuceneIndex index() {
        return index;
    }

    /** The newest change-log seq this node's index has applied. */
    public long appliedSeq() {
        return index.appliedSeq();
    }

    /** Articles in this node's index. */
    public int documentCount() {
        return index.count();
    }

    /** Rebuilds this node's index (the reindex command, a restore); see {@link #rebuild(LuceneIndex, LongConsumer)}. */
    public int rebuild(LongConsumer progress) {
        return rebuild(index, progress);
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpOnStart() {
        catchUp(index);
    }

    @EventListener
    @Order(ChangeListenerOrder.INDEX)
    void on(ContentChanged change) {
        synchronized (index) {
            if (index.appliedSeq() < 0) {
                return; // not built yet: the start-up catch-up will include this change
            }
            FaultPoints.reach(FaultPoints.INDEX_BEFORE_APPLY);
            if (change.articleId() != null && change.kind() != ChangeKind.LISTS_CHANGED) {
                apply(index, change.articleId());
            }
            index.commit(Math.max(index.appliedSeq(), change.seq()));
        }
    }

    /** Brings an index up to date with the change log: from its recorded seq, or by a rebuild if it has none. */
    public void catchUp(LuceneIndex target) {
        synchronized (target) {
            long latest = changes.latestSeq();
            if (target.appliedSeq() < 0 || target.appliedSeq() > latest) {
                log.info("Search index in {} has no usable change-log position: rebuilding", target.directory());
                rebuild(target, done -> { });
                return;
            }
            long from = Math.max(0, target.appliedSeq() - REPLAY);
            long applied = target.appliedSeq();
            int count = 0;
            List<ContentChanged> batch;
            do {
                batch = changes.since(from, BATCH);
                Set<Long> touched = new LinkedHashSet<>();
                for (ContentChanged change : batch) {
                    if (change.articleId() != null && change.kind() != ChangeKind.LISTS_CHANGED) {
                        touched.add(change.articleId());
                    }
                    from = change.seq();
                    applied = Math.max(applied, change.seq());
                }
                touched.forEach(id -> apply(target, id));
                count += touched.size();
            } while (batch.size() == BATCH);
            target.commit(applied);
            log.info("Search index caught up to change {} ({} articles re-read)", applied, count);
        }
    }

    /**
     * Rebuilds an index from the database's public set; {@code progress} hears the number of articles done so far.
     * Searches see the old contents until the new ones are committed at the end.
     */
    public int rebuild(LuceneIndex target, LongConsumer progress) {
        synchronized (target) {
            long seq = changes.latestSeq(); // before reading: changes made meanwhile are applied after
            List<Long> ids = articles.allIds();
            target.removeAll();
            int done = 0;
            for (long id : ids) {
                apply(target, id);
                if (++done % 1000 == 0) {
                    progress.accept(done);
                }
            }
            progress.accept(done);
            target.commit(seq);
            catchUp(target);
            return done;
        }
    }

    /** Compares the index with the database's public set. */
    public IndexHealth health() {
        long applied = index.appliedSeq();
        return IndexHealth.compare(articles.allIds(), index.ids(), applied, changes.latestSeq());
    }

    private void apply(LuceneIndex target, long articleId) {
        Optional<Article> article = articles.find(articleId);
        if (article.isPresent()) {
            target.put(articleId, ArticleDocuments.of(article.get(), analyzerKey(article.get().editionCode())));
        } else {
            target.remove(articleId);
        }
    }

    /** The analyzer key of an edition's language ({@code zh}, {@code en}...). */
    public String analyzerKey(String editionCode) {
        return analyzerKeys.computeIfAbsent(editionCode, code -> editions.find(code)
                .map(e -> LanguageAnalyzers.keyFor(e.locale())).orElse(LanguageAnalyzers.STANDARD));
    }

    LanguageAnalyzers analyzers() {
        return analyzers;
    }

    @Override
    public void destroy() {
        index.close();
    }
}
