package org.shortwave.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shortwave.content.ArticleFixtures.anArticle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.Await;
import org.shortwave.AppTestBase;
import org.shortwave.content.Article;
import org.shortwave.content.ArticleChanges;
import org.shortwave.content.ArticleStore;
import org.shortwave.content.ChangeLog;
import org.shortwave.content.PublishedArticles;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.shortwave.i18n.Edition;
import org.shortwave.i18n.Editions;
import org.shortwave.search.internal.ArticleDocuments;
import org.shortwave.search.internal.LuceneIndex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The search index on real PostgreSQL and a real Lucene index: Chinese words and names, scripts, following changes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIT extends AppTestBase {

    @Autowired SearchService search;
    @Autowired SearchIndexing indexing;
    @Autowired ArticleStore store;
    @Autowired Taxonomy taxonomy;
    @Autowired Editions editions;
    @Autowired PublishedArticles articles;
    @Autowired ChangeLog changeLog;
    @Autowired TransactionTemplate transactions;

    ArticleChanges changes;
    Edition zh;
    Edition en;
    Section zhSection;
    Section enSection;
    long typhoonDrill;
    long nameStory;
    long scatteredCharacters;
    long traditionalStory;
    long simplifiedLibrary;

    @BeforeAll
    void articles() {
        changes = new ArticleChanges(jdbc, changeLog, transactions);
        zh = editions.find("zh-hans").orElseThrow();
        en = editions.find("en").orElseThrow();
        zhSection = taxonomy.section("zh-hans", taxonomy.ensureSection("zh-hans", "search-it", "搜索测试", 90)).orElseThrow();
        enSection = taxonomy.section("en", taxonomy.ensureSection("en", "search-it", "Search tests", 90)).orElseThrow();
        typhoonDrill = create(anArticle().in(zhSection).headline("沿海渔村举行防汛演练")
                .body("村民们在清晨集合，检查沙袋和抽水机。"));
        nameStory = create(anArticle().in(zhSection).headline("海边小学的新图书角")
                .body("校长郑海川在开学典礼上说，图书角向全村开放。"));
        scatteredCharacters = create(anArticle().in(zhSection).headline("郑州商人到海南考察")
                .body("来自郑州的商人参观了海港，又去了四川和川西高原。"));
        traditionalStory = create(anArticle().in(zhSection).headline("颱風過後漁民修補漁網")
                .body("漁民們說，今年的颱風來得比往年早。"));
        simplifiedLibrary = create(anArticle().in(zhSection).headline("县图书馆开放夜间阅览")
                .body("图书馆延长开放时间，方便上班族借书。"));
        awaitIndexed(List.of(typhoonDrill, nameStory, scatteredCharacters, traditionalStory, simplifiedLibrary));
    }

    @Test
    void aTwoCharacterWordFindsTheStoryWithItInTheHeadline() {
        assertThat(ids(zh, "演练")).contains(typhoonDrill).doesNotContain(nameStory, scatteredCharacters);
    }

    @Test
    void aThreeCharacterNameMatchesOnlyWhereTheWholeNameIs() {
        assertThat(ids(zh, "郑海川")).containsExactly(nameStory);
        // Its characters are all in the other story, apart: they must not add up to a match.
        assertThat(ids(zh, "郑州")).containsExactly(scatteredCharacters);
        assertThat(ids(zh, "郑海川 图书角")).containsExactly(nameStory);
    }

    @Test
    void aTraditionalQueryFindsASimplifiedStory() {
        assertThat(ids(zh, "圖書館")).contains(simplifiedLibrary);
        assertThat(ids(zh, "圖書館")).containsExactlyInAnyOrderElementsOf(ids(zh, "图书馆"));
    }

    @Test
    void aSimplifiedQueryFindsATraditionalStory() {
        assertThat(ids(zh, "渔网")).containsExactly(traditionalStory);
        assertThat(ids(zh, "台风")).contains(traditionalStory);
    }

    @Test
    void englishWordsAreStemmedAndAllMustMatch() {
        long id = create(anArticle().in(enSection).headline("Volunteers repaint the harbour lighthouses")
                .body("Painters from three villages joined the work."));
        awaitIndexed(List.of(id));
        assertThat(ids(en, "lighthouse")).contains(id);
        assertThat(ids(en, "painter villages")).contains(id);
        assertThat(ids(en, "painter submarine")).doesNotContain(id);
        assertThat(ids(zh, "lighthouse")).as("other editions are not searched").doesNotContain(id);
    }

    @Test
    void snippetsMarkTheMatchAndEscapeTheText() {
        long id = create(anArticle().in(enSection).headline("Ferry timetable changes")
                .body("The <em>new</em> timetable &amp; the old one: 5 &lt; 7 ferries a day."));
        awaitIndexed(List.of(id));
        SearchHit hit = search.search(en, query("timetable")).hits().stream()
                .filter(h -> h.article().id() == id).findFirst().orElseThrow();
        assertThat(hit.snippetHtml()).contains("<mark>timetable</mark>").contains("&amp;").contains("5 &lt; 7")
                .doesNotContain("<em>");
    }

    @Test
    void aStoryIsFoundAfterPublishingAndGoneAfterUnpublishingOrDeleting() {
        long id = create(anArticle().in(enSection).headline("Quarrymen choir tours the valleys").draft());
        awaitIndexed(List.of(id));
        assertThat(ids(en, "quarrymen")).isEmpty();

        SearchFixtures.awaitApplied(indexing.index(), changes.publish(id, Instant.parse("2026-11-20T08:00:00Z")));
        assertThat(ids(en, "quarrymen")).containsExactly(id);

        SearchFixtures.awaitApplied(indexing.index(), changes.retitle(id, "Stonecutters choir tours the valleys"));
        assertThat(ids(en, "quarrymen")).isEmpty();
        assertThat(ids(en, "stonecutters")).containsExactly(id);

        SearchFixtures.awaitApplied(indexing.index(), changes.unpublish(id));
        assertThat(ids(en, "stonecutters")).isEmpty();
        assertThat(indexing.index().ids()).doesNotContain(id);

        SearchFixtures.awaitApplied(indexing.index(), changes.publish(id, Instant.parse("2026-11-20T08:00:00Z")));
        assertThat(ids(en, "stonecutters")).containsExactly(id);
        SearchFixtures.awaitApplied(indexing.index(), changes.delete(id));
        assertThat(ids(en, "stonecutters")).isEmpty();
    }

    @Test
    void aDraftIsNeverReturnedEvenWhenTheIndexHoldsIt() {
        long draft = create(anArticle().in(enSection).headline("Embargoed budget leak").draft());
        awaitIndexed(List.of(draft));
        assertThat(ids(en, "embargoed")).isEmpty();

        // A stale index that (wrongly) holds the draft: the database still has the last word.
        long published = create(anArticle().in(enSection).headline("Embargoed papers go on show"));
        awaitIndexed(List.of(published));
        Article shape = articles.find(published).orElseThrow();
        Article asDraft = new Article(draft, shape.editionCode(), shape.section(), "Embargoed budget leak", shape.slug(),
                "", "", shape.body(), null, List.of(), List.of(), shape.publishedAt(), null, "Shortwave", List.of());
        synchronized (indexing.index()) {
            indexing.index().put(draft, ArticleDocuments.of(asDraft, "en"));
            indexing.index().commit(indexing.index().appliedSeq());
        }
        try {
            assertThat(search.search(en, query("embargoed")).total()).as("the index proposes both").isEqualTo(2);
            assertThat(ids(en, "embargoed")).containsExactly(published);
        } finally {
            synchronized (indexing.index()) {
                indexing.index().remove(draft);
                indexing.index().commit(indexing.index().appliedSeq());
            }
        }
    }

    @Test
    void filtersNarrowByTopicSectionAndDate() {
        long older = create(anArticle().in(enSection).headline("Tide gauge readings archived")
                .publishedAt(Instant.parse("2026-10-02T10:00:00Z")));
        long newer = create(anArticle().in(enSection).headline("Tide gauge repaired after storm")
                .publishedAt(Instant.parse("2026-11-12T10:00:00Z")));
        awaitIndexed(List.of(older, newer));
        String section = Long.toString(enSection.id());
        assertThat(ids(en, "tide gauge", Map.of("from", "2026-11-01"))).containsExactly(newer);
        assertThat(ids(en, "tide gauge", Map.of("to", "2026-10-31"))).containsExactly(older);
        assertThat(ids(en, "tide", Map.of("sort", "date", "section", section))).containsExactly(newer, older);
        assertThat(ids(en, "tide", Map.of("section", section))).containsExactlyInAnyOrder(older, newer);
        long otherSection = taxonomy.sections("en").getFirst().id();
        assertThat(ids(en, "tide", Map.of("section", Long.toString(otherSection)))).doesNotContain(older, newer);
    }

    @Test
    void aRebuildAfterTheDirectoryIsDeletedEqualsThePublicSet() throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), "index-rebuild-");
        try (LuceneIndex fresh = LuceneIndex.open(dir, indexing.analyzers())) {
            indexing.rebuild(fresh, done -> { });
        }
        deleteRecursively(dir);
        try (LuceneIndex reopened = LuceneIndex.open(dir, indexing.analyzers())) {
            assertThat(reopened.appliedSeq()).isEqualTo(-1);
            indexing.catchUp(reopened);
            assertThat(reopened.ids()).isEqualTo(articles.allIds());
            assertThat(reopened.appliedSeq()).isGreaterThanOrEqualTo(changeLog.latestSeq());
        } finally {
            deleteRecursively(dir);
        }
    }

    @Test
    void anIndexThatWasClosedCatchesUpWithChangesMadeMeanwhile() throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), "index-restart-");
        long leaving = create(anArticle().in(enSection).headline("Harbour pilot retires"));
        awaitIndexed(List.of(leaving));
        try (LuceneIndex node = LuceneIndex.open(dir, indexing.analyzers())) {
            indexing.rebuild(node, done -> { });
            assertThat(node.ids()).contains(leaving);
        }
        // While that index is closed ("the node is down"), the newsroom goes on.
        long arriving = create(anArticle().in(enSection).headline("New harbour pilot sworn in"));
        SearchFixtures.awaitApplied(indexing.index(), changes.unpublish(leaving));
        awaitIndexed(List.of(arriving));

        try (LuceneIndex node = LuceneIndex.open(dir, indexing.analyzers())) {
            assertThat(node.ids()).doesNotContain(arriving).contains(leaving);
            indexing.catchUp(node);
            assertThat(node.ids()).contains(arriving).doesNotContain(leaving);
            assertThat(node.ids()).isEqualTo(articles.allIds());
        } finally {
            deleteRecursively(dir);
        }
    }

    @Test
    void theHealthCheckReportsAnArticleTheIndexShouldNotHold() {
        long draft = create(anArticle().in(enSection).headline("Health check draft").draft());
        awaitIndexed(List.of(draft));
        IndexHealth before = indexing.health();
        assertThat(before.notPublic()).doesNotContain(draft);
        assertThat(before.healthy()).isEqualTo(before.missingFromIndex().isEmpty() && before.notPublic().isEmpty()
                && before.databaseCount() == before.indexCount());

        Article shape = articles.find(typhoonDrill).orElseThrow();
        Article planted = new Article(draft, shape.editionCode(), shape.section(), "Health check draft", shape.slug(),
                "", "", shape.body(), null, List.of(), List.of(), shape.publishedAt(), null, "Shortwave", List.of());
        Runnable plant = () -> {
            synchronized (indexing.index()) {
                indexing.index().put(draft, ArticleDocuments.of(planted, "zh"));
                indexing.index().commit(indexing.index().appliedSeq());
            }
        };
        plant.run();
        try {
            // The index follower may apply a late change for the draft and mend the index (it removes what is not
            // public) before the question: plant again then, a bounded number of times.
            IndexHealth diverged = indexing.health();
            for (int attempt = 0; attempt < 5 && !diverged.notPublic().contains(draft); attempt++) {
                plant.run();
                diverged = indexing.health();
            }
            assertThat(diverged.healthy()).isFalse();
            assertThat(diverged.notPublic()).contains(draft);
            // The index follower may apply a late change for the draft between planting and asking, and so mend
            // the index (it removes what is not public): plant again then, a bounded number of times.
            var response = get("/api/health/search");
            // (Another test's story may make the index unhealthy too, so look for this draft, not just the status.)
            for (int attempt = 0; attempt < 5 && !response.body().contains(Long.toString(draft)); attempt++) {
                plant.run();
                response = get("/api/health/search");
            }
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("\"healthy\":false", "\"notPublic\":[", Long.toString(draft));
        } finally {
            synchronized (indexing.index()) {
                indexing.index().remove(draft);
                indexing.index().commit(indexing.index().appliedSeq());
            }
        }
        assertThat(indexing.health().notPublic()).doesNotContain(draft);
    }

    private long create(org.shortwave.content.ArticleFixtures fixture) {
        return store.create(fixture.build());
    }

    /** Waits until the index agrees with the database about these articles (in it if public, out of it if not). */
    private void awaitIndexed(List<Long> ids) {
        Set<Long> publicIds = Set.copyOf(articles.allIds());
        Await.until(() -> {
            List<Long> inIndex = indexing.index().ids();
            return ids.stream().allMatch(id -> inIndex.contains(id) == publicIds.contains(id));
        }, "articles " + ids + " to be indexed");
    }

    private List<Long> ids(Edition edition, String words) {
        return ids(edition, words, Map.of());
    }

    private List<Long> ids(Edition edition, String words, Map<String, String> filters) {
        Map<String, String[]> parameters = new java.util.HashMap<>();
        parameters.put("q", new String[] {words});
        filters.forEach((k, v) -> parameters.put(k, new String[] {v}));
        return search.search(edition, SearchQuery.parse(parameters, Set.of())).hits().stream()
                .map(h -> h.article().id()).toList();
    }

    private static SearchQuery query(String words) {
        return SearchQuery.parse(Map.of("q", new String[] {words}), Set.of());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
