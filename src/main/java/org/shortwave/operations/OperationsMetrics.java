package org.shortwave.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.shortwave.cache.PageCache;
import org.shortwave.content.ChangeLog;
import org.shortwave.platform.web.ReaderAdmission;
import org.shortwave.search.SearchIndexing;
import org.springframework.stereotype.Component;

/**
 * Shortwave's own gauges, read at each scrape of {@code /actuator/prometheus}: change-log lag of this node and the
 * search index's lag. Counters live where things happen ({@code shortwave.scheduler.runs},
 * {@code shortwave.media.upload.rejections}); requests by page kind are Spring's {@code http.server.requests} with a
 * {@code page} tag. The page cache's hits, misses and evictions are read from its own counters.
 */
@Component
class OperationsMetrics implements MeterBinder {

    private final ChangeFeedProgress feed;
    private final ChangeLog changeLog;
    private final SearchIndexing search;
    private final PageCache pages;
    private final ReaderAdmission readers;

    OperationsMetrics(ChangeFeedProgress feed, ChangeLog changeLog, SearchIndexing search, PageCache pages,
            ReaderAdmission readers) {
        this.feed = feed;
        this.changeLog = changeLog;
        this.search = search;
        this.pages = pages;
        this.readers = readers;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("shortwave.changelog.lag", feed, f -> f.lag().behind())
                .description("Change-log rows this node has not delivered to its listeners yet").baseUnit("changes")
                .register(registry);
        Gauge.builder("shortwave.changelog.latest", changeLog, ChangeLog::latestSeq)
                .description("Newest change-log seq in the database").register(registry);
        Gauge.builder("shortwave.search.index.lag", this,
                        m -> Math.max(0, changeLog.latestSeq() - search.appliedSeq()))
                .description("Change-log rows not yet applied to this node's search index").baseUnit("changes")
                .register(registry);
        Gauge.builder("shortwave.search.index.documents", this, m -> search.documentCount())
                .description("Articles in this node's search index").register(registry);
        FunctionCounter.builder("shortwave.page.cache.hits", pages, c -> c.stats().hits())
                .description("Answers served from this node's page cache").register(registry);
        FunctionCounter.builder("shortwave.page.cache.misses", pages, c -> c.stats().misses())
                .description("Public answers the page cache did not have").register(registry);
        FunctionCounter.builder("shortwave.page.cache.evictions", pages, c -> c.stats().evictions())
                .description("Pages evicted by changes or for room").register(registry);
        Gauge.builder("shortwave.page.cache.size", pages, c -> c.stats().bytes())
                .description("Memory the stored pages take").baseUnit("bytes").register(registry);
        Gauge.builder("shortwave.page.cache.coalescing", pages, PageCache::coalescing)
                .description("Requests waiting for another request's render of the same page").register(registry);
        Gauge.builder("shortwave.readers.waiting", readers, ReaderAdmission::waiting)
                .description("Readers' requests waiting for a turn to render (ADR 0014)").register(registry);
    }
}
