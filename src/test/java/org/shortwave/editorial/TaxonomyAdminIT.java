package org.shortwave.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shortwave.content.ArticleFixtures.anArticle;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.Await;
import org.shortwave.NewsroomBrowser;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleStore;
import org.shortwave.content.ChangeKind;
import org.shortwave.content.ChangeLog;
import org.shortwave.content.ContentChanged;
import org.shortwave.content.Section;
import org.shortwave.content.Taxonomy;
import org.shortwave.content.Topic;
import org.shortwave.i18n.Editions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sections, topics and people in the newsroom over real HTTP: an edition added at {@code /admin/editions} gets its
 * menu without SQL; each change is audit-logged and goes through the change log, so the public pages (page cache on)
 * show it at once; bad input and a section holding articles are refused with the reason and nothing changed; only
 * admins and the edition's editors may, with the CSRF token, from our own origin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaxonomyAdminIT extends AppTestBase {

    private static final String PASSWORD = "harbour lights at dusk";
    /** The test's own edition, removed afterwards: its menu is the test's to reorder. */
    private static final String EDITION = "tx";

    @Autowired
    Accounts accounts;
    @Autowired
    EditionAdmin editionAdmin;
    @Autowired
    Editions editions;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    ChangeLog changeLog;
    @Autowired
    ArticleStore store;

    Account admin;
    Account editor;
    Account contributor;
    Account otherEditor;

    @BeforeAll
    void setUp() {
        admin = user(true, Map.of());
        editor = user(false, Map.of());
        contributor = user(false, Map.of());
        otherEditor = user(false, Map.of("en", Role.EDITOR));
        editionAdmin.save(admin, new EditionAdmin.Form(EDITION, "de-DE", "Taxonomie", "Kurzwelle Test", "ltr",
                "Europe/Berlin", "Kurzwelle", "gregorian", "", "90"), true);
        accounts.grant(null, editor.id(), EDITION, Role.EDITOR);
        accounts.grant(null, contributor.id(), EDITION, Role.CONTRIBUTOR);
        editor = accounts.find(editor.id()).orElseThrow();
        contributor = accounts.find(contributor.id()).orElseThrow();
    }

    @AfterAll
    void removeTestEdition() {
        jdbc.sql("delete from article where edition_code = ?").param(EDITION).update();
        jdbc.sql("delete from topic where edition_code = ?").param(EDITION).update();
        jdbc.sql("delete from section where edition_code = ?").param(EDITION).update();
        jdbc.sql("delete from user_edition_role where edition_code = ?").param(EDITION).update();
        jdbc.sql("delete from edition where code = ?").param(EDITION).update();
        editions.reload();
    }

    private Account user(boolean isAdmin, Map<String, Role> roles) {
        Account account = accounts.create(null, "tax-" + UUID.randomUUID() + "@example.org", "Taxonomy", PASSWORD,
                isAdmin);
        roles.forEach((edition, role) -> accounts.grant(null, account.id(), edition, role));
        return accounts.find(account.id()).orElseThrow();
    }

    private NewsroomBrowser signedIn(Account account) {
        NewsroomBrowser browser = new NewsroomBrowser(this::uri, "en");
        assertThat(browser.signIn(account.email(), PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<String> menu(String edition) {
        return taxonomy.sections(edition).stream().map(Section::name).toList();
    }

    /** The menu of the test edition, in order, restricted to these sections (other tests add their own). */
    private List<String> ours(Section... sections) {
        List<Long> ids = java.util.Arrays.stream(sections).map(Section::id).toList();
        return taxonomy.sections(EDITION).stream().filter(s -> ids.contains(s.id())).map(Section::name).toList();
    }

    private Section section(String edition, String slug) {
        return taxonomy.sections(edition).stream().filter(s -> s.slug().equals(slug)).findFirst().orElseThrow();
    }

    private long audited(String action, Object target) {
        return jdbc.sql("select count(*) from audit_log where action = ? and target_id = ?")
                .params(action, target.toString()).query(Long.class).single();
    }

    private List<ContentChanged> changesSince(long seq) {
        return changeLog.since(seq, 1000);
    }

    @Test
    void anAdminAddsRenamesReordersAndRemovesSectionsAndTheSiteFollows() {
        NewsroomBrowser browser = signedIn(admin);
        String page = "/admin/sections/" + EDITION;
        Document empty = browser.page(page);
        assertThat(empty.select(".hint").text()).contains("fixed once created");
        long before = changeLog.latestSeq();

        for (String[] s : new String[][] {{"nachrichten", "Nachrichten"}, {"sport", "Sport"}, {"kultur", "Kultur"}}) {
            HttpResponse<String> added = browser.submit(page, page, Map.of("slug", s[0], "name", s[1]));
            assertThat(added.statusCode()).isEqualTo(302);
            assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith(page + "?saved");
        }
        List<String> created = menu(EDITION);
        assertThat(created).containsSubsequence("Nachrichten", "Sport", "Kultur");
        Section sport = section(EDITION, "sport");
        Section kultur = section(EDITION, "kultur");
        Section news = section(EDITION, "nachrichten");

        // Renamed: the name changes, the slug (in public addresses) does not.
        assertThat(browser.submit(page, page + "/" + sport.id(), Map.of("name", "Sport und Spiel")).statusCode())
                .isEqualTo(302);
        assertThat(section(EDITION, "sport").name()).isEqualTo("Sport und Spiel");

        // Moved up past "Sport und Spiel"; moving the first one up changes nothing.
        assertThat(browser.submit(page, page + "/" + kultur.id() + "/move", Map.of("direction", "up")).statusCode())
                .isEqualTo(302);
        assertThat(browser.submit(page, page + "/" + news.id() + "/move", Map.of("direction", "up")).statusCode())
                .isEqualTo(302);
        assertThat(ours(news, sport, kultur)).containsExactly("Nachrichten", "Kultur", "Sport und Spiel");
        Document home = Jsoup.parse(get("/" + EDITION + "/").body());
        assertThat(home.select("nav#main-menu a").eachText()).containsSubsequence("Nachrichten", "Kultur",
                "Sport und Spiel");

        // An empty section can be removed; its page goes with it.
        assertThat(browser.submit(page, page + "/" + kultur.id() + "/remove", Map.of()).statusCode()).isEqualTo(302);
        assertThat(ours(news, sport, kultur)).containsExactly("Nachrichten", "Sport und Spiel");
        assertThat(get(kultur.path()).statusCode()).isEqualTo(404);

        assertThat(audited("section.created", sport.id())).isEqualTo(1);
        assertThat(audited("section.renamed", sport.id())).isEqualTo(1);
        assertThat(audited("section.moved", kultur.id())).isEqualTo(1);
        assertThat(audited("section.removed", kultur.id())).isEqualTo(1);
        // Every node learns of each change from the change log, with the section it was about.
        assertThat(changesSince(before)).filteredOn(c -> c.kind() == ChangeKind.SECTION_CHANGED)
                .extracting(ContentChanged::subjectId).contains(sport.id(), kultur.id(), news.id());
    }

    @Test
    void aSectionHoldingArticlesStaysAndBadInputIsRefusedWithTheFormKept() {
        NewsroomBrowser browser = signedIn(admin);
        String page = "/admin/sections/" + EDITION;
        browser.submit(page, page, Map.of("slug", "held", "name", "Gehalten"));
        Section held = section(EDITION, "held");
        long draft = store.create(anArticle().in(held).headline("Ein Entwurf").draft().build());
        List<String> menuBefore = menu(EDITION);
        long before = changeLog.latestSeq();

        HttpResponse<String> inUse = browser.submit(page, page + "/" + held.id() + "/remove", Map.of());
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(inUse.body()).select("[role=alert]").text()).contains("Articles are filed under it");
        assertThat(taxonomy.section(EDITION, held.id())).isPresent();
        assertThat(jdbc.sql("select count(*) from article where id = ?").param(draft).query(Long.class).single())
                .isEqualTo(1);

        String tooLong = "x".repeat(81);
        Map<String, Map<String, String>> bad = Map.of(
                "taken", Map.of("slug", "held", "name", "Noch einmal"),
                "not a slug", Map.of("slug", "Not A Slug", "name", "Falsch"),
                "slug too long", Map.of("slug", "a".repeat(81), "name", "Lang"),
                "empty name", Map.of("slug", unique("leer"), "name", "  "),
                "name too long", Map.of("slug", unique("lang"), "name", tooLong),
                "two lines", Map.of("slug", unique("zeilen"), "name", "eins\nzwei"),
                "reordered", Map.of("slug", unique("umgekehrt"), "name", "Politik \u202Etxt.exe"),
                "noncharacter", Map.of("slug", unique("nicht"), "name", "Politik \uFFFF"),
                "only combining marks", Map.of("slug", "\u0301\u0301", "name", "Zeichen"));
        bad.forEach((why, form) -> {
            HttpResponse<String> refused = browser.submit(page, page, form);
            assertThat(refused.statusCode()).as(why).isEqualTo(422);
            Document kept = Jsoup.parse(refused.body());
            assertThat(kept.select("[role=alert]").text()).as(why).contains("Nothing was saved");
            assertThat(kept.selectFirst("#new-slug").attr("value")).as(why).isEqualTo(form.get("slug"));
            assertThat(kept.selectFirst("#new-name").attr("value")).as(why).isEqualTo(form.get("name"));
        });
        assertThat(Jsoup.parse(browser.submit(page, page, bad.get("only combining marks")).body())
                .select("[role=alert]").text()).contains("only combining marks");
        HttpResponse<String> badRename = browser.submit(page, page + "/" + held.id(), Map.of("name", tooLong));
        assertThat(badRename.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(badRename.body()).selectFirst("#name-" + held.id()).attr("value")).isEqualTo(tooLong);
        assertThat(browser.submit(page, page + "/" + held.id() + "/move", Map.of("direction", "sideways"))
                .statusCode()).isEqualTo(422);
        assertThat(browser.submit(page, page + "/999999999/remove", Map.of()).statusCode()).isEqualTo(404);

        assertThat(menu(EDITION)).isEqualTo(menuBefore);
        assertThat(changesSince(before)).noneMatch(c -> c.kind() == ChangeKind.SECTION_CHANGED);
    }

    @Test
    void topicsAreAddedRenamedAndRemovedWhenUnused() {
        NewsroomBrowser browser = signedIn(editor);
        String page = "/admin/topics/" + EDITION;
        assertThat(browser.submit(page, page, Map.of("slug", "wahlen", "name", "Wahlen")).statusCode())
                .isEqualTo(302);
        assertThat(browser.submit(page, page, Map.of("slug", "klima", "name", "Klima")).statusCode())
                .isEqualTo(302);
        Topic wahlen = taxonomy.topics(EDITION).stream().filter(t -> t.slug().equals("wahlen")).findFirst()
                .orElseThrow();
        Topic klima = taxonomy.topics(EDITION).stream().filter(t -> t.slug().equals("klima")).findFirst()
                .orElseThrow();
        assertThat(browser.submit(page, page + "/" + wahlen.id(), Map.of("name", "Wahlen 2027")).statusCode())
                .isEqualTo(302);
        assertThat(taxonomy.topic(EDITION, wahlen.id()).orElseThrow().name()).isEqualTo("Wahlen 2027");
        assertThat(taxonomy.topic(EDITION, wahlen.id()).orElseThrow().slug()).isEqualTo("wahlen");

        // Tagged on a story: it stays.
        browser.submit("/admin/sections/" + EDITION, "/admin/sections/" + EDITION,
                Map.of("slug", "themen", "name", "Themen"));
        store.create(anArticle().in(section(EDITION, "themen")).withTopic(klima).headline("Klima").draft().build());
        HttpResponse<String> inUse = browser.submit(page, page + "/" + klima.id() + "/remove", Map.of());
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(taxonomy.topic(EDITION, klima.id())).isPresent();
        assertThat(browser.submit(page, page, Map.of("slug", "klima", "name", "Doppelt")).statusCode())
                .isEqualTo(422);

        assertThat(browser.submit(page, page + "/" + wahlen.id() + "/remove", Map.of()).statusCode()).isEqualTo(302);
        assertThat(taxonomy.topic(EDITION, wahlen.id())).isEmpty();
        assertThat(audited("topic.created", wahlen.id())).isEqualTo(1);
        assertThat(audited("topic.renamed", wahlen.id())).isEqualTo(1);
        assertThat(audited("topic.removed", wahlen.id())).isEqualTo(1);
    }

    @Test
    void peopleAreAddedAndEditedByEditorsOfAnyEdition() {
        NewsroomBrowser browser = signedIn(otherEditor);
        String name = unique("Lin Wen");
        assertThat(browser.submit("/admin/people", "/admin/people", Map.of("name", name, "latinName", "Lin Wen",
                "description", "Korrespondentin")).statusCode()).isEqualTo(302);
        long id = taxonomy.people().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().id();
        assertThat(browser.page("/admin/people").select("a[href='/admin/people/" + id + "']").text()).isEqualTo(name);

        String edit = "/admin/people/" + id;
        assertThat(browser.page(edit).selectFirst("#latinName").attr("value")).isEqualTo("Lin Wen");
        assertThat(browser.submit(edit, edit, Map.of("name", name + " Jr", "latinName", "",
                "description", "Reporterin")).statusCode()).isEqualTo(302);
        assertThat(taxonomy.person(id).orElseThrow()).satisfies(p -> {
            assertThat(p.name()).isEqualTo(name + " Jr");
            assertThat(p.latinName()).isNull();
            assertThat(p.description()).isEqualTo("Reporterin");
        });

        Map<String, Map<String, String>> bad = Map.of(
                "empty name", Map.of("name", " ", "latinName", "", "description", ""),
                "name too long", Map.of("name", "n".repeat(201), "latinName", "", "description", ""),
                "latin name too long", Map.of("name", "Kurz", "latinName", "l".repeat(201), "description", ""),
                "description too long", Map.of("name", "Kurz", "latinName", "", "description", "d".repeat(301)));
        int people = taxonomy.people().size();
        bad.forEach((why, form) -> {
            HttpResponse<String> refused = browser.submit("/admin/people", "/admin/people", form);
            assertThat(refused.statusCode()).as(why).isEqualTo(422);
            assertThat(Jsoup.parse(refused.body()).selectFirst("#name").attr("value")).as(why)
                    .isEqualTo(form.get("name"));
        });
        assertThat(browser.submit(edit, edit, bad.get("empty name")).statusCode()).isEqualTo(422);
        assertThat(taxonomy.person(id).orElseThrow().name()).isEqualTo(name + " Jr");
        assertThat(taxonomy.people()).hasSize(people);
        assertThat(audited("person.created", id)).isEqualTo(1);
        assertThat(audited("person.changed", id)).isEqualTo(1);
    }

    @Test
    void onlyAdminsAndTheEditionsEditorsMayChangeItsSectionsAndTopics() {
        String page = "/admin/sections/" + EDITION;
        NewsroomBrowser writer = signedIn(contributor);
        assertThat(writer.get(page).statusCode()).isEqualTo(403);
        assertThat(writer.get("/admin/topics/" + EDITION).statusCode()).isEqualTo(403);
        assertThat(writer.get("/admin/people").statusCode()).isEqualTo(403);
        assertThat(writer.get("/admin/sections").statusCode()).isEqualTo(403);
        String token = writer.csrf("/admin/");
        assertThat(writer.post(page, Map.of("_csrf", token, "slug", "verboten", "name", "Verboten")).statusCode())
                .isEqualTo(403);
        assertThat(writer.post("/admin/people", Map.of("_csrf", token, "name", "Verboten")).statusCode())
                .isEqualTo(403);

        NewsroomBrowser outsider = signedIn(otherEditor);
        assertThat(outsider.get(page).statusCode()).isEqualTo(403);
        assertThat(outsider.get("/admin/sections").headers().firstValue("Location").orElseThrow())
                .endsWith("/admin/sections/en");
        assertThat(outsider.post(page, Map.of("_csrf", outsider.csrf("/admin/"), "slug", "fremd", "name", "Fremd"))
                .statusCode()).isEqualTo(403);
        assertThat(taxonomy.sections(EDITION)).noneMatch(s -> s.slug().equals("verboten") || s.slug().equals("fremd"));

        NewsroomBrowser own = signedIn(editor);
        assertThat(own.page("/admin/").select("nav a[href='/admin/sections']")).hasSize(1);
        assertThat(own.submit(page, page, Map.of("slug", "eigen", "name", "Eigen")).statusCode()).isEqualTo(302);
        assertThat(signedIn(admin).submit(page, page, Map.of("slug", "admin", "name", "Admin")).statusCode())
                .isEqualTo(302);
        assertThat(writer.page("/admin/").select("nav a[href='/admin/sections']")).isEmpty();
    }

    @Test
    void aFormWithoutTheCsrfTokenOrFromAnotherSiteIsRefused() {
        NewsroomBrowser browser = signedIn(admin);
        String page = "/admin/sections/" + EDITION;
        assertThat(browser.post(page, Map.of("slug", "ohne-token", "name", "Ohne")).statusCode()).isEqualTo(403);
        assertThat(browser.post("/admin/people", Map.of("name", "Ohne Token")).statusCode()).isEqualTo(403);

        String form = "_csrf=" + browser.csrf(page) + "&slug=gefaelscht&name=Gefaelscht";
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(uri(page))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(taxonomy.sections(EDITION)).noneMatch(s -> s.slug().equals("ohne-token")
                || s.slug().equals("gefaelscht"));
        assertThat(taxonomy.people()).noneMatch(p -> p.name().equals("Ohne Token"));
    }

    @Test
    void theArticleListFiltersBySectionAndAuthor() {
        NewsroomBrowser browser = signedIn(admin);
        String page = "/admin/sections/" + EDITION;
        browser.submit(page, page, Map.of("slug", "liste-a", "name", "Liste A"));
        browser.submit(page, page, Map.of("slug", "liste-b", "name", "Liste B"));
        Section a = section(EDITION, "liste-a");
        Section b = section(EDITION, "liste-b");
        long author = taxonomy.ensurePerson(unique("tax-author"), "Maria Liste", null, null);
        long inA = store.create(anArticle().in(a).headline("Artikel in A").draft().build());
        jdbc.sql("insert into article_author (article_id, person_id, position) values (?, ?, 0)")
                .params(inA, author).update();
        store.create(anArticle().in(b).headline("Artikel in B").draft().build());

        Document all = browser.page("/admin/articles?edition=" + EDITION);
        assertThat(all.select("#f-section option").eachText()).contains("Liste A", "Liste B");
        assertThat(all.select("#f-author option").eachText()).contains("Maria Liste");

        Document onlyA = browser.page("/admin/articles?edition=" + EDITION + "&section=" + a.id() + "&q=Artikel");
        assertThat(onlyA.select("tbody td a").eachText()).contains("Artikel in A").doesNotContain("Artikel in B");
        // The other filters stay chosen.
        assertThat(onlyA.selectFirst("#f-section option[selected]").text()).isEqualTo("Liste A");
        assertThat(onlyA.selectFirst("#f-edition option[selected]").attr("value")).isEqualTo(EDITION);
        assertThat(onlyA.selectFirst("#f-q").attr("value")).isEqualTo("Artikel");

        Document byAuthor = browser.page("/admin/articles?edition=" + EDITION + "&author=" + author);
        assertThat(byAuthor.select("tbody td a").eachText()).containsExactly("Artikel in A");
        assertThat(byAuthor.selectFirst("#f-author option[selected]").text()).isEqualTo("Maria Liste");

        // A section of another edition is no filter at all.
        long foreign = taxonomy.sections("en").getFirst().id();
        assertThat(browser.page("/admin/articles?edition=" + EDITION + "&section=" + foreign)
                .select("tbody td a").eachText()).contains("Artikel in A", "Artikel in B");
    }

    // ---- the public pages follow, page cache on ----

    private HttpResponse<String> hit(String path) {
        var last = new AtomicReference<HttpResponse<String>>();
        Await.until(() -> {
            last.set(get(path));
            return "hit".equals(last.get().headers().firstValue("X-Cache").orElse(""));
        }, path + " served from the page cache");
        return last.get();
    }

    @Test
    void aRenamedSectionOrPersonShowsOnEveryCachedPageAtOnce() {
        NewsroomBrowser browser = signedIn(admin);
        String slug = unique("cached-menu");
        String page = "/admin/sections/en";
        assertThat(browser.submit(page, page, Map.of("slug", slug, "name", "Menu before")).statusCode())
                .isEqualTo(302);
        Section section = section("en", slug);
        long author = taxonomy.ensurePerson(unique("tax-byline"), "Byline Before", null, null);
        long story = store.create(anArticle().in(section).headline("Taxonomy cache story")
                .publishedAt(NOW.minusSeconds(60)).build());
        jdbc.sql("insert into article_author (article_id, person_id, position) values (?, ?, 0)")
                .params(story, author).update();
        String storyPath = jdbc.sql("select '/en/' || slug || '/a-' || id from article where id = ?").param(story)
                .query(String.class).single();
        Section otherSection = taxonomy.sections("en").getFirst();
        List<String> pages = List.of("/en/", storyPath, section.path(), otherSection.path());
        pages.forEach(this::hit);

        assertThat(browser.submit(page, page + "/" + section.id(), Map.of("name", "Menu after")).statusCode())
                .isEqualTo(302);
        for (String path : pages) {
            HttpResponse<String> fresh = get(path);
            assertThat(fresh.headers().firstValue("X-Cache").orElse("")).as(path).isEqualTo("miss");
            assertThat(Jsoup.parse(fresh.body()).select("nav#main-menu a").eachText()).as(path)
                    .contains("Menu after").doesNotContain("Menu before");
        }

        hit(storyPath);
        String edit = "/admin/people/" + author;
        assertThat(browser.submit(edit, edit, Map.of("name", "Byline After", "latinName", "", "description", ""))
                .statusCode()).isEqualTo(302);
        HttpResponse<String> bylined = get(storyPath);
        assertThat(bylined.headers().firstValue("X-Cache").orElse("")).isEqualTo("miss");
        assertThat(Jsoup.parse(bylined.body()).select(".byline").text()).contains("Byline After")
                .doesNotContain("Byline Before");
    }

    @Test
    void aNewEditionGetsItsMenuFromTheNewsroomAndTheNavigationLinksThere() {
        NewsroomBrowser browser = signedIn(admin);
        Document home = browser.page("/admin/");
        assertThat(home.select("nav a").eachAttr("href")).contains("/admin/sections", "/admin/topics",
                "/admin/people");
        Map<String, String> form = new HashMap<>(Map.of("slug", "start", "name", "Startseite"));
        String page = "/admin/sections/" + EDITION;
        assertThat(browser.submit(page, page, form).statusCode()).isEqualTo(302);
        assertThat(Jsoup.parse(get("/" + EDITION + "/").body()).select("nav#main-menu a").eachText())
                .contains("Startseite");
    }
}
