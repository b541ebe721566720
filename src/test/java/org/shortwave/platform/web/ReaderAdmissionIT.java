package org.shortwave.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.shortwave.Await;
import org.shortwave.cache.PageCache;
import org.shortwave.site.caching.PageCacheInvalidation;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Readers' renders wait their turn: with every turn taken, a page that must be rendered is answered 503 with
 * Retry-After after the wait (shortwave.readers.render-wait, 2 s), in the reader's language and without a stack
 * trace in the log, while stored pages and the newsroom go on being served.
 */
class ReaderAdmissionIT extends AppTestBase {

    @Autowired
    ReaderAdmission admission;
    @Autowired
    PageCache cache;
    @Autowired
    PageCacheInvalidation invalidation;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private int held;

    @BeforeEach
    void listen() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void giveBack() {
        root.detachAppender(logged);
        for (; held > 0; held--) {
            admission.leave();
        }
    }


    @Test
    void withEveryTurnTakenARenderIsAnswered503WhileStoredPagesAndTheNewsroomGoOn() {
        String article = referenceArticlePath("zh-hans");
        // Stored once the change feed has settled (start-up's changes evict pages as they arrive).
        Await.until(() -> get(article).headers().firstValue("X-Cache").orElse("").equals("hit"), "a stored page");

        for (int i = 0; i < admission.renders(); i++) {
            assertThat(admission.enter()).isTrue();
            held++;
        }
        long started = System.nanoTime();
        HttpResponse<String> refused = rendered(article);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(refused.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(Jsoup.parse(refused.body()).selectFirst("html").attr("lang")).isEqualTo("zh-Hans-CN");

        assertThat(get(article).headers().firstValue("X-Cache")).hasValue("hit");
        assertThat(get("/admin/login").statusCode()).isEqualTo(200);
        assertThat(rendered(article).statusCode()).isEqualTo(503);

        for (; held > 0; held--) {
            admission.leave();
        }
        assertThat(rendered(article).statusCode()).isEqualTo(200);
        assertThat(admission.waiting()).isZero();

        // Two refusals in ten seconds: one warning line between them, no error and no stack trace.
        assertThat(logged.list).noneMatch(e -> e.getLevel() == Level.ERROR);
        assertThat(logged.list).filteredOn(e -> e.getLoggerName().equals(UnavailableAnswers.class.getName()))
                .hasSizeLessThanOrEqualTo(1)
                .allSatisfy(e -> {
                    assertThat(e.getLevel()).isEqualTo(Level.WARN);
                    assertThat(e.getFormattedMessage()).contains("render turns taken");
                    assertThat(e.getThrowableProxy()).isNull();
                });
    }

    /**
     * A burst of readers on a page not yet stored (a popular page just evicted by a publish): the first renders it,
     * the others wait for that render instead of each taking a turn, and are answered the page it stored.
     */
    @Test
    void concurrentMissesOfOnePageRenderItOnce() throws Exception {
        String page = "/zh-hans/?burst=" + UUID.randomUUID(); // a page no one has asked for
        // A render is not stored when one of its keys is evicted meanwhile: let the earlier tests' changes arrive.
        long latest = jdbc.sql("select coalesce(max(seq), 0) from change_log").query(Long.class).single();
        Await.until(() -> invalidation.appliedSeq() >= latest, "the page cache to act on the earlier changes");
        for (int i = 0; i < admission.renders(); i++) {
            assertThat(admission.enter()).isTrue();
            held++;
        }
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(http.sendAsync(HttpRequest.newBuilder(uri(page)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Await.until(() -> admission.waiting() == 1 && cache.coalescing() == 11,
                "one reader waiting for a turn, eleven for its render");
        for (; held > 0; held--) {
            admission.leave();
        }

        List<HttpResponse<String>> done = answers.stream().map(CompletableFuture::join).toList();
        assertThat(done).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(200));
        assertThat(done).extracting(a -> a.headers().firstValue("X-Cache").orElse(""))
                .containsOnlyOnce("miss").isSubsetOf("miss", "coalesced", "hit");
        assertThat(done).extracting(a -> a.headers().firstValue("ETag").orElse("")).containsOnly(
                done.getFirst().headers().firstValue("ETag").orElseThrow());
        assertThat(cache.coalescing()).isZero();
    }
}
