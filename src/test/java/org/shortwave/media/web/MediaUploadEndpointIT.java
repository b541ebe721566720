package org.shortwave.media.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.shortwave.Multipart;
import org.shortwave.accounts.Accounts;
import org.shortwave.media.TestFiles;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /admin/media} over real HTTP: who may upload, CSRF, JSON answers and refusals. */
class MediaUploadEndpointIT extends AppTestBase {

    private static final String PASSWORD = "harbour lights at dusk";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Accounts accounts;

    /** One part of a multipart body. */
    record Part(String name, String filename, String contentType, byte[] bytes) {
        static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(String name, String filename, String contentType, byte[] bytes) {
            return new Part(name, filename, contentType, bytes);
        }
    }

    /** A browser with its own cookies that does not follow redirects. */
    class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        String csrf(String path) {
            HttpResponse<String> page = send(HttpRequest.newBuilder(uri(path)).GET().build());
            return Jsoup.parse(page.body()).selectFirst("input[name=_csrf]").attr("value");
        }

        Browser signedIn() {
            String email = "media-" + UUID.randomUUID() + "@example.org";
            accounts.create(null, email, "Zhou Ming", PASSWORD, false);
            String token = csrf("/admin/login");
            String form = "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&email="
                    + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/admin/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/admin/");
            return this;
        }

        /** Posts the parts to /admin/media, with the CSRF token as a header when one is given. */
        HttpResponse<String> upload(String csrfToken, String language, Part... parts) {
            Multipart body = new Multipart();
            for (Part part : parts) {
                body.part(part.name(), part.filename(), part.contentType(), part.bytes());
            }
            HttpRequest.Builder request = body.post(uri("/admin/media")).header("Accept-Language", language);
            if (csrfToken != null) {
                request.header("X-CSRF-TOKEN", csrfToken);
            }
            return send(request.build());
        }
    }


    long mediaRows() {
        return jdbc.sql("select count(*) from media").query(Long.class).single();
    }

    static JsonNode json(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        return JSON.readTree(response.body());
    }

    static Part photo() {
        return Part.file("file", "harbour.jpg", "image/jpeg", TestFiles.uniqueJpeg(1400, 700));
    }

    @Test
    void signedOutUploadsAreRefusedAndStoreNothing() {
        long before = mediaRows();
        Browser stranger = new Browser();
        // No session, so no CSRF token: refused before anything else.
        assertThat(stranger.upload(null, "en", photo(), Part.field("alt", "Harbour")).statusCode()).isEqualTo(403);
        // A session from the sign-in page and its token, but not signed in: sent to sign in.
        String token = stranger.csrf("/admin/login");
        HttpResponse<String> response = stranger.upload(token, "en", photo(), Part.field("alt", "Harbour"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login");
        assertThat(mediaRows()).isEqualTo(before);
    }

    @Test
    void aSignedInUploadWithoutTheCsrfTokenIsForbidden() {
        long before = mediaRows();
        Browser editor = new Browser().signedIn();
        assertThat(editor.upload(null, "en", photo(), Part.field("alt", "Harbour")).statusCode()).isEqualTo(403);
        assertThat(editor.upload("not-the-token", "en", photo(), Part.field("alt", "Harbour")).statusCode())
                .isEqualTo(403);
        assertThat(mediaRows()).isEqualTo(before);
    }

    @Test
    void aSignedInUploadWithTheTokenGetsTheStoredImageAsJson() {
        Browser editor = new Browser().signedIn();
        String token = editor.csrf("/admin/");

        HttpResponse<String> response = editor.upload(token, "en", photo(), Part.field("alt", "Harbour at dawn"),
                Part.field("caption", "Boats leave before sunrise."), Part.field("credit", "Shortwave/Lin Xiaoyu"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode item = json(response);
        assertThat(item.get("kind").asString()).isEqualTo("image");
        assertThat(item.get("width").asInt()).isEqualTo(1400);
        assertThat(item.get("height").asInt()).isEqualTo(700);
        assertThat(item.get("altText").asString()).isEqualTo("Harbour at dawn");
        assertThat(item.get("url").asString()).matches("/media/[0-9a-f]{2}/[0-9a-f]{64}\\.jpg");
        List<Integer> widths = new ArrayList<>();
        item.get("renditions").forEach(r -> widths.add(r.get("width").asInt()));
        assertThat(widths).containsExactly(320, 640, 960, 1280);
        assertThat(item.get("srcset").asString()).endsWith(" 1400w");
        String rendition = item.get("renditions").get(0).get("url").asString();
        for (String url : List.of(item.get("url").asString(), rendition)) {
            // Not shown by any public story yet: for the newsroom only.
            assertThat(get(url).statusCode()).as(url).isEqualTo(404);
            HttpResponse<String> file = editor.send(HttpRequest.newBuilder(uri(url)).GET().build());
            assertThat(file.statusCode()).as(url).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control")).hasValue("private, no-store");
            assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/jpeg");
        }
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'media.uploaded' and target_id = ?")
                .param(item.get("id").asString()).query(Long.class).single()).isEqualTo(1);
        HttpResponse<String> again = editor.send(HttpRequest.newBuilder(uri("/admin/media/" + item.get("id").asLong()))
                .GET().build());
        assertThat(json(again).get("url").asString()).isEqualTo(item.get("url").asString());
    }

    @Test
    void theTokenMayAlsoComeAsAFormField() {
        Browser editor = new Browser().signedIn();
        String token = editor.csrf("/admin/");
        HttpResponse<String> response = editor.upload(null, "en", Part.field("_csrf", token), photo(),
                Part.field("alt", "Harbour"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void anHtmlFileNamedJpgGetsA415InTheUsersLanguageAndNothingIsStored() throws IOException {
        Browser editor = new Browser().signedIn();
        String token = editor.csrf("/admin/");
        long before = mediaRows();
        long files = mediaFiles();

        HttpResponse<String> english = editor.upload(token, "en",
                Part.file("file", "photo.jpg", "image/jpeg", TestFiles.html()), Part.field("alt", "A photo"));
        assertThat(english.statusCode()).isEqualTo(415);
        JsonNode error = json(english);
        assertThat(error.get("status").asInt()).isEqualTo(415);
        assertThat(error.get("error").asString()).isEqualTo("Unsupported Media Type");
        assertThat(error.get("code").asString()).isEqualTo("media.type.markup");
        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("message").asString()).contains("web page");

        HttpResponse<String> chinese = editor.upload(token, "zh-CN",
                Part.file("file", "photo.png", "image/png", TestFiles.svgWithScript()), Part.field("alt", "图"));
        assertThat(chinese.statusCode()).isEqualTo(415);
        assertThat(json(chinese).get("message").asString()).contains("矢量图", "SVG", "JPEG、PNG、WebP、GIF");

        assertThat(mediaRows()).isEqualTo(before);
        assertThat(mediaFiles()).isEqualTo(files);
    }

    @Test
    void eachRefusalNamesItsFieldAndStatus() {
        Browser editor = new Browser().signedIn();
        String token = editor.csrf("/admin/");
        long before = mediaRows();

        JsonNode noAlt = json(editor.upload(token, "en", photo()));
        assertThat(noAlt.get("status").asInt()).isEqualTo(400);
        assertThat(noAlt.get("field").asString()).isEqualTo("alt");

        JsonNode noFile = json(editor.upload(token, "en", Part.field("alt", "Nothing")));
        assertThat(noFile.get("status").asInt()).isEqualTo(400);
        assertThat(noFile.get("code").asString()).isEqualTo("media.file.missing");

        JsonNode huge = json(editor.upload(token, "en",
                Part.file("file", "huge.png", "image/png", TestFiles.pngHeaderOnly(50_000, 50_000)),
                Part.field("alt", "Huge")));
        assertThat(huge.get("status").asInt()).isEqualTo(413);
        assertThat(huge.get("message").asString()).contains("50,000 × 50,000");

        byte[] jpeg = TestFiles.uniqueJpeg(600, 400);
        JsonNode cut = json(editor.upload(token, "en",
                Part.file("file", "cut.jpg", "image/jpeg", java.util.Arrays.copyOf(jpeg, jpeg.length / 2)),
                Part.field("alt", "Cut")));
        assertThat(cut.get("status").asInt()).isEqualTo(422);

        JsonNode text = json(editor.upload(token, "en",
                Part.file("file", "clip.mp4", "video/mp4", "not a video".getBytes(StandardCharsets.UTF_8)),
                Part.field("title", "Clip")));
        assertThat(text.get("status").asInt()).isEqualTo(415);

        assertThat(mediaRows()).isEqualTo(before);
    }

    @Test
    void aVideoWithPosterAndCaptionsIsStoredWithItsLength() throws IOException {
        Browser editor = new Browser().signedIn();
        String token = editor.csrf("/admin/");
        byte[] mp4 = Files.readAllBytes(Path.of("src/main/resources/demo/media/shortwave-tower.mp4"));

        HttpResponse<String> response = editor.upload(token, "en",
                Part.file("file", "tower.bin", "application/octet-stream", mp4), Part.field("title", "The tower"),
                Part.file("poster", "poster.jpg", "image/jpeg", TestFiles.uniqueJpeg(1280, 720)),
                Part.file("captions", "tower.vtt", "text/vtt", TestFiles.vtt()), Part.field("captionsLang", "en"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode video = json(response);
        assertThat(video.get("kind").asString()).isEqualTo("video");
        assertThat(video.get("durationSeconds").asInt()).isEqualTo(24);
        assertThat(video.get("contentType").asString()).isEqualTo("video/mp4");
        assertThat(video.get("posterUrl").asString()).startsWith("/media/");
        assertThat(video.get("captionsUrl").asString()).endsWith(".vtt");
        assertThat(editor.send(HttpRequest.newBuilder(uri(video.get("captionsUrl").asString())).GET().build()).body())
                .startsWith("WEBVTT");
    }

    @Test
    void aBrokenMultipartBodyGetsA400JsonAnswerNotAnErrorPage() {
        // Parsed before any controller is chosen: UploadLimitAdvice answers, as it does for a body over the limits.
        Browser editor = new Browser().signedIn();
        String token = editor.csrf("/admin/");
        long before = mediaRows();
        Multipart whole = new Multipart().part("file", photo().filename(), photo().contentType(), photo().bytes())
                .field("alt", "Cut off");
        byte[] body = whole.bytes();
        HttpResponse<String> response = editor.send(HttpRequest.newBuilder(uri("/admin/media"))
                .header("Content-Type", whole.contentType())
                .header("Accept-Language", "en")
                .header("X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(java.util.Arrays.copyOf(body, body.length / 2)))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("code").asString()).isEqualTo("media.upload.unreadable");
        assertThat(mediaRows()).isEqualTo(before);
    }

    long mediaFiles() throws IOException {
        try (var walk = Files.walk(mediaDir())) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Autowired
    org.shortwave.platform.ShortwaveProperties properties;

    Path mediaDir() {
        return properties.mediaDir();
    }
}
