package org.shortwave.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.shortwave.content.Taxonomy;
import org.shortwave.media.MediaLibrary;
import org.shortwave.media.TestFiles;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Requests made to hurt: path traversal, CRLF meant for headers, redirects meant to leave the site, JSON that is
 * huge, deep or ambiguous, and Unicode that hides or reverses text. Each gets a clear 4xx, and nothing is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputsIT extends AppTestBase {

    private static final String PASSWORD = "harbour lights at dusk";

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Taxonomy taxonomy;

    @Autowired
    MediaLibrary media;

    private Account editor;
    private String token;
    private long section;

    @BeforeAll
    void editor() {
        editor = accounts.create(null, "hostile-" + UUID.randomUUID() + "@example.org", "Hostile", PASSWORD, false);
        accounts.grant(null, editor.id(), "zh-hans", Role.EDITOR);
        token = tokens.create(accounts.find(editor.id()).orElseThrow(), "hostile");
        section = taxonomy.sections("zh-hans").getFirst().id();
    }

    /** Raw request bytes, as no well-behaved client would send them (encoded dots and slashes, backslashes, NUL). */
    private String raw(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void pathTraversalReachesNothingOutsideMediaAndAssets() throws IOException {
        List<String> targets = List.of("/media/../application.properties", "/media/..%2f..%2fapplication.properties",
                "/media/%2e%2e/%2e%2e/etc/passwd", "/media/%252e%252e/%252e%252e/etc/passwd",
                "/media/..\\..\\application.properties", "/media/..%5c..%5capplication.properties",
                "/assets/../application.properties", "/assets/%2e%2e/application.properties",
                "/media/a%00.jpg", "/media/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/..;/application.properties",
                "/media/;/../application.properties", "/WEB-INF/web.xml", "/media//etc/passwd",
                "/zh-hans/..%2f..%2fadmin/", "/api/v1/articles/..%2f..%2fadmin%2f");
        for (String target : targets) {
            String answer = raw(target);
            int status = Integer.parseInt(answer.substring(9, 12));
            assertThat(status).as(target).isBetween(400, 499);
            assertThat(answer).as(target).doesNotContain("spring.", "root:x:", "<web-app", "datasource");
        }
        System.out.printf("Path traversal: %d hostile paths, all refused%n", targets.size());
    }

    @Test
    void carriageReturnsNeverReachAHeader() throws IOException {
        for (String target : List.of("/zh-hans/a-1%0d%0aSet-Cookie:%20stolen=1", "/zh-hans/x%0d%0aLocation:%20/evil/a-1",
                "/zh-hans%0d%0aSet-Cookie:%20stolen=1/", "/zh-hans/search?q=a%0d%0aSet-Cookie:%20stolen=1",
                "/api/v1/search?edition=zh-hans&q=%0d%0aX-Injected:%201")) {
            String answer = raw(target);
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
            assertThat(head).as(target).doesNotContainIgnoringCase("stolen").doesNotContainIgnoringCase("X-Injected")
                    .doesNotContain("/evil/");
        }
    }

    @Test
    void noRedirectLeavesTheSite() throws IOException {
        for (String path : List.of("//evil.example/", "/%2F%2Fevil.example/", "/\\evil.example/", "/%5Cevil.example/",
                "/zh-hans//evil.example/a-1", "/admin/login?next=https://evil.example/",
                "/admin/login?redirect=//evil.example", "/zh-hans/a-1?next=https://evil.example")) {
            String answer = raw(path);
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
            assertThat(head).as(path).doesNotContain("evil.example");
        }
        // Signing in after being sent to the sign-in page from anywhere lands in the newsroom, never elsewhere.
        NewsroomBrowser browser = new NewsroomBrowser(this::uri);
        browser.get("/admin/articles?next=https://evil.example/");
        HttpResponse<String> signedIn = browser.signIn(editor.email(), PASSWORD);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin/");
    }

    private HttpResponse<String> api(String method, String path, String body) {
        return send(HttpRequest.newBuilder(uri("/api/admin/v1" + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private String article(String headline, String slug) {
        return """
                {"edition":"zh-hans","section":%d,"headline":"%s","slug":"%s","lead":"导语","dateline":"",
                 "copyright":"短波","body":[{"type":"paragraph","text":"正文"}]}""".formatted(section, headline, slug);
    }

    private long articles() {
        // Derived zh-hant versions arrive from the change feed at any time: count only what people wrote.
        return jdbc.sql("select count(*) from article where derived_from is null").query(Long.class).single();
    }

    @Test
    void hugeDeepAndAmbiguousJsonIsRefusedAndStoresNothing() {
        long before = articles();
        String huge = article("大" + "x".repeat(5_000_000), "huge");
        String deep = "{\"edition\":\"zh-hans\",\"body\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        String duplicate = article("第一个标题", "dup").replace("\"headline\":", "\"headline\":\"第二个标题\",\"headline\":");
        String deepBlock = article("深", "deep").replace("\"text\":\"正文\"", "\"text\":" + "[".repeat(2_000)
                + "]".repeat(2_000));
        for (var attempt : Map.of("huge", huge, "deep", deep, "duplicate keys", duplicate, "deep block", deepBlock)
                .entrySet()) {
            HttpResponse<String> response = api("POST", "/articles", attempt.getValue());
            assertThat(response.statusCode()).as(attempt.getKey() + ": " + response.body()).isBetween(400, 499)
                    .isNotEqualTo(404);
            assertThat(response.body()).as(attempt.getKey()).startsWith("{").contains("\"message\"");
        }
        assertThat(articles()).isEqualTo(before);
    }

    @Test
    void unicodeThatHidesOrReversesTextIsRefusedOrNormalized() {
        long before = articles();
        // A right-to-left override turns "txt.exe" into what looks like "exe.txt": never in a headline or slug.
        HttpResponse<String> override = api("POST", "/articles", article("安全更新\u202Etxt.exe", "update"));
        // The text rule's answer, as for every character it refuses (422, its code, the field), not a 400 of its own.
        assertThat(override.statusCode()).as(override.body()).isEqualTo(422);
        assertThat(override.body()).contains("\"field\":\"headline\"").contains("\"code\":\"text.invalid.reordering\"");
        // Zero-width and control characters cannot hide inside an address.
        for (String slug : List.of("pay\u200Bpal", "news\u202Eevil", "a\u0000b", "tab\tslug", "dot.slug")) {
            HttpResponse<String> response = api("POST", "/articles", article("标题", slug.replace("\u0000", "\\u0000")
                    .replace("\t", "\\t")));
            assertThat(response.statusCode()).as(slug).isEqualTo(400);
        }
        assertThat(articles()).isEqualTo(before);

        // NFC and NFD twins are one text: stored in NFC whichever way they came in.
        String nfd = "cafe\u0301";
        HttpResponse<String> twin = api("POST", "/articles", article("Le " + nfd, nfd));
        assertThat(twin.statusCode()).as(twin.body()).isEqualTo(201);
        assertThat(twin.body()).contains("\"headline\":\"Le caf\u00e9\"").contains("\"slug\":\"caf\u00e9\"");
        // Zero-width non-joiners are Persian spelling, not a trick: kept.
        HttpResponse<String> persian = api("POST", "/articles", article("می\u200Cخواهم", "persian-zwnj"));
        assertThat(persian.statusCode()).as(persian.body()).isEqualTo(201);
        assertThat(persian.body()).contains("می\u200Cخواهم");
    }

    @Test
    void hostileUploadsGetAClear4xxAndStoreNothingAndPolyglotsLoseTheirPayload() throws IOException {
        byte[] jpeg = TestFiles.uniqueJpeg(640, 400);
        byte[] truncated = java.util.Arrays.copyOf(jpeg, jpeg.length / 2);
        byte[] huge = new byte[21 * 1024 * 1024];
        System.arraycopy(jpeg, 0, huge, 0, jpeg.length);
        Map<String, byte[]> refused = new java.util.LinkedHashMap<>();
        refused.put("svg with script, named .jpg", TestFiles.svgWithScript());
        refused.put("html named .jpg", TestFiles.html());
        refused.put("pixel flood (50,000 px a side, header only)", TestFiles.pngHeaderOnly(50_000, 50_000));
        refused.put("truncated jpeg", truncated);
        refused.put("huge (21 MB, limit 20 MB)", huge);
        refused.put("empty", new byte[0]);
        long rows = mediaRows();
        for (var upload : refused.entrySet()) {
            HttpResponse<String> response = upload(upload.getValue(), "image/jpeg");
            assertThat(response.statusCode()).as(upload.getKey() + ": " + response.body()).isBetween(400, 499);
            assertThat(response.body()).as(upload.getKey()).contains("\"code\"", "\"message\"", "\"field\"");
        }
        assertThat(mediaRows()).as("nothing stored for a refused upload").isEqualTo(rows);

        // A polyglot: a JPEG with HTML in a comment segment and after its end, declared as a GIF. It is taken by
        // its bytes (a JPEG), and re-encoding leaves nothing of the payload in any stored file.
        byte[] script = "<html><script>alert(document.domain)</script></html>".getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream polyglot = new java.io.ByteArrayOutputStream();
        polyglot.writeBytes(TestFiles.withSegment(jpeg, 0xFE, script));
        polyglot.writeBytes(script);
        HttpResponse<String> taken = upload(polyglot.toByteArray(), "image/gif");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        assertThat(taken.body()).contains("\"contentType\":\"image/jpeg\"");
        long id = Long.parseLong(taken.body().replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));
        List<String> files = jdbc.sql("select file_path from media where id = ? union "
                + "select file_path from media_rendition where media_id = ?").params(id, id).query(String.class).list();
        assertThat(files).hasSizeGreaterThan(1);
        for (String file : files) {
            try (var in = media.files().read(file, 0, Long.MAX_VALUE)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).as(file)
                        .doesNotContain("<script").doesNotContain("<html");
            }
        }
        System.out.printf("Hostile uploads: %d refused with a clear 4xx and nothing stored; 1 polyglot stored "
                + "re-encoded in %d files without its payload%n", refused.size(), files.size());
    }

    private long mediaRows() {
        return jdbc.sql("select count(*) from media").query(Long.class).single();
    }

    private HttpResponse<String> upload(byte[] bytes, String declaredType) {
        return send(new Multipart().field("alt", "A photo").file("file", "photo.jpg", declaredType, bytes)
                .post(uri("/api/admin/v1/media")).header("Authorization", "Bearer " + token).build());
    }
}
