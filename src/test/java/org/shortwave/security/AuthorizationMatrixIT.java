package org.shortwave.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.Multipart;
import org.shortwave.NewsroomBrowser;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.ApiTokens;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.NewsroomArticles;
import org.shortwave.content.Taxonomy;
import org.shortwave.media.TestFiles;
import org.shortwave.editorial.EditorialWorkflow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may change what, cell by cell. Every state-changing route of the newsroom, the admin API and the public
 * site, read from Spring's own route table, is tried by every kind of caller against fresh data, and each answer
 * must be the one {@link #POLICY} gives. A route that is not in the table fails this test: a route added later
 * cannot escape it. Refused cells must also change nothing (the article's version stays).
 *
 * <p>Callers reach newsroom pages with a session (and its CSRF token), the admin API with their API token. The
 * token callers (revoked, expired) have no session, so on newsroom pages they are anonymous with a bearer header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends AppTestBase {

    enum Caller { ANONYMOUS, OWNER, OTHER_WRITER, EDITOR, OTHER_EDITION_EDITOR, ADMIN, DISABLED, REVOKED_TOKEN,
        EXPIRED_TOKEN }

    /**
     * The policy: for each route (and, where one route does several things, each use of it), the answer to each
     * caller, in the order of {@link Caller}. A = allowed (2xx or a redirect that is not the sign-in page),
     * F = forbidden (403), S = sign in first (302 to the sign-in page, or 401 from the API), N = not found (404),
     * M = method not allowed (405), V = allowed but the (deliberately invalid) form refused (422): used where an
     * allowed change would alter what other tests see, such as adding an edition. The article is a zh-hans story written by OWNER, a zh-hans contributor;
     * OTHER_WRITER is another zh-hans contributor, OTHER_EDITION_EDITOR edits the en edition only; DISABLED was a
     * zh-hans editor, signed in before being disabled: their session ended, so the CSRF token of their open form is
     * no longer valid and newsroom forms answer 403 before anything runs, except the editor's form, which is kept
     * and sent to sign in (S, ADR 0021), and autosave, which answers 401; the two token callers hold a zh-hans
     * editor's revoked or expired token.
     */
    static final String POLICY = """
            route                                                    ANON OWN OTHR EDIT OEDT ADMN DSBL RVKD EXPD
            POST /admin/articles/new                                  S    A    A    A    F    A    S    S    S
            POST /admin/articles/{id} [save a draft]                  S    A    F    A    F    A    S    S    S
            POST /admin/articles/{id} [save and publish]              S    F    F    A    F    A    S    S    S
            POST /admin/articles/{id} [withdraw from review]          S    A    F    A    F    A    S    S    S
            POST /admin/articles/autosave                             S    A    A    A    F    A    S    S    S
            POST /admin/articles/{id}/autosave                        S    A    N    A    N    A    S    S    S
            POST /admin/articles/{id}/draft/discard                   S    A    A    A    A    A    F    S    S
            POST /admin/articles/drafts/{key}/discard                 S    A    A    A    A    A    F    S    S
            POST /admin/articles/{id}/workflow [submit a draft]       S    A    F    A    F    A    F    S    S
            POST /admin/articles/{id}/workflow [publish]              S    F    F    A    F    A    F    S    S
            POST /admin/articles/{id}/workflow [send back]            S    F    F    A    F    A    F    S    S
            POST /admin/articles/{id}/workflow [unpublish]            S    F    F    A    F    A    F    S    S
            POST /admin/articles/{id}/notes                           S    F    F    A    F    A    F    S    S
            POST /admin/articles/{id}/restore                         S    A    F    A    F    A    F    S    S
            POST /admin/articles/preview                              S    A    A    A    F    A    F    S    S
            POST /admin/articles/{id}/preview                         S    A    F    A    F    A    F    S    S
            POST /admin/articles/{id}/preview-link                    S    A    F    A    F    A    F    S    S
            POST /admin/articles/{id}/translations [link]             S    A    F    A    F    A    F    S    S
            POST /admin/editions                                      S    F    F    F    F    V    F    S    S
            POST /admin/editions/{code}                               S    F    F    F    F    V    F    S    S
            POST /admin/sections/{edition}                            S    F    F    V    F    V    F    S    S
            POST /admin/sections/{edition}/{id}                       S    F    F    V    F    V    F    S    S
            POST /admin/sections/{edition}/{id}/move                  S    F    F    V    F    V    F    S    S
            POST /admin/sections/{edition}/{id}/remove                S    F    F    A    F    A    F    S    S
            POST /admin/topics/{edition}                              S    F    F    V    F    V    F    S    S
            POST /admin/topics/{edition}/{id}                         S    F    F    V    F    V    F    S    S
            POST /admin/topics/{edition}/{id}/remove                  S    F    F    A    F    A    F    S    S
            POST /admin/people                                        S    F    F    A    A    A    F    S    S
            POST /admin/people/{id}                                   S    F    F    A    A    A    F    S    S
            POST /admin/media/new                                     S    A    A    A    A    A    F    S    S
            POST /admin/media                                         S    A    A    A    A    A    F    S    S
            POST /admin/users                                         S    F    F    F    F    A    F    S    S
            POST /admin/users/{id}/rights                             S    F    F    F    F    A    F    S    S
            POST /admin/users/{id}/disable                            S    F    F    F    F    A    F    S    S
            POST /admin/users/{id}/enable                             S    F    F    F    F    A    F    S    S
            POST /admin/users/{id}/password [own]                     S    A    A    A    A    A    F    S    S
            POST /admin/users/{id}/password [someone else's]          S    F    F    F    F    A    F    S    S
            POST /admin/users/{id}/tokens [own]                       S    A    A    A    A    A    F    S    S
            POST /admin/users/{id}/tokens [someone else's]            S    F    F    F    F    A    F    S    S
            POST /admin/users/{id}/tokens/{tokenId}/revoke [own]      S    A    A    A    A    A    F    S    S
            POST /admin/users/{id}/tokens/{tokenId}/revoke [other's]  S    F    F    F    F    A    F    S    S
            POST /admin/setup                                         N    N    N    N    N    N    F    N    N
            POST /api/admin/v1/articles                               S    A    A    A    F    A    S    S    S
            PUT /api/admin/v1/articles/{id}                           S    A    F    A    F    A    S    S    S
            POST /api/admin/v1/articles/{id}/submit                   S    A    F    A    F    A    S    S    S
            POST /api/admin/v1/articles/{id}/publish                  S    F    F    A    F    A    S    S    S
            POST /api/admin/v1/articles/{id}/unpublish                S    F    F    A    F    A    S    S    S
            POST /api/admin/v1/articles/{id}/translations             S    A    F    A    F    A    S    S    S
            DELETE /api/admin/v1/articles/{id}/translations           S    A    F    A    F    A    S    S    S
            POST /api/admin/v1/media                                  S    A    A    A    A    A    S    S    S
            POST /api/beacon                                          A    A    A    A    A    A    A    A    A
            POST /api/v1/**                                           M    M    M    M    M    M    M    M    M
            PUT /api/v1/**                                            M    M    M    M    M    M    M    M    M
            PATCH /api/v1/**                                          M    M    M    M    M    M    M    M    M
            DELETE /api/v1/**                                         M    M    M    M    M    M    M    M    M
            """;

    /** Routes of the route table that change nothing, with the reason. */
    static final Map<String, String> NOT_STATE_CHANGING = Map.of(
            "ANY /error", "the error page renders whatever request failed; it changes nothing");

    private static final String PASSWORD = "harbour lights at dusk";
    private static final Set<RequestMethod> CHANGING = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    EditorialWorkflow workflow;

    @Autowired
    NewsroomArticles articles;

    @Autowired
    Taxonomy taxonomy;

    private final Map<Caller, Account> accountOf = new EnumMap<>(Caller.class);
    private final Map<Caller, NewsroomBrowser> sessionOf = new EnumMap<>(Caller.class);
    private final Map<Caller, String> tokenOf = new EnumMap<>(Caller.class);
    private final Map<Caller, String> csrfOf = new EnumMap<>(Caller.class);
    private Account victim;
    private long section;

    @BeforeAll
    void callers() {
        section = taxonomy.ensureSection("zh-hans", "matrix-tests", "权限测试", 98);
        accountOf.put(Caller.OWNER, user(false, Map.of("zh-hans", Role.CONTRIBUTOR)));
        accountOf.put(Caller.OTHER_WRITER, user(false, Map.of("zh-hans", Role.CONTRIBUTOR)));
        accountOf.put(Caller.EDITOR, user(false, Map.of("zh-hans", Role.EDITOR)));
        accountOf.put(Caller.OTHER_EDITION_EDITOR, user(false, Map.of("en", Role.EDITOR)));
        accountOf.put(Caller.ADMIN, user(true, Map.of()));
        accountOf.put(Caller.DISABLED, user(false, Map.of("zh-hans", Role.EDITOR)));
        Account tokenHolder = user(false, Map.of("zh-hans", Role.EDITOR));
        victim = user(false, Map.of("zh-hans", Role.CONTRIBUTOR));

        for (Caller caller : Caller.values()) {
            NewsroomBrowser browser = new NewsroomBrowser(this::uri, "en");
            Account account = accountOf.get(caller);
            if (account != null) {
                browser.signIn(account.email(), PASSWORD);
                tokenOf.put(caller, tokens.create(account, "matrix"));
            }
            sessionOf.put(caller, browser);
            csrfOf.put(caller, browser.csrf(account != null ? "/admin/" : "/admin/login"));
        }
        tokenOf.put(Caller.REVOKED_TOKEN, tokens.create(tokenHolder, "revoked"));
        long revoked = tokens.of(null, tokenHolder.id()).getFirst().id();
        tokens.revoke(null, revoked);
        tokenOf.put(Caller.EXPIRED_TOKEN, tokens.create(null, tokenHolder, "expired", Duration.ofDays(1)));
        jdbc.sql("update api_token set expires_at = ? where user_id = ? and name = 'expired'")
                .params(java.sql.Timestamp.from(NOW.minus(Duration.ofHours(1))), tokenHolder.id()).update();
        accounts.disable(null, accountOf.get(Caller.DISABLED).id());
        // Their next request finds the session ended and is sent to sign in; every form after that is refused.
        assertThat(sessionOf.get(Caller.DISABLED).get("/admin/").headers().firstValue("Location").orElseThrow())
                .contains("/admin/login");
    }

    private Account user(boolean admin, Map<String, Role> roles) {
        Account account = accounts.create(null, "matrix-" + UUID.randomUUID() + "@example.org", "Matrix", PASSWORD,
                admin);
        roles.forEach((edition, role) -> accounts.grant(null, account.id(), edition, role));
        return accounts.find(account.id()).orElseThrow();
    }

    @Test
    void everyStateChangingRouteIsInThePolicyTable() {
        Set<String> inTable = table().keySet().stream().map(AuthorizationMatrixIT::route).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(routeTable());
        missing.removeAll(inTable);
        missing.removeAll(NOT_STATE_CHANGING.keySet());
        assertThat(missing).as("state-changing routes with no line in POLICY").isEmpty();

        Set<String> stale = new TreeSet<>(inTable);
        stale.removeAll(routeTable());
        assertThat(stale).as("lines in POLICY for routes that no longer exist").isEmpty();
    }

    @Test
    void everyCellAnswersAsThePolicySays() {
        Map<String, Case> cases = cases();
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (var row : table().entrySet()) {
            Case use = cases.get(row.getKey());
            assertThat(use).as("a request for %s", row.getKey()).isNotNull();
            for (Caller caller : Caller.values()) {
                char expected = row.getValue().get(caller);
                Cell cell = new Cell(caller, use.state() == null ? 0 : fresh(use.state()), 0);
                int versionBefore = cell.articleId() == 0 ? 0 : version(cell.articleId());
                HttpResponse<String> response = send(row.getKey(), caller, use.request().apply(cell));
                char actual = answer(row.getKey(), response);
                cells++;
                if (actual != expected) {
                    wrong.add("%s by %s: expected %s, got %s (%d)".formatted(row.getKey(), caller, expected, actual,
                            response.statusCode()));
                } else if (actual != 'A' && cell.articleId() != 0 && version(cell.articleId()) != versionBefore) {
                    wrong.add("%s by %s: refused but the article changed".formatted(row.getKey(), caller));
                }
            }
        }
        System.out.printf("Authorization matrix: %d routes and uses, %d cells tested, %d answered wrongly%n",
                table().size(), cells, wrong.size());
        assertThat(wrong).isEmpty();
    }

    // ---- the requests ----

    enum State { DRAFT, IN_REVIEW, PUBLISHED, DRAFT_SAVED_TWICE }

    /** One cell: the caller, and the fresh article made for it (0 when the route needs none). */
    record Cell(Caller caller, long articleId, int unused) {
    }

    record Case(State state, Function<Cell, HttpRequest.Builder> request) {
    }

    private Map<String, Case> cases() {
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("POST /admin/articles/new", new Case(null, cell -> form("/admin/articles/new",
                editorForm(0, "edition", "zh-hans"))));
        cases.put("POST /admin/articles/{id} [save a draft]", new Case(State.DRAFT, cell -> form(
                "/admin/articles/" + cell.articleId(), editorForm(version(cell.articleId())))));
        cases.put("POST /admin/articles/{id} [save and publish]", new Case(State.IN_REVIEW, cell -> form(
                "/admin/articles/" + cell.articleId(), editorForm(version(cell.articleId()), "op", "publish"))));
        cases.put("POST /admin/articles/{id} [withdraw from review]", new Case(State.IN_REVIEW, cell -> form(
                "/admin/articles/" + cell.articleId(), editorForm(version(cell.articleId()), "op", "withdraw"))));
        cases.put("POST /admin/articles/autosave", new Case(null, cell -> form("/admin/articles/autosave", Map.of(
                "edition", "zh-hans", "draftKey", UUID.randomUUID().toString(), "headline", "权限矩阵的草稿"))));
        cases.put("POST /admin/articles/{id}/autosave", new Case(State.DRAFT, cell -> form(
                "/admin/articles/" + cell.articleId() + "/autosave", editorForm(version(cell.articleId())))));
        cases.put("POST /admin/articles/{id}/draft/discard", new Case(State.DRAFT, cell -> form(
                "/admin/articles/" + cell.articleId() + "/draft/discard", Map.of())));
        cases.put("POST /admin/articles/drafts/{key}/discard", new Case(null, cell -> form(
                "/admin/articles/drafts/" + UUID.randomUUID() + "/discard", Map.of())));
        cases.put("POST /admin/articles/{id}/workflow [submit a draft]", workflowCase(State.DRAFT, "submit"));
        cases.put("POST /admin/articles/{id}/workflow [publish]", workflowCase(State.IN_REVIEW, "publish"));
        cases.put("POST /admin/articles/{id}/workflow [send back]", workflowCase(State.IN_REVIEW, "reject"));
        cases.put("POST /admin/articles/{id}/workflow [unpublish]", workflowCase(State.PUBLISHED, "unpublish"));
        cases.put("POST /admin/articles/{id}/notes", new Case(State.PUBLISHED, cell -> form(
                "/admin/articles/" + cell.articleId() + "/notes", Map.of("kind", "correction", "text", "更正。"))));
        cases.put("POST /admin/articles/{id}/restore", new Case(State.DRAFT_SAVED_TWICE, cell -> form(
                "/admin/articles/" + cell.articleId() + "/restore",
                Map.of("revision", "1", "version", String.valueOf(version(cell.articleId()))))));
        cases.put("POST /admin/articles/preview", new Case(null, cell -> form("/admin/articles/preview",
                editorForm(0, "edition", "zh-hans"))));
        cases.put("POST /admin/articles/{id}/preview", new Case(State.DRAFT, cell -> form(
                "/admin/articles/" + cell.articleId() + "/preview", editorForm(version(cell.articleId())))));
        cases.put("POST /admin/articles/{id}/preview-link", new Case(State.DRAFT, cell -> form(
                "/admin/articles/" + cell.articleId() + "/preview-link", Map.of())));
        cases.put("POST /admin/articles/{id}/translations [link]", new Case(State.DRAFT, cell -> form(
                "/admin/articles/" + cell.articleId() + "/translations",
                Map.of("op", "link", "other", String.valueOf(englishPartner())))));
        cases.put("POST /admin/editions", new Case(null, cell -> form("/admin/editions", Map.of("code", "xx-matrix",
                "locale", "xx", "name", "Matrix", "siteName", "Matrix", "direction", "ltr", "timeZone", "UTC",
                "copyrightHolder", "Matrix", "calendar", "gregorian", "position", "9"))));
        cases.put("POST /admin/editions/{code}", new Case(null, cell -> form("/admin/editions/en", Map.of(
                "locale", "en", "name", "English", "siteName", "Shortwave", "direction", "ltr",
                "timeZone", "Mars/Olympus_Mons", "copyrightHolder", "Shortwave", "calendar", "gregorian",
                "position", "1"))));
        // Sections and topics of zh-hans: an allowed add, rename or move would change the menu other tests see, so
        // those forms are invalid (422 once allowed); removals take a fresh empty one made for the cell.
        cases.put("POST /admin/sections/{edition}", new Case(null, cell -> form("/admin/sections/zh-hans",
                Map.of("slug", "Not A Slug", "name", "矩阵"))));
        cases.put("POST /admin/sections/{edition}/{id}", new Case(null, cell -> form(
                "/admin/sections/zh-hans/" + section, Map.of("name", ""))));
        cases.put("POST /admin/sections/{edition}/{id}/move", new Case(null, cell -> form(
                "/admin/sections/zh-hans/" + section + "/move", Map.of("direction", "sideways"))));
        cases.put("POST /admin/sections/{edition}/{id}/remove", new Case(null, cell -> form(
                "/admin/sections/zh-hans/" + taxonomy.ensureSection("zh-hans", matrixSlug(), "矩阵删除", 999)
                        + "/remove", Map.of())));
        cases.put("POST /admin/topics/{edition}", new Case(null, cell -> form("/admin/topics/zh-hans",
                Map.of("slug", "Not A Slug", "name", "矩阵"))));
        cases.put("POST /admin/topics/{edition}/{id}", new Case(null, cell -> form(
                "/admin/topics/zh-hans/" + taxonomy.ensureTopic("zh-hans", "matrix-topic", "矩阵话题"),
                Map.of("name", ""))));
        cases.put("POST /admin/topics/{edition}/{id}/remove", new Case(null, cell -> form(
                "/admin/topics/zh-hans/" + taxonomy.ensureTopic("zh-hans", matrixSlug(), "矩阵删除") + "/remove",
                Map.of())));
        cases.put("POST /admin/people", new Case(null, cell -> form("/admin/people",
                Map.of("name", "矩阵人物", "latinName", "Matrix", "description", ""))));
        cases.put("POST /admin/people/{id}", new Case(null, cell -> form(
                "/admin/people/" + taxonomy.ensurePerson("matrix-person", "矩阵人物", null, null),
                Map.of("name", "矩阵人物", "latinName", "Matrix", "description", "权限矩阵"))));
        cases.put("POST /api/admin/v1/articles/{id}/translations", new Case(State.DRAFT, cell -> json("POST",
                "/api/admin/v1/articles/" + cell.articleId() + "/translations",
                "{\"article\":" + englishPartner() + "}")));
        cases.put("DELETE /api/admin/v1/articles/{id}/translations", new Case(State.DRAFT, cell -> json("DELETE",
                "/api/admin/v1/articles/" + cell.articleId() + "/translations", "")));
        cases.put("POST /admin/media/new", new Case(null, cell -> upload("/admin/media/new")));
        cases.put("POST /admin/media", new Case(null, cell -> upload("/admin/media")));
        cases.put("POST /admin/users", new Case(null, cell -> form("/admin/users", Map.of("email",
                "matrix-new-" + UUID.randomUUID() + "@example.org", "name", "New", "password", PASSWORD))));
        cases.put("POST /admin/users/{id}/rights", new Case(null, cell -> form(
                "/admin/users/" + victim.id() + "/rights", Map.of("role.zh-hans", "contributor"))));
        cases.put("POST /admin/users/{id}/disable", new Case(null, cell -> form(
                "/admin/users/" + victim.id() + "/disable", Map.of())));
        cases.put("POST /admin/users/{id}/enable", new Case(null, cell -> form(
                "/admin/users/" + victim.id() + "/enable", Map.of())));
        cases.put("POST /admin/users/{id}/password [own]", new Case(null, cell -> form(
                "/admin/users/" + ownId(cell) + "/password", Map.of("current", PASSWORD, "password", PASSWORD))));
        cases.put("POST /admin/users/{id}/password [someone else's]", new Case(null, cell -> form(
                "/admin/users/" + victim.id() + "/password", Map.of("password", PASSWORD))));
        cases.put("POST /admin/users/{id}/tokens [own]", new Case(null, cell -> form(
                "/admin/users/" + ownId(cell) + "/tokens", Map.of("name", "own", "days", "30"))));
        cases.put("POST /admin/users/{id}/tokens [someone else's]", new Case(null, cell -> form(
                "/admin/users/" + victim.id() + "/tokens", Map.of("name", "theirs", "days", "30"))));
        cases.put("POST /admin/users/{id}/tokens/{tokenId}/revoke [own]", new Case(null, cell -> {
            long owner = ownId(cell);
            return form("/admin/users/" + owner + "/tokens/" + freshToken(owner) + "/revoke", Map.of());
        }));
        cases.put("POST /admin/users/{id}/tokens/{tokenId}/revoke [other's]", new Case(null, cell -> form(
                "/admin/users/" + victim.id() + "/tokens/" + freshToken(victim.id()) + "/revoke", Map.of())));
        cases.put("POST /admin/setup", new Case(null, cell -> form("/admin/setup", Map.of("token", "guess",
                "email", "setup@example.org", "name", "Setup", "password", PASSWORD))));
        cases.put("POST /api/admin/v1/articles", new Case(null, cell -> json("POST", "/api/admin/v1/articles",
                apiArticle(null))));
        cases.put("PUT /api/admin/v1/articles/{id}", new Case(State.DRAFT, cell -> json("PUT",
                "/api/admin/v1/articles/" + cell.articleId(), apiArticle(version(cell.articleId())))));
        cases.put("POST /api/admin/v1/articles/{id}/submit", apiWorkflowCase(State.DRAFT, "submit"));
        cases.put("POST /api/admin/v1/articles/{id}/publish", apiWorkflowCase(State.IN_REVIEW, "publish"));
        cases.put("POST /api/admin/v1/articles/{id}/unpublish", apiWorkflowCase(State.PUBLISHED, "unpublish"));
        cases.put("POST /api/admin/v1/media", new Case(null, cell -> upload("/api/admin/v1/media")));
        cases.put("POST /api/beacon", new Case(State.PUBLISHED, cell -> form("/api/beacon",
                Map.of("a", String.valueOf(cell.articleId())))));
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            cases.put(method + " /api/v1/**", new Case(null, cell -> json(method, "/api/v1/articles", "{}")));
        }
        return cases;
    }

    private Case workflowCase(State state, String action) {
        return new Case(state, cell -> form("/admin/articles/" + cell.articleId() + "/workflow",
                Map.of("action", action, "version", String.valueOf(version(cell.articleId())))));
    }

    private Case apiWorkflowCase(State state, String action) {
        return new Case(state, cell -> json("POST", "/api/admin/v1/articles/" + cell.articleId() + "/" + action,
                "{\"version\":" + version(cell.articleId()) + "}"));
    }

    /** A published en story, not yet a version of anything, to link a zh-hans draft with. */
    private long englishPartner() {
        Account editor = accountOf.get(Caller.OTHER_EDITION_EDITOR);
        long enSection = taxonomy.sections("en").getFirst().id();
        long id = workflow.create(editor, new ArticleContent("en", enSection, "Matrix partner",
                "matrix-partner-" + UUID.randomUUID().toString().substring(0, 8), "Lead.", "",
                List.of(new Block.Paragraph(InlineHtml.sanitize("Body."))), null, List.of(), List.of(), "Shortwave"));
        workflow.publish(editor, id, version(id), null, null);
        return id;
    }

    private static String matrixSlug() {
        return "matrix-rm-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The empty sections and topics that refused removals left. */
    @AfterAll
    void removeLeftovers() {
        jdbc.sql("delete from section where edition_code = 'zh-hans' and slug like 'matrix-rm-%'").update();
        jdbc.sql("delete from topic where edition_code = 'zh-hans' and slug like 'matrix-rm-%'").update();
    }

    private long ownId(Cell cell) {
        Account account = accountOf.get(cell.caller());
        return account == null ? victim.id() : account.id();
    }

    private long freshToken(long userId) {
        Account owner = accounts.find(userId).orElseThrow();
        tokens.create(null, owner, "to revoke", null);
        return tokens.of(null, userId).getFirst().id();
    }

    private Map<String, String> editorForm(int version, String... extra) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("version", String.valueOf(version),
                "headline", "权限矩阵的稿件", "slug", "matrix-" + UUID.randomUUID().toString().substring(0, 8),
                "lead", "导语。", "dateline", "", "section", String.valueOf(section), "copyright", "短波",
                "blocks.0.type", "paragraph", "blocks.0.text", "正文。", "op", "save"));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            form.put(extra[i], extra[i + 1]);
        }
        return form;
    }

    private String apiArticle(Integer version) {
        return """
                {%s"edition":"zh-hans","section":%d,"headline":"接口矩阵稿件","slug":"api-matrix-%s","lead":"导语。",
                 "dateline":"","copyright":"短波","body":[{"type":"paragraph","text":"正文。"}]}"""
                .formatted(version == null ? "" : "\"version\":" + version + ",", section,
                        UUID.randomUUID().toString().substring(0, 8));
    }

    private HttpRequest.Builder form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder json(String method, String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder upload(String path) {
        return new Multipart().field("alt", "一张测试图片")
                .file("file", "a.jpg", "image/jpeg", TestFiles.uniqueJpeg(48, 32)) // a new file each time
                .post(uri(path));
    }


    /** Sends a cell's request the way its caller reaches the route: the API by token, pages by session. */
    private HttpResponse<String> send(String row, Caller caller, HttpRequest.Builder request) {
        String route = route(row);
        boolean api = route.contains(" /api/");
        if (api) {
            String token = tokenOf.get(caller);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return send(request.build());
        }
        request.header("X-CSRF-TOKEN", csrfOf.get(caller));
        if (accountOf.get(caller) == null && tokenOf.containsKey(caller)) {
            request.header("Authorization", "Bearer " + tokenOf.get(caller));
        }
        return sessionOf.get(caller).send(request.build());
    }

    private static char answer(String row, HttpResponse<String> response) {
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse("");
        if (status == 401 || (status == 302 || status == 303) && location.contains("/admin/login")) {
            return 'S';
        }
        return switch (status) {
            case 403 -> 'F';
            case 404 -> 'N';
            case 405 -> 'M';
            case 422 -> 'V';
            default -> status >= 200 && status < 400 ? 'A' : '?';
        };
    }

    // ---- fixtures ----

    private long fresh(State state) {
        Account owner = accountOf.get(Caller.OWNER);
        Account editor = accountOf.get(Caller.EDITOR);
        long id = workflow.create(owner, content("权限矩阵原稿"));
        int version = version(id);
        switch (state) {
            case DRAFT -> { }
            case DRAFT_SAVED_TWICE -> workflow.save(owner, id, version, content("权限矩阵改稿"));
            case IN_REVIEW -> workflow.submit(owner, id, version);
            case PUBLISHED -> workflow.publish(editor, id, workflow.submit(owner, id, version), null, null);
        }
        return id;
    }

    private ArticleContent content(String headline) {
        return new ArticleContent("zh-hans", section, headline, "matrix-" + UUID.randomUUID().toString().substring(0, 8),
                "导语。", "", List.of(new Block.Paragraph(InlineHtml.sanitize("正文。"))), null, List.of(), List.of(),
                "短波");
    }

    private int version(long articleId) {
        return articles.find(articleId).orElseThrow().version();
    }

    // ---- the table ----

    /** POLICY as rows: "METHOD /path [use]" to the expected answer per caller. */
    private static Map<String, Map<Caller, Character>> table() {
        Map<String, Map<Caller, Character>> rows = new LinkedHashMap<>();
        List<String> lines = POLICY.lines().skip(1).filter(line -> !line.isBlank()).toList();
        for (String line : lines) {
            String[] cells = line.strip().split("\\s+");
            int first = cells.length - Caller.values().length;
            String key = String.join(" ", java.util.Arrays.copyOfRange(cells, 0, first));
            Map<Caller, Character> answers = new EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                answers.put(caller, cells[first + caller.ordinal()].charAt(0));
            }
            assertThat(rows.put(key, answers)).as("one line for %s", key).isNull();
        }
        return rows;
    }

    /** "METHOD /path" of a row, without the use in brackets. */
    private static String route(String row) {
        int bracket = row.indexOf(" [");
        return bracket < 0 ? row : row.substring(0, bracket);
    }

    /** Every state-changing "METHOD /path" Spring routes; "ANY /path" for a mapping open to every method. */
    private Set<String> routeTable() {
        Set<String> found = new TreeSet<>();
        routes.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    found.add("ANY " + pattern);
                }
                for (RequestMethod m : methods) {
                    if (CHANGING.contains(m)) {
                        found.add(m.name() + " " + pattern);
                    }
                }
            }
        });
        return found;
    }
}
