package org.shortwave.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.content.ChangeKind;
import org.shortwave.content.ChangeLog;
import org.shortwave.i18n.Editions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /admin/editions} over real HTTP: an admin adds and edits an edition with no code change (it reaches the
 * public site at once, and every node through the change log); bad input is refused with nothing stored; only
 * admins may, and only with the CSRF token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditionAdminIT extends AppTestBase {

    private static final String PASSWORD = "harbour lights";

    @Autowired
    Accounts accounts;
    @Autowired
    Editions editions;
    @Autowired
    ChangeLog changeLog;

    Account admin;
    Account editor;

    @BeforeAll
    void people() {
        admin = accounts.create(null, "ed-" + UUID.randomUUID() + "@example.org", "Admin", PASSWORD, true);
        editor = accounts.create(null, "ed-" + UUID.randomUUID() + "@example.org", "Editor", PASSWORD, false);
        accounts.grant(null, editor.id(), "zh-hans", Role.EDITOR);
    }

    /** The test's edition leaves the shared database as it found it, for the tests that list every edition. */
    @AfterAll
    void removeTestEdition() {
        jdbc.sql("delete from edition where code in ('ru', 'uk', 'it', 'xx')").update();
        editions.reload();
    }

    /** A signed-in browser: its own cookies, no automatic redirects. */
    class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Browser(Account account) {
            post("/admin/login", Map.of("_csrf", csrf("/admin/login"), "email", account.email(), "password", PASSWORD));
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en").GET().build());
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        String csrf(String path) {
            return Jsoup.parse(get(path).body()).selectFirst("input[name=_csrf]").attr("value");
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Map<String, String> russian(Browser browser) {
        Map<String, String> form = new HashMap<>(Map.of("_csrf", browser.csrf("/admin/editions"), "code", "ru",
                "locale", "ru-RU", "name", "Русский", "siteName", "Коротковолновик", "direction", "ltr",
                "timeZone", "Europe/Moscow", "copyrightHolder", "Shortwave", "calendar", "gregorian",
                "position", "5"));
        form.put("derivedFrom", "");
        return form;
    }

    @Test
    void anAdminAddsAnEditionThatTheSiteServesAtOnce() {
        Browser browser = new Browser(admin);
        long before = changeLog.latestSeq();
        assertThat(editions.find("ru")).isEmpty();

        HttpResponse<String> saved = browser.post("/admin/editions", russian(browser));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/admin/editions?saved");

        assertThat(editions.find("ru")).hasValueSatisfying(e -> {
            assertThat(e.siteName()).isEqualTo("Коротковолновик");
            assertThat(e.languageTag()).isEqualTo("ru-RU");
        });
        // Other nodes learn of it from the change log.
        assertThat(changeLog.since(before, 100)).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.EDITION_CHANGED);
            assertThat(c.editionCode()).isEqualTo("ru");
        });
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'edition.created' and target_id = 'ru'")
                .query(Long.class).single()).isEqualTo(1);

        Document home = Jsoup.parse(get("/ru/").body());
        assertThat(home.selectFirst("html").attr("lang")).isEqualTo("ru-RU");
        assertThat(home.select(".skip-links a").first().text()).isEqualTo("Перейти к основному тексту");
        assertThat(Jsoup.parse(get("/en/").body()).select("nav#editions a[hreflang=ru-RU]").text()).isEqualTo("Русский");

        // Edited: the new name shows at once; the code cannot change.
        Map<String, String> changed = russian(browser);
        changed.put("siteName", "Shortwave по-русски");
        changed.put("code", "xx");
        assertThat(browser.post("/admin/editions/ru", changed).statusCode()).isEqualTo(302);
        assertThat(editions.find("ru").orElseThrow().siteName()).isEqualTo("Shortwave по-русски");
        assertThat(editions.find("xx")).isEmpty();
        assertThat(Jsoup.parse(get("/ru/").body()).select(".brand a").text()).isEqualTo("Shortwave по-русски");
    }

    @Test
    void badInputIsRefusedWithTheFieldNamedAndNothingStored() {
        Browser browser = new Browser(admin);
        Map<String, Map.Entry<String, String>> bad = Map.of(
                "admin.editions.invalid.code", Map.entry("code", "Not A Code"),
                "admin.editions.invalid.code-taken", Map.entry("code", "en"),
                "admin.editions.invalid.locale", Map.entry("locale", "ja-JP"),
                "admin.editions.invalid.time-zone", Map.entry("timeZone", "Mars/Olympus"),
                "admin.editions.invalid.calendar", Map.entry("calendar", "klingon"),
                "admin.editions.invalid.direction", Map.entry("direction", "up"),
                "admin.editions.invalid.derived", Map.entry("derivedFrom", "en"),
                "admin.editions.invalid.position", Map.entry("position", "-3"),
                "admin.editions.invalid.text", Map.entry("name", ""));
        long before = changeLog.latestSeq();
        bad.forEach((message, field) -> {
            Map<String, String> form = russian(browser);
            form.put("code", "uk");
            form.put(field.getKey(), field.getValue());
            HttpResponse<String> refused = browser.post("/admin/editions", form);
            assertThat(refused.statusCode()).as(message).isEqualTo(422);
            assertThat(Jsoup.parse(refused.body()).select("[role=alert]").text()).as(message).isNotBlank();
        });
        assertThat(editions.find("uk")).isEmpty();
        assertThat(changeLog.since(before, 100)).noneMatch(c -> c.kind() == ChangeKind.EDITION_CHANGED);
    }

    @Test
    void onlyAdminsMayAndOnlyWithTheCsrfToken() {
        Browser editorBrowser = new Browser(editor);
        assertThat(editorBrowser.get("/admin/editions").statusCode()).isEqualTo(403);
        Map<String, String> form = new HashMap<>(Map.of("_csrf", editorBrowser.csrf("/admin/"), "code", "it",
                "locale", "it-IT", "name", "Italiano", "siteName", "Onde corte", "direction", "ltr",
                "timeZone", "Europe/Rome", "copyrightHolder", "Shortwave", "calendar", "gregorian", "position", "6"));
        assertThat(editorBrowser.post("/admin/editions", form).statusCode()).isEqualTo(403);

        Browser adminBrowser = new Browser(admin);
        form.remove("_csrf");
        assertThat(adminBrowser.post("/admin/editions", form).statusCode()).isEqualTo(403);
        assertThat(editions.find("it")).isEmpty();
    }
}
