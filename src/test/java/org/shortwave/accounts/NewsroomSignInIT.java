package org.shortwave.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.shortwave.NewsroomBrowser;
import org.springframework.beans.factory.annotation.Autowired;

/** Signing in to the newsroom over real HTTP: CSRF, session rotation, sign-out, disabling, throttling. */
class NewsroomSignInIT extends AppTestBase {

    private static final String PASSWORD = "harbour lights at dusk";

    @Autowired
    Accounts accounts;

    class Browser extends NewsroomBrowser {
        Browser() {
            super(NewsroomSignInIT.this::uri);
        }
    }

    private Account newUser() {
        return accounts.create(null, AccountsIT.uniqueEmail(), "Lin Xiaoyu", PASSWORD, false);
    }

    @Test
    void theNewsroomAsksForASignInAndIsNeverCached() {
        Browser browser = new Browser();
        HttpResponse<String> home = browser.get("/admin/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login");

        HttpResponse<String> login = browser.get("/admin/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(Jsoup.parse(login.body()).select("input[name=_csrf]").attr("value")).isNotBlank();
    }

    @Test
    void signingInRotatesTheSessionAndSigningOutEndsIt() {
        Account user = newUser();
        Browser browser = new Browser();
        browser.get("/admin/login");
        String before = browser.session();

        HttpResponse<String> signedIn = browser.signIn(user.email(), PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin/");
        assertThat(browser.session()).isNotNull().isNotEqualTo(before);
        assertThat(browser.get("/admin/").body()).contains("Lin Xiaoyu");

        // Signing out is a POST with the CSRF token; without it nothing happens.
        assertThat(browser.post("/admin/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.get("/admin/").statusCode()).isEqualTo(200);
        String token = Jsoup.parse(browser.get("/admin/").body()).selectFirst("input[name=_csrf]").attr("value");
        HttpResponse<String> out = browser.post("/admin/logout", Map.of("_csrf", token));
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?signed-out");
        assertThat(browser.get("/admin/").statusCode()).isEqualTo(302);
    }

    @Test
    void aSignInWithoutTheCsrfTokenIsRefused() {
        Account user = newUser();
        Browser browser = new Browser();
        browser.get("/admin/login");
        HttpResponse<String> response = browser.post("/admin/login", Map.of("email", user.email(), "password", PASSWORD));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.get("/admin/").statusCode()).isEqualTo(302);
    }

    @Test
    void disablingAUserEndsTheirSession() {
        Account user = newUser();
        Browser browser = new Browser();
        browser.signIn(user.email(), PASSWORD);
        assertThat(browser.get("/admin/").statusCode()).isEqualTo(200);

        accounts.disable(null, user.id());

        HttpResponse<String> after = browser.get("/admin/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/admin/login");
        assertThat(browser.signIn(user.email(), PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/admin/login?error");
    }

    @Test
    void theSixthFailureAnswers429AlikeForUnknownUsersAndWrongPasswords() {
        Account user = newUser();
        Map<String, HttpResponse<String>> sixth = new LinkedHashMap<>();
        for (String email : new String[] {user.email(), AccountsIT.uniqueEmail()}) {
            Browser browser = new Browser();
            for (int attempt = 1; attempt <= 5; attempt++) {
                HttpResponse<String> failure = browser.signIn(email, "wrong password " + attempt);
                assertThat(failure.statusCode()).as("attempt %d", attempt).isEqualTo(302);
                assertThat(failure.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?error");
            }
            sixth.put(email, browser.signIn(email, email.equals(user.email()) ? PASSWORD : "wrong password 6"));
        }
        for (HttpResponse<String> response : sixth.values()) {
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        }
        var bodies = sixth.values().stream()
                .map(r -> Jsoup.parse(r.body()).selectFirst("main").text()).distinct().toList();
        assertThat(bodies).hasSize(1);
    }

    @Test
    void behindAProxyFailuresCountPerClientAddressNotPerProxy() {
        // Varnish on loopback forwards two clients: the first guesses 20 emails and is stopped; the second is not.
        String guesser = "203.0.113.9";
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(signInVia(guesser, AccountsIT.uniqueEmail()).statusCode()).as("attempt %d", attempt)
                    .isEqualTo(302);
        }
        assertThat(signInVia(guesser, AccountsIT.uniqueEmail()).statusCode()).isEqualTo(429);
        assertThat(signInVia("203.0.113.10", AccountsIT.uniqueEmail()).statusCode()).isEqualTo(302);
    }

    private HttpResponse<String> signInVia(String client, String email) {
        Browser browser = new Browser();
        String token = browser.csrf("/admin/login");
        return browser.send(HttpRequest.newBuilder(uri("/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                        + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=wrong+guess"))
                .build());
    }

    @Test
    void publicPagesSetNoCookieAndKeepTheirCaching() {
        HttpResponse<String> page = get("/zh-hans/");
        assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).startsWith("public, max-age="));
    }
}
