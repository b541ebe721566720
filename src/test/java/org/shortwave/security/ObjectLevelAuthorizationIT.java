package org.shortwave.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.NewsroomBrowser;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.ApiTokens;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.Taxonomy;
import org.shortwave.editorial.EditorialWorkflow;
import org.shortwave.media.MediaItem;
import org.shortwave.media.MediaLibrary;
import org.shortwave.media.MediaUploads;
import org.shortwave.media.TestFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Object-level authorization (ASVS V8.2.2): every id-bearing field of every article write, on the admin API and on
 * the newsroom's forms, gets ids of another edition, of a hidden (embargoed) story's media, of the wrong kind,
 * that do not exist, and that the caller may not read, from each kind of caller. Each answer must be what the
 * reference rule (docs/media.md, ADR 0020) says, and a refusal must store nothing.
 *
 * <p>The fields come from the code: the admin API's request records and the editor form's record components (and
 * the article controllers' request parameters) are read by reflection, and each must be either probed here or
 * named as not a reference. A new id field fails this test until it is checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectLevelAuthorizationIT extends AppTestBase {

    private static final String PASSWORD = "harbour lights at dusk";
    private static final long NONEXISTENT = 99_999_999L;

    enum Caller { CONTRIBUTOR, EDITOR, OTHER_EDITION_EDITOR, NO_ROLE, ADMIN }

    /** What a field names. */
    enum Probe { SECTION, TOPIC, AUTHOR, MAIN_IMAGE, SOCIAL_IMAGE, BODY_IMAGE, BODY_VIDEO, PARTNER }

    enum IdCase { OTHER_EDITION, HIDDEN_STORY_MEDIA, WRONG_KIND, NONEXISTENT, UNREADABLE }

    enum Surface { API, FORM }

    /** Fields of request records and forms that hold no id of another object (or only the article's own). */
    private static final Set<String> NOT_REFERENCES = Set.of(
            "ArticleRequest.version", "ActionRequest.version", "EditorForm.version", "EditorForm.headline",
            "EditorForm.slug", "EditorForm.lead", "EditorForm.dateline", "EditorForm.copyright", "EditorForm.blocks",
            "EditorForm.searchDescription", "EditorForm.socialTitle",
            "BlockForm.type", "BlockForm.text", "BlockForm.attribution", "BlockForm.level", "BlockForm.caption",
            "BlockForm.credit", "BlockForm.ordered", "BlockForm.items",
            // controller parameters: an operation's name, the edition (checked as a right), the article's own
            // version and revision number, a note's kind and text, the publish times
            "param.op", "param.edition", "param.action", "param.version", "param.publishAt", "param.embargoUntil",
            "param.kind", "param.text", "param.revision", "param.form");

    /** The probes of each id-bearing field. */
    private static final Map<String, List<Probe>> PROBED = Map.ofEntries(
            Map.entry("ArticleRequest.section", List.of(Probe.SECTION)),
            Map.entry("ArticleRequest.topics", List.of(Probe.TOPIC)),
            Map.entry("ArticleRequest.authors", List.of(Probe.AUTHOR)),
            Map.entry("ArticleRequest.mainImage", List.of(Probe.MAIN_IMAGE)),
            Map.entry("ArticleRequest.socialImage", List.of(Probe.SOCIAL_IMAGE)),
            Map.entry("ArticleRequest.body", List.of(Probe.BODY_IMAGE, Probe.BODY_VIDEO)),
            Map.entry("TranslationRequest.article", List.of(Probe.PARTNER)),
            Map.entry("EditorForm.section", List.of(Probe.SECTION)),
            Map.entry("EditorForm.topics", List.of(Probe.TOPIC)),
            Map.entry("EditorForm.authors", List.of(Probe.AUTHOR)),
            Map.entry("EditorForm.mainImage", List.of(Probe.MAIN_IMAGE)),
            Map.entry("EditorForm.socialImage", List.of(Probe.SOCIAL_IMAGE)),
            Map.entry("BlockForm.media", List.of(Probe.BODY_IMAGE, Probe.BODY_VIDEO)),
            Map.entry("param.other", List.of(Probe.PARTNER)));

    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    EditorialWorkflow workflow;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    MediaUploads uploads;
    @Autowired
    MediaLibrary library;

    private final Map<Caller, Account> accountOf = new EnumMap<>(Caller.class);
    private final Map<Caller, String> tokenOf = new EnumMap<>(Caller.class);
    private final Map<Caller, NewsroomBrowser> sessionOf = new EnumMap<>(Caller.class);
    private final Map<Caller, Long> targetOf = new EnumMap<>(Caller.class);
    /** Per edition: section, topic, a restricted photo and video it owns, an embargoed story and its photo... */
    private final Map<String, Map<String, Long>> things = new LinkedHashMap<>();
    private long unownedPhoto;
    private Account admin;

    @BeforeAll
    void fixtures() throws Exception {
        caller(Caller.CONTRIBUTOR, false, Map.of("en", Role.CONTRIBUTOR));
        caller(Caller.EDITOR, false, Map.of("en", Role.EDITOR));
        caller(Caller.OTHER_EDITION_EDITOR, false, Map.of("zh-hans", Role.EDITOR));
        caller(Caller.NO_ROLE, false, Map.of());
        caller(Caller.ADMIN, true, Map.of());
        admin = accountOf.get(Caller.ADMIN);
        byte[] mp4 = Files.readAllBytes(Path.of("src/main/resources/demo/media/shortwave-tower.mp4"));
        for (String edition : List.of("en", "zh-hans")) {
            Map<String, Long> of = new LinkedHashMap<>();
            of.put("section", taxonomy.sections(edition).getFirst().id());
            of.put("topic", taxonomy.topics(edition).getFirst().id());
            of.put("photo", owned(photo("Restricted photo of " + edition), edition));
            of.put("video", owned(uploads.acceptVideo(new java.io.ByteArrayInputStream(mp4), "Tower of " + edition,
                    null, null, null, null).id(), edition));
            long embargoedPhoto = owned(photo("Embargoed photo of " + edition), edition);
            long embargoed = workflow.create(admin, content(edition, of.get("section"), "embargoed", embargoedPhoto));
            workflow.publish(admin, embargoed, 1, null, NOW.plus(Duration.ofDays(2)));
            of.put("embargoedPhoto", embargoedPhoto);
            of.put("embargoedStory", embargoed);
            // A draft of the admin's: no contributor may open it; the edition's editors may.
            of.put("draft", workflow.create(admin, content(edition, of.get("section"), "draft", of.get("photo"))));
            things.put(edition, of);
        }
        unownedPhoto = photo("Nobody's photo"); // restricted, no edition, no uploader: admins only
        targetOf.put(Caller.CONTRIBUTOR, workflow.create(accountOf.get(Caller.CONTRIBUTOR),
                content("en", things.get("en").get("section"), "contributor-target", null)));
        targetOf.put(Caller.EDITOR, workflow.create(admin, content("en", things.get("en").get("section"),
                "editor-target", null)));
        targetOf.put(Caller.OTHER_EDITION_EDITOR, workflow.create(admin, content("zh-hans",
                things.get("zh-hans").get("section"), "zh-target", null)));
        targetOf.put(Caller.NO_ROLE, targetOf.get(Caller.EDITOR));
        targetOf.put(Caller.ADMIN, workflow.create(admin, content("en", things.get("en").get("section"),
                "admin-target", null)));
    }

    @Test
    void everyIdFieldOfEveryArticleWriteIsProbed() throws Exception {
        Set<String> unclassified = new TreeSet<>();
        for (String field : idBearingFields()) {
            if (!PROBED.containsKey(field) && !NOT_REFERENCES.contains(field)) {
                unclassified.add(field);
            }
        }
        assertThat(unclassified).as("fields that may name an object: probe them here and check them in"
                + " editorial.References, or name them as not a reference").isEmpty();
    }

    @Test
    void everyReferenceIsCheckedForEveryCaller() throws Exception {
        Set<Probe> probes = new TreeSet<>();
        PROBED.values().forEach(probes::addAll);
        int cells = 0;
        List<String> wrong = new ArrayList<>();
        // Callers outermost, the admin last: what the admin may put into an en story (another edition's photo)
        // then belongs to en too (docs/media.md), which would change the answers of the callers after.
        for (Caller caller : Caller.values()) {
            for (Surface surface : Surface.values()) {
                for (Probe probe : probes) {
                    for (IdCase idCase : IdCase.values()) {
                        Long id = id(caller, probe, idCase);
                        if (id == null) {
                            continue; // not a case for this field (a section has no kind to get wrong)
                        }
                        for (String write : probe == Probe.PARTNER ? List.of("link") : List.of("create", "update")) {
                            cells++;
                            String cell = surface + " " + write + " " + caller + " " + probe + " " + idCase;
                            String problem = tryCell(surface, write, caller, probe, idCase, id);
                            if (problem != null) {
                                wrong.add(cell + ": " + problem);
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("Object-level authorization: %d cells tried%n", cells);
        assertThat(wrong).isEmpty();
        assertThat(cells).isGreaterThan(300);
    }

    // --- one cell

    /** Null when the answer is the expected one and a refusal stored nothing; else what went wrong. */
    private String tryCell(Surface surface, String write, Caller caller, Probe probe, IdCase idCase, long id) {
        String marker = "ola" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        long target = targetOf.get(caller);
        String edition = home(caller);
        Integer versionBefore = version(target);
        Long groupBefore = group(target);
        int status = switch (write) {
            case "create" -> surface == Surface.API
                    ? apiJson(caller, "POST", "/api/admin/v1/articles", articleJson(edition, probe, id, marker, null))
                    : form(caller, "/admin/articles/new", articleForm(edition, probe, id, marker, null, true));
            case "update" -> surface == Surface.API
                    ? apiJson(caller, "PUT", "/api/admin/v1/articles/" + target,
                            articleJson(edition, probe, id, marker, versionBefore))
                    : form(caller, "/admin/articles/" + target,
                            articleForm(edition, probe, id, marker, versionBefore, false));
            default -> surface == Surface.API
                    ? apiJson(caller, "POST", "/api/admin/v1/articles/" + target + "/translations",
                            "{\"article\":" + id + "}")
                    : form(caller, "/admin/articles/" + target + "/translations",
                            Map.of("op", "link", "other", String.valueOf(id)));
        };
        int expected = expected(caller, probe, idCase);
        boolean ok = expected == 200 ? status == 200 || status == 201 || status == 302 : status == expected;
        if (!ok) {
            return "answered " + status + ", expected " + expected;
        }
        if (expected == 200) {
            if ("link".equals(write)) {
                workflow.unlinkTranslation(admin, target); // back as it was, for the next cell
            }
            return null;
        }
        long stored = jdbc.sql("select count(*) from article where headline = ?").param(marker).query(Long.class)
                .single();
        if (stored > 0 || !java.util.Objects.equals(version(target), versionBefore)
                || !java.util.Objects.equals(group(target), groupBefore)) {
            return "refused with " + status + " but something was stored";
        }
        return null;
    }

    /** The rule, as a table: 200 (allowed), 403 (not this user's to use), 409 (same edition), 422 (no such thing). */
    private int expected(Caller caller, Probe probe, IdCase idCase) {
        if (caller == Caller.NO_ROLE) {
            return 403; // may write nothing at all
        }
        boolean admin = caller == Caller.ADMIN;
        return switch (probe) {
            case SECTION, TOPIC, AUTHOR -> 422;
            case MAIN_IMAGE, SOCIAL_IMAGE, BODY_IMAGE, BODY_VIDEO -> {
                if (idCase == IdCase.NONEXISTENT) {
                    yield 422;
                }
                if (!admin && idCase != IdCase.WRONG_KIND) {
                    yield 403;
                }
                boolean video = switch (idCase) {
                    case OTHER_EDITION -> probe == Probe.BODY_VIDEO;
                    case WRONG_KIND -> probe != Probe.BODY_VIDEO;
                    default -> false; // the hidden story's photo, nobody's photo
                };
                yield video == (probe == Probe.BODY_VIDEO) ? 200 : 422;
            }
            case PARTNER -> {
                if (idCase == IdCase.NONEXISTENT) {
                    yield 422;
                }
                boolean sameEdition = idCase == IdCase.UNREADABLE;
                boolean mayOpen = admin || sameEdition && caller != Caller.CONTRIBUTOR;
                yield !mayOpen ? 403 : sameEdition ? 409 : 200;
            }
        };
    }

    /** The id a cell names, or null when the case does not apply to the field. */
    private Long id(Caller caller, Probe probe, IdCase idCase) {
        Map<String, Long> home = things.get(home(caller));
        Map<String, Long> other = things.get(home(caller).equals("en") ? "zh-hans" : "en");
        if (idCase == IdCase.NONEXISTENT) {
            return NONEXISTENT;
        }
        return switch (probe) {
            case SECTION -> idCase == IdCase.OTHER_EDITION ? other.get("section") : null;
            case TOPIC -> idCase == IdCase.OTHER_EDITION ? other.get("topic") : null;
            case AUTHOR -> null;
            case MAIN_IMAGE, SOCIAL_IMAGE, BODY_IMAGE, BODY_VIDEO -> switch (idCase) {
                case OTHER_EDITION -> probe == Probe.BODY_VIDEO ? other.get("video") : other.get("photo");
                case HIDDEN_STORY_MEDIA -> other.get("embargoedPhoto");
                case WRONG_KIND -> probe == Probe.BODY_VIDEO ? home.get("photo") : home.get("video");
                case UNREADABLE -> unownedPhoto;
                default -> null;
            };
            case PARTNER -> switch (idCase) {
                case OTHER_EDITION -> other.get("draft");
                case HIDDEN_STORY_MEDIA -> other.get("embargoedStory");
                case UNREADABLE -> home.get("draft");
                default -> null;
            };
        };
    }

    // --- requests

    private String articleJson(String edition, Probe probe, long id, String marker, Integer version) {
        long section = probe == Probe.SECTION ? id : things.get(edition).get("section");
        String body = "[{\"type\":\"paragraph\",\"text\":\"Text.\"}"
                + (probe == Probe.BODY_IMAGE ? ",{\"type\":\"image\",\"media\":" + id + "}" : "")
                + (probe == Probe.BODY_VIDEO ? ",{\"type\":\"video\",\"media\":" + id + "}" : "") + "]";
        return "{\"edition\":\"" + edition + "\",\"section\":" + section + ",\"headline\":\"" + marker
                + "\",\"slug\":\"" + marker + "\",\"lead\":\"\",\"dateline\":\"\",\"body\":" + body
                + (probe == Probe.MAIN_IMAGE ? ",\"mainImage\":" + id : "")
                + (probe == Probe.SOCIAL_IMAGE ? ",\"socialImage\":" + id : "")
                + ",\"authors\":" + (probe == Probe.AUTHOR ? "[" + id + "]" : "[]")
                + ",\"topics\":" + (probe == Probe.TOPIC ? "[" + id + "]" : "[]")
                + ",\"copyright\":\"Shortwave\"" + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    private Map<String, String> articleForm(String edition, Probe probe, long id, String marker, Integer version,
            boolean create) {
        Map<String, String> form = new LinkedHashMap<>();
        if (create) {
            form.put("edition", edition);
        }
        form.put("version", version == null ? "0" : String.valueOf(version));
        form.put("op", "save");
        form.put("headline", marker);
        form.put("slug", marker);
        form.put("section", String.valueOf(probe == Probe.SECTION ? id : things.get(edition).get("section")));
        form.put("copyright", "Shortwave");
        form.put("blocks.0.type", "paragraph");
        form.put("blocks.0.text", "Text.");
        switch (probe) {
            case TOPIC -> form.put("topic", String.valueOf(id));
            case AUTHOR -> form.put("author", String.valueOf(id));
            case MAIN_IMAGE -> form.put("mainImage", String.valueOf(id));
            case SOCIAL_IMAGE -> form.put("socialImage", String.valueOf(id));
            case BODY_IMAGE, BODY_VIDEO -> {
                form.put("blocks.1.type", probe == Probe.BODY_IMAGE ? "image" : "video");
                form.put("blocks.1.media", String.valueOf(id));
            }
            default -> { }
        }
        return form;
    }

    private int apiJson(Caller caller, String method, String path, String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + tokenOf.get(caller)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
        return response.statusCode();
    }

    private int form(Caller caller, String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", sessionOf.get(caller).csrf("/admin/"));
        return sessionOf.get(caller).post(path, withToken).statusCode();
    }

    // --- the fields, from the code

    /** Every record component and request parameter of the article writes that could hold an id, by name. */
    private static Set<String> idBearingFields() throws Exception {
        Set<String> fields = new TreeSet<>();
        Class<?> api = Class.forName("org.shortwave.editorial.web.AdminApiController");
        for (Class<?> nested : api.getDeclaredClasses()) {
            if (nested.isRecord() && nested.getSimpleName().endsWith("Request")) {
                for (RecordComponent c : nested.getRecordComponents()) {
                    if (mayHoldId(c.getType()) || c.getName().equals("body")) {
                        fields.add(nested.getSimpleName() + "." + c.getName());
                    }
                }
            }
        }
        for (String form : List.of("org.shortwave.editorial.web.EditorForm",
                "org.shortwave.editorial.web.EditorForm$BlockForm")) {
            Class<?> type = Class.forName(form);
            for (RecordComponent c : type.getRecordComponents()) {
                fields.add(type.getSimpleName() + "." + c.getName()); // every form field is text: all are classified
            }
        }
        for (String controller : List.of("ArticleFormController", "ArticleTranslationsController",
                "ArticleWorkflowController")) {
            for (Method m : Class.forName("org.shortwave.editorial.web." + controller).getDeclaredMethods()) {
                if (m.isAnnotationPresent(PostMapping.class)) {
                    for (Parameter p : m.getParameters()) {
                        RequestParam param = p.getAnnotation(RequestParam.class);
                        if (param != null) {
                            String name = !param.value().isEmpty() ? param.value()
                                    : !param.name().isEmpty() ? param.name() : p.getName();
                            fields.add("param." + name);
                        }
                    }
                }
            }
        }
        return fields;
    }

    private static boolean mayHoldId(Class<?> type) {
        return type == Long.class || type == long.class || type == Integer.class || type == int.class
                || List.class.isAssignableFrom(type) || type == Object.class;
    }

    // --- fixtures

    private void caller(Caller caller, boolean isAdmin, Map<String, Role> roles) {
        String email = "ola-" + caller.name().toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID()
                + "@example.org";
        Account account = accounts.create(null, email, "OLA " + caller, PASSWORD, isAdmin);
        roles.forEach((edition, role) -> accounts.grant(null, account.id(), edition, role));
        Account read = accounts.find(account.id()).orElseThrow();
        accountOf.put(caller, read);
        tokenOf.put(caller, tokens.create(read, "ola"));
        NewsroomBrowser session = new NewsroomBrowser(this::uri);
        session.signIn(email, PASSWORD);
        sessionOf.put(caller, session);
    }

    private static String home(Caller caller) {
        return caller == Caller.OTHER_EDITION_EDITOR ? "zh-hans" : "en";
    }

    private long photo(String alt) {
        MediaItem item = uploads.acceptImage(TestFiles.uniqueJpeg(400, 300), alt, null, null, null);
        return item.id();
    }

    private long owned(long id, String edition) {
        library.assignOwner(id, edition, null);
        return id;
    }

    private ArticleContent content(String edition, long section, String what, Long mainImage) {
        String slug = what + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new ArticleContent(edition, section, "OLA " + what, slug, "", "",
                List.of(new Block.Paragraph(InlineHtml.sanitize("Text."))), mainImage, List.of(), List.of(),
                "Shortwave");
    }

    private Integer version(long article) {
        return jdbc.sql("select version from article where id = ?").param(article).query(Integer.class).optional()
                .orElse(null);
    }

    private Long group(long article) {
        return jdbc.sql("select translation_group from article where id = ?").param(article)
                .query((rs, n) -> (Long) rs.getObject(1)).optional().orElse(null);
    }
}
