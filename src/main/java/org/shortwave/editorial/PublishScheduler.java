package org.shortwave.editorial;

import java.util.List;
import org.shortwave.content.NewsroomArticles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every second, announces the scheduled and embargoed articles whose time has come, so caches and search on every
 * node learn of them with no page visit needed. Visibility itself never waits for this (the visibility rule
 * compares times); the claim is one UPDATE, so with several nodes each article is announced exactly once, and
 * after downtime everything overdue is announced on the first run.
 */
@Component
class PublishScheduler {

    private static final Logger log = LoggerFactory.getLogger(PublishScheduler.class);

    private final NewsroomArticles articles;
    private final Counter runs;
    private final Counter published;

    PublishScheduler(NewsroomArticles articles, MeterRegistry metrics) {
        this.articles = articles;
        this.runs = Counter.builder("shortwave.scheduler.runs").description("Runs of the publish scheduler")
                .register(metrics);
        this.published = Counter.builder("shortwave.scheduler.announced")
                .description("Scheduled or embargoed articles announced as public").register(metrics);
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void announceDue() {
        runs.increment();
        List<Long> announced = articles.announceDue();
        published.increment(announced.size());
        if (!announced.isEmpty()) {
            log.info("Announced scheduled articles now public: {}", announced);
        }
    }
}
