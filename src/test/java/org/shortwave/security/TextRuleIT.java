package org.shortwave.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.NewsroomBrowser;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.ApiTokens;
import org.shortwave.accounts.InvalidAccountException;
import org.shortwave.accounts.Role;
import org.shortwave.content.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The text rule ({@code platform.TextRule}) where people write: every text field of an article through the admin API
 * (422 naming the field as a path, nothing stored), wrong JSON types, users and tokens; and the current-password
 * check, throttled like sign-in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextRuleIT extends AppTestBase {

    private static final String PASSWORD = "a quiet rule for every text";

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Taxonomy taxonomy;

    private Account editor;
    private String token;
    private long section;

    @BeforeAll
    void editor() {
        editor = accounts.create(null, "rule-" + UUID.randomUUID() + "@example.org", "Rule", PASSWORD, false);
        accounts.grant(null, editor.id(), "zh-hans", Role.EDITOR);
        token = tokens.create(accounts.find(editor.id()).orElseThrow(), "rule");
        section = taxonomy.sections("zh-hans").getFirst().id();
    }

    @Test
    void everyTextFieldOfAnArticleFollowsTheRuleAndTheRefusalNamesIt() {
        long before = articles();
        Map<String, String> refused = Map.of(
                "headline", article("安全\\u2067更新", "[{\"type\":\"paragraph\",\"text\":\"正文\"}]"),
                "lead", article("标题", "[{\"type\":\"paragraph\",\"text\":\"正文\"}]")
                        .replace("\"导语\"", "\"\\u200b\\u200b\""),
                "body[0].text", article("标题", "[{\"type\":\"paragraph\",\"text\":\"正\\u202e文\"}]"),
                "body[1].items[1]", article("标题", "[{\"type\":\"paragraph\",\"text\":\"正文\"},"
                        + "{\"type\":\"list\",\"items\":[\"一\",\"二\\u202e\"]}]"),
                "body[0].attribution", article("标题", "[{\"type\":\"quote\",\"text\":\"话\","
                        + "\"attribution\":\"某\\udb40\\udc41\"}]"));
        refused.forEach((field, json) -> {
            HttpResponse<String> response = api(json);
            assertThat(response.statusCode()).as(field + ": " + response.body()).isEqualTo(422);
            assertThat(response.body()).as(field).contains("\"field\":\"" + field + "\"")
                    .contains("\"code\":\"text.invalid.");
        });
        HttpResponse<String> empty = api(article("\\u200b\\u200b", "[{\"type\":\"paragraph\",\"text\":\"正文\"}]"));
        assertThat(empty.statusCode()).isIn(400, 422);
        assertThat(empty.body()).contains("\"field\":\"headline\"");
        HttpResponse<String> surrogate = api(article("半\\ud800个", "[{\"type\":\"paragraph\",\"text\":\"正文\"}]"));
        assertThat(surrogate.statusCode()).isEqualTo(422);
        assertThat(surrogate.body()).contains("\"field\":\"headline\"", "\"code\":\"text.invalid.noncharacter\"");
        HttpResponse<String> fraction = api(article("标题", "[{\"type\":\"paragraph\",\"text\":\"正文\"}]")
                .replace("\"section\":" + section, "\"section\":" + section + ".5"));
        assertThat(fraction.statusCode()).as(fraction.body()).isEqualTo(400);
        assertThat(articles()).isEqualTo(before);

        // Persian spelling, emoji sequences and a subdivision flag are writing, not tricks.
        HttpResponse<String> fine = api(article("می\u200Cخواهم 👨\u200D👩\u200D👧 🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65"
                + "\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F", "[{\"type\":\"paragraph\",\"text\":\"正文\"}]"));
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(201);
    }

    /** The newsroom's form shows the text rule's refusal with the field's label, in the user's language. */
    @Test
    void theEditorShowsTheRefusalWithItsFieldInTheUsersLanguage() {
        NewsroomBrowser browser = new NewsroomBrowser(this::uri, "en");
        assertThat(browser.signIn(editor.email(), PASSWORD).statusCode()).isEqualTo(302);
        long before = articles();
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("version", "0", "edition", "zh-hans",
                "headline", "安全\u2067更新", "lead", "导语。", "section", String.valueOf(section), "copyright", "短波",
                "blocks.0.type", "paragraph", "blocks.0.text", "正文。", "op", "save"));
        HttpResponse<String> headline = browser.submit("/admin/articles/new?edition=zh-hans", "/admin/articles/new",
                form);
        assertThat(headline.statusCode()).isEqualTo(422);
        assertThat(headline.body()).contains("Headline: This text holds a character that reorders the text around it"
                + " (U+2067)");
        form.put("headline", "安全更新");
        form.put("blocks.0.text", "正\u200b文");
        HttpResponse<String> block = browser.submit("/admin/articles/new?edition=zh-hans", "/admin/articles/new",
                form);
        assertThat(block.statusCode()).isEqualTo(422);
        assertThat(block.body()).contains("Text: This text holds a control or hidden character (U+200B)");
        form.put("blocks.0.text", "正文。");
        form.put("slug", "\u0301\u0301");
        HttpResponse<String> slug = browser.submit("/admin/articles/new?edition=zh-hans", "/admin/articles/new",
                form);
        assertThat(slug.statusCode()).isEqualTo(422);
        assertThat(slug.body()).contains("only combining marks");
        assertThat(articles()).isEqualTo(before);
    }

    /** A slug of combining marks alone is refused with its own message, naming the field. */
    @Test
    void aSlugOfOnlyCombiningMarksIsRefusedWithItsOwnMessage() {
        HttpResponse<String> marks = api(article("标题", "[{\"type\":\"paragraph\",\"text\":\"正文\"}]")
                .replace("\"dateline\":\"\"", "\"dateline\":\"\",\"slug\":\"\\u0301\\u0301\""));
        assertThat(marks.statusCode()).as(marks.body()).isEqualTo(422);
        assertThat(marks.body()).contains("\"field\":\"slug\"", "\"code\":\"slug.invalid.marks-only\"");
    }

    /** The body parser's refusals are the API's JSON: a code, a message in the caller's language, a field path. */
    @Test
    void theBodyParsersRefusalsAreLocalizedAndNameTheField() {
        long before = articles();
        Map<String, String[]> refused = Map.of(
                "[{\"type\":\"paragraph\",\"text\":\"正文\"},{\"type\":\"carousel\"}]",
                new String[] {"body[1]", "body.invalid.unknown-type", "unknown block type 'carousel'"},
                "[{\"type\":\"heading\",\"text\":\"小\",\"level\":5}]",
                new String[] {"body[0].level", "body.invalid.heading-level", "level must be 2 or 3"},
                "[{\"type\":\"list\",\"items\":[\"一\",7]}]",
                new String[] {"body[0].items[1]", "body.invalid.not-text", "must be text"},
                "[{\"type\":\"quote\",\"text\":\"话\",\"attribution\":\"\\u202e某\"}]",
                new String[] {"body[0].attribution", "text.invalid.reordering", "U+202E"},
                "[{\"type\":\"image\",\"media\":1.5}]",
                new String[] {"body[0].media", "body.invalid.media-id", "id of a media item"});
        refused.forEach((body, expected) -> {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/admin/v1/articles"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(article("标题", body)))
                    .build());
            assertThat(response.statusCode()).as(body + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).as(body).contains("\"field\":\"" + expected[0] + "\"",
                    "\"code\":\"" + expected[1] + "\"", expected[2]);
        });
        assertThat(articles()).isEqualTo(before);
    }

    @Test
    void namesOfUsersAndTokensFollowTheRule() {
        for (String name : new String[] {"Eve\u0000", "Eve\u202E", "\u200B\u200B"}) {
            assertThatThrownBy(() -> accounts.create(null, "n-" + UUID.randomUUID() + "@example.org", name, PASSWORD,
                    false)).as(name).isInstanceOf(InvalidAccountException.class);
            assertThatThrownBy(() -> tokens.create(editor, name)).as(name)
                    .isInstanceOf(InvalidAccountException.class);
        }
        assertThatThrownBy(() -> accounts.create(null, "eve\u202E@example.org", "Eve", PASSWORD, false))
                .isInstanceOf(InvalidAccountException.class);
    }

    @Test
    void theCurrentPasswordCheckIsThrottledLikeSignIn() {
        String email = "throttle-" + UUID.randomUUID() + "@example.org";
        Account account = accounts.create(null, email, "Throttle", PASSWORD, false);
        NewsroomBrowser browser = new NewsroomBrowser(this::uri, "en");
        assertThat(browser.signIn(email, PASSWORD).statusCode()).isEqualTo(302);
        String page = "/admin/users/" + account.id();
        int wrong = 0;
        HttpResponse<String> answer;
        do {
            answer = browser.submit(page, page + "/password", Map.of("current", "not it " + wrong,
                    "password", "a new tide at noon"));
            wrong++;
        } while (!answer.body().contains("Too many wrong passwords") && wrong < 10);
        assertThat(wrong).as("attempts until throttled").isEqualTo(Accounts.PASSWORD_FAILURES + 1);
        // Even the right password is not checked now, and sign-in is throttled for this email too.
        HttpResponse<String> right = browser.submit(page, page + "/password", Map.of("current", PASSWORD,
                "password", "a new tide at noon"));
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.body()).contains("Too many wrong passwords");
        assertThat(new NewsroomBrowser(this::uri).signIn(email, PASSWORD).statusCode()).isEqualTo(429);
    }

    private HttpResponse<String> api(String body) {
        return send(HttpRequest.newBuilder(uri("/api/admin/v1/articles")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String article(String headline, String body) {
        return """
                {"edition":"zh-hans","section":%d,"headline":"%s","lead":"导语","dateline":"",
                 "copyright":"短波","body":%s}""".formatted(section, headline, body);
    }

    private long articles() {
        return jdbc.sql("select count(*) from article where derived_from is null").query(Long.class).single();
    }
}
