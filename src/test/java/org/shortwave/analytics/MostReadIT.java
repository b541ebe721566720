package org.shortwave.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shortwave.content.ArticleFixtures.anArticle;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.content.ArticleStore;
import org.shortwave.content.PublishedArticles;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Page views from the beacon to the top-stories block, on real PostgreSQL. Uses an edition of its own, so that
 * other tests' views do not change its ranking.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MostReadIT extends AppTestBase {

    static final String READER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

    @Autowired PageViews views;
    @Autowired MostRead mostRead;
    @Autowired ArticleStore store;
    @Autowired Taxonomy taxonomy;
    @Autowired PublishedArticles articles;

    Section section;
    long popular;
    long lessPopular;
    long unread;
    long draft;

    @BeforeAll
    void articles() {
        section = taxonomy.section("en", taxonomy.ensureSection("en", "most-read-it", "Most read tests", 91)).orElseThrow();
        popular = store.create(anArticle().in(section).headline("Popular story of the day").build());
        lessPopular = store.create(anArticle().in(section).headline("Less popular story").build());
        unread = store.create(anArticle().in(section).headline("Story nobody reads").build());
        draft = store.create(anArticle().in(section).headline("Draft with views").draft().build());
    }

    @Test
    void beaconsAreCountedPerHourAndRankTheMostRead() {
        for (int i = 0; i < 4; i++) {
            assertThat(beacon("POST", popular, READER + " reader-" + i).statusCode()).isEqualTo(204);
        }
        HttpResponse<String> pixel = beacon("GET", lessPopular, READER + " noscript");
        assertThat(pixel.statusCode()).isEqualTo(200);
        assertThat(pixel.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(pixel.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(pixel.headers().allValues("Set-Cookie")).isEmpty();
        beacon("POST", lessPopular, READER + " second");
        beacon("POST", draft, READER + " draft");
        views.flush();

        List<Long> ranked = mostRead.lastDay("en", List.of(), 50).stream().map(t -> t.id()).toList();
        assertThat(ranked).containsSubsequence(popular, lessPopular).doesNotContain(unread, draft);
        assertThat(hourly(popular)).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from article_view_hour where article_id = ?").param(draft)
                .query(Long.class).single()).as("views of a draft are not stored").isZero();

        var series = get("/api/v1/articles/" + popular + "/views?hours=3");
        assertThat(series.statusCode()).isEqualTo(200);
        assertThat(series.body()).contains("\"hour\":\"2026-11-26T12:00:00Z\",\"views\":4",
                "\"hour\":\"2026-11-26T10:00:00Z\",\"views\":0");
        assertThat(get("/api/v1/articles/" + popular + "/views?hours=0").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/articles/" + draft + "/views").statusCode()).isEqualTo(404);
    }

    @Test
    void robotsAndOverEagerClientsAreNotCounted() {
        long story = store.create(anArticle().in(section).headline("Story for robots").build());
        assertThat(views.record(story, "192.0.2.1", "Googlebot/2.1 (+http://www.google.com/bot.html)")).isFalse();
        assertThat(views.record(story, "192.0.2.1", "curl/8.5.0")).isFalse();
        assertThat(views.record(story, "192.0.2.1", null)).isFalse();
        int counted = 0;
        for (int i = 0; i < 100; i++) {
            counted += views.record(story, "192.0.2.7", READER) ? 1 : 0;
        }
        assertThat(counted).as("one client's burst is bounded").isBetween(20, 22);
        assertThat(views.record(story, "192.0.2.8", READER)).as("another client still counts").isTrue();
        views.flush();
        assertThat(hourly(story)).isBetween(21L, 23L);
    }

    @Test
    void theTopStoriesBlockShowsPinnedStoriesThenTheMostRead() {
        for (int i = 0; i < 6; i++) {
            beacon("POST", popular, READER + " top-" + i);
        }
        views.flush();
        long quiet = store.create(anArticle().in(section).headline("Zebrafish mosaic unveiled")
                .body("Tiles of blue glass.").build());
        // The editor fills the related block, so that no suggestion there takes a most-read story first.
        List<Long> picks = new java.util.ArrayList<>(jdbc.sql("""
                select id from article where edition_code = 'en' and source_key like 'demo:%'
                  and id not in (select article_id from top_story) order by id limit 3""").query(Long.class).list());
        picks.add(unread);
        picks.add(store.create(anArticle().in(section).headline("Another quiet story").build()));
        store.setRelated(quiet, picks);
        String path = articles.find(quiet).orElseThrow().path();
        Document page = Jsoup.parse(get(path).body());
        List<String> top = page.select("#top-stories li h3 a").eachAttr("href");
        List<String> pinned = articles.topStories("en").stream().map(t -> t.path()).toList();
        assertThat(top).startsWith(pinned.toArray(String[]::new));
        assertThat(top).contains(articles.find(popular).orElseThrow().path());
        assertThat(top).hasSizeLessThanOrEqualTo(6);
        assertThat(page.select("a[href]").eachAttr("href").stream().filter(top::contains).distinct().count())
                .as("each story once on the page").isEqualTo(page.select("main a[href]").eachAttr("href").stream()
                        .filter(top::contains).count());
        assertThat(page.select("script[src^=/assets/beacon][data-article=" + quiet + "]")).hasSize(1);
        assertThat(page.select("noscript").html()).contains("/api/beacon?a=" + quiet);
    }

    private long hourly(long id) {
        return jdbc.sql("select coalesce(sum(views), 0) from article_view_hour where article_id = ? and hour = ?")
                .params(id, Instant.parse("2026-11-26T12:00:00Z").atOffset(java.time.ZoneOffset.UTC))
                .query(Long.class).single();
    }

    private HttpResponse<String> beacon(String method, long id, String userAgent) {
        return send(HttpRequest.newBuilder(uri("/api/beacon?a=" + id)).header("User-Agent", userAgent)
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }
}
