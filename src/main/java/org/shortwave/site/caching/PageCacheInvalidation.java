package org.shortwave.site.caching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shortwave.analytics.MostRead;
import org.shortwave.cache.PageEvictions;
import org.shortwave.content.Article;
import org.shortwave.content.ArticleTeaser;
import org.shortwave.content.ChangeKind;
import org.shortwave.content.ChangeListenerOrder;
import org.shortwave.content.ContentChanged;
import org.shortwave.content.ContentCommitted;
import org.shortwave.content.PublishedArticles;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Topic;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns each change of the change log (it reaches every node) into the surrogate keys of the pages that show what
 * changed, evicts them from this node's page cache and hands them to the purge hooks. A change says what changed,
 * not how it is now: the article is re-read to learn which lists it now belongs in; whatever lists it showed it
 * before carry its own key. Most-read lists change without a content change: they are compared every minute. The
 * eviction itself (the read model first, then the pages, then the purge hooks) is the page cache's
 * ({@link PageEvictions}); this class, beside the pages that carry the keys, is the one place that knows which change
 * evicts which page.
 */
@Component
public class PageCacheInvalidation {

    /** Enough of the most-read ranking to decide the top-stories block whatever a page leaves out of it. */
    private static final int MOST_READ_DEPTH = 20;

    private final PageEvictions evictions;
    private final PublishedArticles articles;
    private final Taxonomy taxonomy;
    private final Editions editions;
    private final MostRead mostRead;
    private final Map<String, List<Long>> mostReadSeen = new HashMap<>();
    private volatile long appliedSeq;

    PageCacheInvalidation(PageEvictions evictions, PublishedArticles articles, Taxonomy taxonomy, Editions editions,
            MostRead mostRead) {
        this.evictions = evictions;
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.editions = editions;
        this.mostRead = mostRead;
    }

    /**
     * A change from the change log, on every node. After the state pages read (the editions), before the search
     * index and derivations ({@link ChangeListenerOrder}): readers and the shared cache's purge do not wait for the
     * index's commit (issue 9: a change shows on every node and through Varnish within a second).
     */
    @EventListener
    @Order(ChangeListenerOrder.EVICTION)
    void on(ContentChanged change) {
        evictions.evictAndPurge(keysOf(change));
        appliedSeq = Math.max(appliedSeq, change.seq());
    }

    /**
     * The same change on the node that wrote it, at commit: its editor (and its tests) read their write at once,
     * without waiting for the change feed. Evicting twice costs nothing.
     */
    @EventListener
    void on(ContentCommitted committed) {
        evictions.evictHere(keysOf(committed.change()));
    }

    /** The highest change-log seq this node's cache has acted on (for tests and the operations page). */
    public long appliedSeq() {
        return appliedSeq;
    }

    Set<String> keysOf(ContentChanged change) {
        Set<String> keys = new LinkedHashSet<>();
        if (change.kind() == ChangeKind.EDITION_CHANGED) {
            // An edition's name, locale or calendar shows on every page of every edition (the language switcher,
            // the footer): every edition's pages go, and every feed, sitemap and API answer. Rare; cheap to rebuild.
            editions.all().forEach(edition -> {
                keys.add(SurrogateKeys.edition(edition.code()));
                keys.add(SurrogateKeys.taxonomy(edition.code()));
            });
            if (change.editionCode() != null) {
                keys.add(SurrogateKeys.edition(change.editionCode()));
            }
            keys.addAll(List.of(SurrogateKeys.FEEDS, SurrogateKeys.SITEMAPS, SurrogateKeys.API));
            return keys;
        }
        switch (change.kind()) {
            case SECTION_CHANGED, TOPIC_CHANGED -> {
                return taxonomyKeys(change);
            }
            case PERSON_CHANGED -> {
                // A byline: the pages of the person's public stories, and every list, feed and API answer showing them.
                if (change.subjectId() != null) {
                    taxonomy.publishedArticlesBy(change.subjectId()).forEach(id -> keys.add(SurrogateKeys.article(id)));
                }
                return keys;
            }
            default -> { }
        }
        if (change.articleId() == null) {
            // An edition's list of top stories (LISTS_CHANGED), or any edition-wide change.
            if (change.editionCode() != null) {
                keys.add(SurrogateKeys.topStories(change.editionCode()));
                keys.add(SurrogateKeys.edition(change.editionCode()));
            }
            return keys;
        }
        keys.add(SurrogateKeys.article(change.articleId()));
        if (change.kind() != ChangeKind.LISTS_CHANGED) {
            // The story's public versions in other editions link to it when it is public (and hreflang names it):
            // their pages change when it is published, unpublished, deleted or renamed.
            for (ArticleTeaser version : articles.otherVersions(change.articleId())) {
                keys.add(SurrogateKeys.article(version.id()));
            }
        }
        switch (change.kind()) {
            case ARTICLE_SAVED, ARTICLE_PUBLISHED -> {
                // Public now: it may have joined lists it was not in (new, moved to another section, retimed).
                Optional<Article> now = articles.find(change.articleId());
                now.ifPresent(article -> {
                    keys.add(SurrogateKeys.section(article.section().id()));
                    for (Topic topic : article.topics()) {
                        keys.add(SurrogateKeys.topic(topic.id()));
                    }
                    keys.add(SurrogateKeys.edition(article.editionCode()));
                    keys.add(SurrogateKeys.SITEMAPS);
                });
            }
            case ARTICLE_UNPUBLISHED, ARTICLE_DELETED -> keys.add(SurrogateKeys.SITEMAPS);
            // The article's own related stories, or its language versions (a version's page lists the others)
            case LISTS_CHANGED -> { }
            case EDITION_CHANGED, SECTION_CHANGED, TOPIC_CHANGED, PERSON_CHANGED -> { } // handled above
        }
        return keys;
    }

    /**
     * A section or topic added, renamed, moved or removed. The section menu is on every page of the edition: its
     * home, article pages, feeds and sitemaps carry the edition's key, its section and topic pages (and their feeds)
     * their own keys, so all of those go; so does the one changed, which may be gone (its page must not stay), and
     * the content API, whose answers name sections and topics. Rare; cheap to rebuild.
     */
    private Set<String> taxonomyKeys(ContentChanged change) {
        Set<String> keys = new LinkedHashSet<>();
        String code = change.editionCode();
        if (code == null) {
            editions.all().forEach(edition -> keys.add(SurrogateKeys.taxonomy(edition.code())));
        } else {
            keys.add(SurrogateKeys.taxonomy(code));
            keys.add(SurrogateKeys.edition(code));
            taxonomy.sections(code).forEach(section -> keys.add(SurrogateKeys.section(section.id())));
            taxonomy.topics(code).forEach(topic -> keys.add(SurrogateKeys.topic(topic.id())));
        }
        if (change.subjectId() != null) {
            keys.add(change.kind() == ChangeKind.SECTION_CHANGED ? SurrogateKeys.section(change.subjectId())
                    : SurrogateKeys.topic(change.subjectId()));
        }
        keys.add(SurrogateKeys.API);
        return keys;
    }

    /**
     * Compares each edition's most-read ranking with the last one seen, and evicts the top stories that moved (from
     * the pages and the read model). Scheduled; public for tests that need a ranking to show at once.
     */
    @Scheduled(fixedDelayString = "${shortwave.page-cache.most-read-check:60s}", initialDelay = 5000)
    public void checkMostRead() {
        List<String> changed = new ArrayList<>();
        for (Edition edition : editions.all()) {
            List<Long> ranking = mostRead.lastDay(edition.code(), List.of(), MOST_READ_DEPTH).stream()
                    .map(ArticleTeaser::id).toList();
            List<Long> before;
            synchronized (mostReadSeen) {
                before = mostReadSeen.put(edition.code(), ranking);
            }
            if (!ranking.equals(before)) {
                changed.add(SurrogateKeys.topStories(edition.code()));
            }
        }
        if (!changed.isEmpty()) {
            evictions.evictAndPurge(new LinkedHashSet<>(changed));
        }
    }
}
