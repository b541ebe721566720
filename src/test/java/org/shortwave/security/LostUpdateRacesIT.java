package org.shortwave.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.ApiTokens;
import org.shortwave.accounts.Role;
import org.shortwave.content.NewsroomArticles;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writers racing through the admin API. In each race 2 to 8 writers save the same version of a story at the same
 * moment: exactly one wins, every other gets 409 with the winner's version, the story holds the winner's text, and
 * the story keeps one revision per successful save. A publish sent twice at once publishes once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LostUpdateRacesIT extends AppTestBase {

    private static final int RACES = 1_000;
    private static final int STORIES = 8;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    NewsroomArticles articles;

    @Autowired
    Taxonomy taxonomy;

    private String token;
    private long section;

    @BeforeAll
    void editor() {
        Account editor = accounts.create(null, "racer-" + UUID.randomUUID() + "@example.org", "Racer",
                "harbour lights at dusk", false);
        accounts.grant(null, editor.id(), "zh-hans", Role.EDITOR);
        token = tokens.create(accounts.find(editor.id()).orElseThrow(), "races");
        section = taxonomy.ensureSection("zh-hans", "race-tests", "并发测试", 99);
    }

    @Test
    void concurrentSavesLoseNothing() throws Exception {
        List<Long> stories = new ArrayList<>();
        for (int i = 0; i < STORIES; i++) {
            stories.add(create("并发稿件" + i));
        }
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger losses = new AtomicInteger();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        // The stories race side by side; each story's races run one after another.
        try (ExecutorService desks = Executors.newFixedThreadPool(STORIES);
                ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < STORIES; s++) {
                long id = stories.get(s);
                Random random = new Random(s);
                running.add(desks.submit(() -> {
                    for (int race = 0; race < RACES / STORIES; race++) {
                        race(id, race, 2 + random.nextInt(7), writers, wins, losses, problems);
                    }
                    return null;
                }));
            }
            for (Future<?> desk : running) {
                desk.get();
            }
        }
        int revisions = stories.stream().mapToInt(id -> articles.revisions(id).size()).sum();
        System.out.printf("Lost-update races: %d races, %d saves won, %d answered 409, %d updates lost, "
                + "%d revisions for %d saves and %d creations%n", RACES, wins.get(), losses.get(), problems.size(),
                revisions, wins.get(), STORIES);
        assertThat(problems).isEmpty();
        assertThat(wins.get()).isEqualTo(RACES);
        assertThat(revisions).isEqualTo(wins.get() + STORIES);
    }

    private void race(long id, int race, int writerCount, ExecutorService writers, AtomicInteger wins,
            AtomicInteger losses, List<String> problems) throws Exception {
        int version = articles.find(id).orElseThrow().version();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int w = 0; w < writerCount; w++) {
            String body = JSON.writeValueAsString(java.util.Map.of("version", version, "section", section,
                    "headline", "第" + race + "轮 写手" + w, "slug", "race-" + id, "lead", "导语" + w,
                    "dateline", "", "copyright", "短波",
                    "body", List.of(java.util.Map.of("type", "paragraph", "text", "写手" + w + "的正文"))));
            answers.add(writers.submit(() -> {
                start.await();
                return send(HttpRequest.newBuilder(uri("/api/admin/v1/articles/" + id))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
            }));
        }
        start.countDown();
        String winner = null;
        List<JsonNode> conflicts = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() == 200) {
                if (winner != null) {
                    problems.add("race " + race + " on " + id + ": two saves of one version both won");
                }
                winner = JSON.readTree(response.body()).get("headline").asString();
                wins.incrementAndGet();
            } else if (response.statusCode() == 409) {
                conflicts.add(JSON.readTree(response.body()));
                losses.incrementAndGet();
            } else {
                problems.add("race " + race + " on " + id + ": answered " + response.statusCode() + " "
                        + response.body());
            }
        }
        if (winner == null) {
            problems.add("race " + race + " on " + id + ": nobody won");
            return;
        }
        String stored = articles.find(id).orElseThrow().content().headline();
        if (!stored.equals(winner)) {
            problems.add("race " + race + " on " + id + ": the winner wrote " + winner + " but the story holds "
                    + stored);
        }
        for (JsonNode conflict : conflicts) {
            if (!"version".equals(conflict.get("field").asString())
                    || !winner.equals(conflict.get("current").get("headline").asString())) {
                problems.add("race " + race + " on " + id + ": a loser was not shown the winner's version: "
                        + conflict);
            }
        }
    }

    @Test
    void aPublishSentTwiceAtOncePublishesOnce() throws Exception {
        int doubleClicks = 50;
        int published = 0;
        try (ExecutorService clicks = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < doubleClicks; i++) {
                long id = create("双击发布" + i);
                int version = articles.find(id).orElseThrow().version();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int click = 0; click < 2; click++) {
                    answers.add(clicks.submit(() -> {
                        start.await();
                        return send(HttpRequest.newBuilder(uri("/api/admin/v1/articles/" + id + "/publish"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":" + version + "}")).build())
                                .statusCode();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                published += jdbc.sql("select count(*) from change_log where kind = 'article_published' "
                        + "and article_id = ?").param(id).query(Integer.class).single();
            }
        }
        System.out.printf("Double-clicked publish: %d double clicks, %d publications%n", doubleClicks, published);
        assertThat(published).isEqualTo(doubleClicks);
    }

    private long create(String headline) throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/admin/v1/articles"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of(
                        "edition", "zh-hans", "section", section, "headline", headline,
                        "slug", "race-" + UUID.randomUUID().toString().substring(0, 8), "lead", "导语",
                        "dateline", "", "copyright", "短波",
                        "body", List.of(java.util.Map.of("type", "paragraph", "text", "正文"))))))
                .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }
}
