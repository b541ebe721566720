package org.shortwave.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.NewsroomBrowser;
import org.shortwave.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The user pages of the newsroom over real HTTP: admins create users and set their rights per edition, disable
 * them (which signs them out and stops their tokens); everyone manages their own password and API tokens, and
 * nobody else's unless an admin. Refused input changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserManagementIT extends AppTestBase {

    private static final String PASSWORD = "harbour lights at dusk";

    @Autowired
    Accounts accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    TestClock clock;

    private Account admin;
    private Account writer;

    @BeforeAll
    void people() {
        admin = accounts.create(null, AccountsIT.uniqueEmail(), "Admin Chen", PASSWORD, true);
        writer = accounts.create(null, AccountsIT.uniqueEmail(), "Writer Ma", PASSWORD, false);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private NewsroomBrowser signedIn(Account account) {
        NewsroomBrowser browser = new NewsroomBrowser(this::uri, "en");
        assertThat(browser.signIn(account.email(), PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/admin/");
        return browser;
    }

    private int apiStatus(String token) {
        return send(HttpRequest.newBuilder(uri("/api/admin/v1/articles/999999999"))
                .header("Authorization", "Bearer " + token).GET().build()).statusCode();
    }

    @Test
    void anAdminCreatesAUserAndGivesThemRightsInOneEdition() {
        NewsroomBrowser browser = signedIn(admin);
        String email = AccountsIT.uniqueEmail();
        HttpResponse<String> created = browser.submit("/admin/users/new", "/admin/users",
                Map.of("email", email, "name", "Reporter Wu", "password", "the tide comes in twice"));
        assertThat(created.statusCode()).isEqualTo(302);
        String userPage = created.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "")
                .replace("?created", "");
        Account reporter = accounts.findByEmail(email).orElseThrow();
        assertThat(userPage).isEqualTo("/admin/users/" + reporter.id());

        HttpResponse<String> saved = browser.submit(userPage, userPage + "/rights",
                Map.of("role.zh-hans", "editor", "role.en", ""));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(accounts.find(reporter.id()).orElseThrow().roles()).isEqualTo(Map.of("zh-hans", Role.EDITOR));
        Document page = browser.page(userPage);
        assertThat(page.select("#role-zh-hans option[selected]").attr("value")).isEqualTo("editor");
        assertThat(page.select("#role-en option[selected]").attr("value")).isEmpty();
        assertThat(browser.page("/admin/users").text()).contains("Reporter Wu", email);

        // Changing the role writes the audit log; the user can sign in with the first password.
        browser.submit(userPage, userPage + "/rights", Map.of("role.zh-hans", "contributor", "role.en", "editor"));
        assertThat(accounts.find(reporter.id()).orElseThrow().roles())
                .isEqualTo(Map.of("zh-hans", Role.CONTRIBUTOR, "en", Role.EDITOR));
        assertThat(audit.latest(50)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("user.role-granted");
            assertThat(entry.detail()).isEqualTo("en:editor");
            assertThat(entry.actor()).isEqualTo(admin.email());
        });
        assertThat(new NewsroomBrowser(this::uri, "en").signIn(email, "the tide comes in twice").headers()
                .firstValue("Location").orElseThrow()).endsWith("/admin/");
    }

    @Test
    void refusedInputSaysWhyAndStoresNothing() {
        NewsroomBrowser browser = signedIn(admin);
        String email = AccountsIT.uniqueEmail();
        HttpResponse<String> longName = browser.submit("/admin/users/new", "/admin/users",
                Map.of("email", email, "name", "名".repeat(201), "password", "the tide comes in twice"));
        assertThat(longName.statusCode()).isEqualTo(422);
        assertThat(longName.body()).contains("Please give a name of at most 200 characters.");
        HttpResponse<String> commonPassword = browser.submit("/admin/users/new", "/admin/users",
                Map.of("email", email, "name", "Reporter", "password", "password123"));
        assertThat(commonPassword.statusCode()).isEqualTo(422);
        assertThat(accounts.findByEmail(email)).isEmpty();

        String writerPage = "/admin/users/" + writer.id();
        HttpResponse<String> badRole = browser.submit(writerPage, writerPage + "/rights",
                Map.of("role.zh-hans", "owner"));
        assertThat(badRole.statusCode()).isEqualTo(422);
        assertThat(accounts.find(writer.id()).orElseThrow().roles()).isEmpty();

        // Admins cannot lock themselves out: no self-disabling, no self-demotion.
        String ownPage = "/admin/users/" + admin.id();
        assertThat(browser.submit(ownPage, ownPage + "/disable", Map.of()).statusCode()).isEqualTo(422);
        assertThat(browser.submit(ownPage, ownPage + "/rights", Map.of()).statusCode()).isEqualTo(422);
        Account stillAdmin = accounts.find(admin.id()).orElseThrow();
        assertThat(stillAdmin.admin()).isTrue();
        assertThat(stillAdmin.enabled()).isTrue();

        // A form posted without its CSRF token is refused before anything happens.
        HttpResponse<String> forged = browser.post("/admin/users", Map.of("email", email, "name", "Forged",
                "password", "the tide comes in twice"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    @Test
    void onlyAdminsManageOtherPeople() {
        NewsroomBrowser browser = signedIn(writer);
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(browser.get("/admin/users/new").statusCode()).isEqualTo(403);
        assertThat(browser.get("/admin/users/" + admin.id()).statusCode()).isEqualTo(403);
        String ownPage = "/admin/users/" + writer.id();
        HttpResponse<String> own = browser.get(ownPage);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).doesNotContain("/rights").doesNotContain("/disable");

        // Forms posted with a valid token of the writer's own session are refused all the same.
        assertThat(browser.submit(ownPage, ownPage + "/rights", Map.of("admin", "on", "role.zh-hans", "editor"))
                .statusCode()).isEqualTo(403);
        assertThat(browser.submit(ownPage, "/admin/users/" + admin.id() + "/disable", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(browser.submit(ownPage, "/admin/users", Map.of("email", AccountsIT.uniqueEmail(), "name", "X",
                "password", "the tide comes in twice")).statusCode()).isEqualTo(403);
        assertThat(browser.submit(ownPage, "/admin/users/" + admin.id() + "/tokens", Map.of("name", "mine"))
                .statusCode()).isEqualTo(403);
        Account unchanged = accounts.find(writer.id()).orElseThrow();
        assertThat(unchanged.admin()).isFalse();
        assertThat(unchanged.roles()).isEmpty();
        assertThat(accounts.find(admin.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void usersChangeTheirOwnPasswordOnlyWithTheCurrentOne() {
        Account user = accounts.create(null, AccountsIT.uniqueEmail(), "Subeditor He", PASSWORD, false);
        NewsroomBrowser browser = signedIn(user);
        NewsroomBrowser elsewhere = signedIn(user); // the same person on another device
        String ownPage = "/admin/users/" + user.id();
        HttpResponse<String> wrong = browser.submit(ownPage, ownPage + "/password",
                Map.of("current", "not my password", "password", "a new tide at noon"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("The current password is not right.");
        assertThat(elsewhere.get("/admin/").statusCode()).isEqualTo(200);
        String before = browser.session();
        assertThat(browser.submit(ownPage, ownPage + "/password",
                Map.of("current", PASSWORD, "password", "a new tide at noon")).statusCode()).isEqualTo(200);
        // The session it was changed in goes on (with a new id); every other session of the account ends.
        assertThat(browser.get("/admin/").statusCode()).isEqualTo(200);
        assertThat(browser.session()).isNotEqualTo(before);
        HttpResponse<String> ended = elsewhere.get("/admin/");
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location").orElseThrow()).contains("/admin/login");
        assertThat(new NewsroomBrowser(this::uri, "en").signIn(user.email(), PASSWORD).headers().firstValue("Location")
                .orElseThrow()).contains("error");
        assertThat(new NewsroomBrowser(this::uri, "en").signIn(user.email(), "a new tide at noon").headers()
                .firstValue("Location").orElseThrow()).endsWith("/admin/");
    }

    @Test
    void aPasswordSetByAnAdminEndsTheUsersSessions() {
        Account user = accounts.create(null, AccountsIT.uniqueEmail(), "Night Desk", PASSWORD, false);
        NewsroomBrowser theirs = signedIn(user);
        assertThat(theirs.get("/admin/").statusCode()).isEqualTo(200);
        Account admin = accounts.create(null, AccountsIT.uniqueEmail(), "Admin Qian", PASSWORD, true);
        NewsroomBrowser adminBrowser = signedIn(admin);
        String page = "/admin/users/" + user.id();
        assertThat(adminBrowser.submit(page, page + "/password", Map.of("password", "set by the admin desk"))
                .statusCode()).isEqualTo(200);
        assertThat(theirs.get("/admin/").statusCode()).isEqualTo(302);
        assertThat(adminBrowser.get("/admin/").statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenIsShownOnceWorksUntilRevokedAndNeverAfterItExpires() {
        Account user = accounts.create(null, AccountsIT.uniqueEmail(), "Data Desk", PASSWORD, false);
        NewsroomBrowser browser = signedIn(user);
        String ownPage = "/admin/users/" + user.id();
        Document made = org.jsoup.Jsoup.parse(browser.submit(ownPage, ownPage + "/tokens",
                Map.of("name", "wire import", "days", "30")).body());
        String token = made.select("#new-token").attr("value");
        assertThat(token).startsWith("swt_");
        assertThat(apiStatus(token)).isEqualTo(404); // signed in: the article does not exist

        Document later = browser.page(ownPage);
        assertThat(later.select("#new-token")).isEmpty();
        assertThat(later.html()).doesNotContain(token).contains("wire import");

        // Thirty days on, the token no longer works, and the page says it expired.
        clock.advance(Duration.ofDays(31));
        assertThat(apiStatus(token)).isEqualTo(401);
        assertThat(browser.page(ownPage).text()).contains("expired");
        clock.reset();

        String second = org.jsoup.Jsoup.parse(browser.submit(ownPage, ownPage + "/tokens",
                Map.of("name", "newsletter", "days", "0")).body()).select("#new-token").attr("value");
        assertThat(apiStatus(second)).isEqualTo(404);
        String revokeAction = browser.page(ownPage).select("form[action$=/revoke]").first().attr("action");
        assertThat(browser.submit(ownPage, revokeAction, Map.of()).statusCode()).isEqualTo(200);
        assertThat(apiStatus(second)).isEqualTo(401);

        HttpResponse<String> oddValidity = browser.submit(ownPage, ownPage + "/tokens",
                Map.of("name", "forever and a day", "days", "7"));
        assertThat(oddValidity.statusCode()).isEqualTo(422);
    }

    @Test
    void disablingAUserSignsThemOutAndStopsTheirTokens() {
        Account leaving = accounts.create(null, AccountsIT.uniqueEmail(), "Leaving Soon", PASSWORD, false);
        NewsroomBrowser theirs = signedIn(leaving);
        String ownPage = "/admin/users/" + leaving.id();
        String token = org.jsoup.Jsoup.parse(theirs.submit(ownPage, ownPage + "/tokens",
                Map.of("name", "script", "days", "90")).body()).select("#new-token").attr("value");
        assertThat(apiStatus(token)).isEqualTo(404);

        NewsroomBrowser adminBrowser = signedIn(admin);
        assertThat(adminBrowser.submit(ownPage, ownPage + "/disable", Map.of()).statusCode()).isEqualTo(302);
        assertThat(theirs.get("/admin/").statusCode()).isEqualTo(302);
        assertThat(apiStatus(token)).isEqualTo(401);
        assertThat(new NewsroomBrowser(this::uri, "en").signIn(leaving.email(), PASSWORD).headers().firstValue("Location")
                .orElseThrow()).contains("error");

        assertThat(adminBrowser.submit(ownPage, ownPage + "/enable", Map.of()).statusCode()).isEqualTo(302);
        assertThat(apiStatus(token)).isEqualTo(404);
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefusedEvenWithAValidToken() {
        NewsroomBrowser browser = signedIn(admin);
        String email = AccountsIT.uniqueEmail();
        String token = browser.csrf("/admin/users/new");
        String form = "_csrf=" + token + "&email=" + email + "&name=Forged&password=the+tide+comes+in+twice";
        for (String origin : new String[] {"https://evil.example", "null", "http://localhost:1"}) {
            HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(uri("/admin/users"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            assertThat(forged.statusCode()).as(origin).isEqualTo(403);
        }
        assertThat(accounts.findByEmail(email)).isEmpty();

        // The same request from our own page goes through.
        HttpResponse<String> own = browser.send(HttpRequest.newBuilder(uri("/admin/users"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://localhost:" + port)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(own.statusCode()).isEqualTo(302);
        assertThat(accounts.findByEmail(email)).isPresent();
    }
}
