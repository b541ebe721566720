package org.shortwave.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shortwave.AppTestBase;
import org.shortwave.Await;
import org.shortwave.Multipart;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.ApiTokens;
import org.shortwave.accounts.Role;
import org.shortwave.site.caching.PageCacheInvalidation;
import org.shortwave.content.Taxonomy;
import org.shortwave.media.TestFiles;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * XXE and SSRF: Shortwave fetches no address a user gives it and resolves no external XML entity. A canary HTTP
 * server on loopback stands for every internal service an attacker would like Shortwave to call; its address goes
 * into every place a URL or an XML document can reach: story text and links, image metadata (an XMP packet with an
 * external entity in a JPEG and in a PNG), SVG and XML files posing as images, WebVTT captions, search queries and
 * headers. Then every public surface of that story is rendered, the change feed and the index have acted on it, and
 * the canary must have seen zero requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerSideRequestsIT extends AppTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Taxonomy taxonomy;

    @Autowired
    PageCacheInvalidation invalidation;

    private HttpServer canary;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private String canaryUrl;
    private String token;
    private long section;

    @BeforeAll
    void canaryAndEditor() throws IOException {
        canary = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        canary.createContext("/", exchange -> {
            calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        canary.start();
        canaryUrl = "http://127.0.0.1:" + canary.getAddress().getPort() + "/canary";
        Account editor = accounts.create(null, "ssrf-" + UUID.randomUUID() + "@example.org", "SSRF drill",
                "harbour lights at dusk", false);
        accounts.grant(null, editor.id(), "en", Role.EDITOR);
        token = tokens.create(accounts.find(editor.id()).orElseThrow(), "ssrf");
        section = taxonomy.sections("en").getFirst().id();
    }

    @AfterAll
    void stopCanary() {
        canary.stop(0);
    }

    @Test
    void noInputMakesShortwaveCallAnAddressOrResolveAnEntity() throws IOException {
        int inputs = 0;
        int xmlDocuments = 0;
        List<Integer> refusedUploads = new ArrayList<>();

        // Story text: links, text that looks like a URL, an image caption, in every text field.
        HttpResponse<String> created = api("/articles", JSON.writeValueAsString(Map.of("edition", "en",
                "section", section, "headline", "Canary " + canaryUrl, "slug", "canary-" + UUID.randomUUID()
                        .toString().substring(0, 8), "lead", "See " + canaryUrl, "dateline", canaryUrl,
                "copyright", canaryUrl, "body", List.of(
                        Map.of("type", "paragraph", "text", "A <a href=\"" + canaryUrl + "\">link</a> and "
                                + canaryUrl + "/img.png"),
                        Map.of("type", "quote", "text", canaryUrl, "attribution", canaryUrl)))),
                "application/json");
        inputs += 7;
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long article = JSON.readTree(created.body()).get("id").asLong();
        assertThat(api("/articles/" + article + "/publish", "{\"version\":1}", "application/json").statusCode())
                .isEqualTo(200);

        // Files carrying XML with external entities and references to the canary.
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"" + canaryUrl + "/entity\">"
                + "<!ENTITY % p SYSTEM \"" + canaryUrl + "/dtd\"> %p;]>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"" + canaryUrl + "/about\">&e;</rdf:Description></rdf:RDF></x:xmpmeta>";
        Map<String, byte[]> files = Map.of(
                "jpeg-with-xmp.jpg", jpegWithXmp(xxe),
                "png-with-xmp.png", pngWithXmp(xxe),
                "svg-with-entity.svg", ("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY e SYSTEM \"" + canaryUrl
                        + "/svg\">]><svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                        + "<image xlink:href=\"" + canaryUrl + "/image\"/>&e;</svg>").getBytes(StandardCharsets.UTF_8),
                "xml-as-jpeg.jpg", xxe.getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            int status = upload(Map.of("alt", canaryUrl, "caption", canaryUrl, "credit", canaryUrl),
                    Map.of("file", new Part(file.getKey(), file.getValue())));
            inputs++;
            xmlDocuments++;
            if (status >= 400) {
                refusedUploads.add(status);
            }
        }
        // A video with captions whose cue text and style point at the canary.
        byte[] video;
        try (InputStream mp4 = getClass().getResourceAsStream("/demo/media/shortwave-tower.mp4")) {
            video = mp4.readAllBytes();
        }
        byte[] captions = ("WEBVTT\n\nSTYLE\n::cue { background-image: url(" + canaryUrl + "/cue) }\n\n"
                + "00:00:00.000 --> 00:00:02.000\n<c.x>" + canaryUrl + "</c> <!DOCTYPE x SYSTEM \"" + canaryUrl
                + "/vtt\">\n").getBytes(StandardCharsets.UTF_8);
        int videoStatus = upload(Map.of("title", canaryUrl, "captionsLang", "en"),
                Map.of("file", new Part("v.mp4", video), "captions", new Part("c.vtt", captions)));
        inputs++;
        if (videoStatus >= 400) {
            refusedUploads.add(videoStatus);
        }

        // Every public surface of the story, with the canary in queries and headers.
        String path = articlePath(article);
        String encoded = URLEncoder.encode(canaryUrl, StandardCharsets.UTF_8);
        for (String surface : List.of(path, "/en/", "/en/feed.rss", "/en/feed.atom", "/en/feed.json",
                "/sitemap.xml", "/en/sitemap-news.xml", "/api/v1/articles/" + article, "/en/search?q=" + encoded,
                "/api/v1/search?edition=en&q=" + encoded, "/api/beacon?a=" + article + "&u=" + encoded)) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(surface)).header("Referer", canaryUrl)
                    .header("X-Forwarded-Host", "127.0.0.1:" + canary.getAddress().getPort())
                    .header("Forwarded", "host=127.0.0.1:" + canary.getAddress().getPort()).GET().build());
            assertThat(answer.statusCode()).as(surface).isLessThan(500);
            inputs++;
        }

        // What happens after a publication (change feed, index, derived versions, purge hooks) has happened.
        long latest = jdbc.sql("select max(seq) from change_log").query(Long.class).single();
        Await.until(() -> invalidation.appliedSeq() >= latest, "the change feed to act on every change");

        System.out.printf("Server-side requests: %d inputs carrying a loopback canary's address (%d XML documents "
                + "with external entities, %d refused at upload), canary saw %d requests%n", inputs, xmlDocuments,
                refusedUploads.size(), calls.size());
        assertThat(calls).isEmpty();
    }

    private record Part(String filename, byte[] bytes) {
    }

    private HttpResponse<String> api(String path, String body, String type) {
        return send(HttpRequest.newBuilder(uri("/api/admin/v1" + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private int upload(Map<String, String> fields, Map<String, Part> parts) {
        Multipart body = new Multipart();
        fields.forEach(body::field);
        parts.forEach((name, part) -> body.file(name, part.filename(), "application/octet-stream", part.bytes()));
        HttpResponse<String> answer = send(body.post(uri("/api/admin/v1/media"))
                .header("Authorization", "Bearer " + token).build());
        assertThat(answer.statusCode()).as(answer.body()).isIn(201, 400, 413, 415, 422);
        return answer.statusCode();
    }

    /** A JPEG with an XMP packet (an APP1 segment) right after its start marker. */
    private static byte[] jpegWithXmp(String xmp) {
        return TestFiles.withSegment(TestFiles.uniqueJpeg(320, 200), 0xE1,
                ("http://ns.adobe.com/xap/1.0/\0" + xmp).getBytes(StandardCharsets.UTF_8));
    }

    /** A PNG with an {@code iTXt} chunk holding an XMP packet, right after its header chunk. */
    private static byte[] pngWithXmp(String xmp) {
        byte[] png = TestFiles.png(320, 200, false);
        byte[] data = ("XML:com.adobe.xmp\0\0\0\0\0" + xmp).getBytes(StandardCharsets.UTF_8);
        ByteBuffer chunk = ByteBuffer.allocate(4 + 4 + data.length + 4);
        chunk.putInt(data.length).put("iTXt".getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        int afterHeader = 8 + 4 + 4 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.writeBytes(chunk.array());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }
}
