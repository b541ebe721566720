package org.shortwave.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shortwave.DefaultPortsTaken;
import org.shortwave.ShortwaveApplication;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.Role;
import org.shortwave.content.ArticleContent;
import org.shortwave.content.Block;
import org.shortwave.content.InlineHtml;
import org.shortwave.content.Taxonomy;
import org.shortwave.editorial.EditorialWorkflow;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A whole Shortwave with {@code shortwave.media.storage=s3} against S3Mock on loopback: uploads land in the bucket
 * (nothing under the data directory), and {@code /media/**} streams them from it with ranges and the same caching
 * and visibility rules as from disk.
 */
@ExtendWith(DefaultPortsTaken.class)
class S3MediaAppIT {

    static S3MockServer s3;
    static ConfigurableApplicationContext app;
    static int port;
    static Path dataDir;
    static Runnable dropDatabase = () -> { };
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        s3 = S3MockServer.start();
        s3.bucket("newsroom-media", "", null);
        dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data")), "s3-app-")
                .toAbsolutePath();
        List<String> args = new ArrayList<>(List.of("--shortwave.data-dir=" + dataDir, "--server.port=0",
                "--management.server.port=-1", "--shortwave.demo-content=false", "--spring.main.banner-mode=off",
                "--shortwave.media.storage=s3", "--shortwave.media.s3.endpoint=" + s3.endpoint(),
                "--shortwave.media.s3.bucket=newsroom-media", "--shortwave.media.s3.path-style=true",
                "--shortwave.media.s3.access-key=" + S3MockServer.ACCESS_KEY,
                "--shortwave.media.s3.secret-key=" + S3MockServer.SECRET_KEY));
        String server = System.getProperty("spring.datasource.url");
        if (server != null && !server.isBlank()) {
            String database = "shortwave_s3_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String user = System.getProperty("spring.datasource.username", "postgres");
            String password = System.getProperty("spring.datasource.password", "");
            JdbcClient admin = JdbcClient.create(new DriverManagerDataSource(server, user, password));
            admin.sql("create database " + database).update();
            dropDatabase = () -> admin.sql("drop database if exists " + database + " with (force)").update();
            args.add("--spring.datasource.url=" + server.replaceFirst("/[^/?]+(\\?.*)?$", "/" + database + "$1"));
            args.add("--spring.datasource.username=" + user);
            args.add("--spring.datasource.password=" + password);
        }
        app = new SpringApplicationBuilder(ShortwaveApplication.class).run(args.toArray(String[]::new));
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        app.getBean(org.shortwave.i18n.Editions.class).createIfMissing(new org.shortwave.i18n.Edition("en",
                java.util.Locale.forLanguageTag("en-GB"), "English", "Shortwave", "ltr", java.time.ZoneId.of("UTC"),
                true), 0);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (s3 != null) {
            s3.close();
        }
        dropDatabase.run();
    }

    @Test
    void uploadsGoToTheBucketAndArePublishedFromIt() throws Exception {
        MediaUploads uploads = app.getBean(MediaUploads.class);
        MediaItem photo = uploads.acceptImage(TestFiles.uniqueJpeg(1000, 600), "Radio mast in fog", null, null, null);
        byte[] mp4 = Files.readAllBytes(Path.of("src/main/resources/demo/media/shortwave-tower.mp4"));
        MediaItem video = uploads.acceptVideo(new java.io.ByteArrayInputStream(mp4), "The tower", null, null, null,
                null);

        try (S3Client client = s3.client()) {
            assertThat(client.headObject(b -> b.bucket("newsroom-media").key(photo.filePath())).contentLength())
                    .isEqualTo(photo.byteSize());
            assertThat(client.headObject(b -> b.bucket("newsroom-media").key(video.filePath())).contentLength())
                    .isEqualTo(mp4.length);
        }
        assertThat(dataDir.resolve("media")).doesNotExist();

        assertThat(get(photo.url(), null).statusCode()).as("restricted until published").isEqualTo(404);

        Accounts accounts = app.getBean(Accounts.class);
        Account editor = accounts.create(null, "s3-" + UUID.randomUUID() + "@example.org", "Ma Lin",
                "harbour lights at dusk", false);
        accounts.grant(null, editor.id(), "en", Role.EDITOR);
        editor = accounts.find(editor.id()).orElseThrow();
        long section = app.getBean(Taxonomy.class).ensureSection("en", "s3-tests", "S3 tests", 93);
        // Uploads of the en edition, so that its editor may use them (docs/media.md).
        app.getBean(MediaLibrary.class).assignOwner(photo.id(), "en", null);
        app.getBean(MediaLibrary.class).assignOwner(video.id(), "en", null);
        EditorialWorkflow workflow = app.getBean(EditorialWorkflow.class);
        long article = workflow.create(editor, new ArticleContent("en", section, "Fog on the mast", "fog-on-the-mast",
                "A lead.", "HILLTOWN (Shortwave) —", List.of(new Block.Paragraph(InlineHtml.sanitize("Text.")),
                new Block.Video(video.id())), photo.id(), List.of(), List.of(), "Shortwave"));
        workflow.publish(editor, article, 1, null, null);

        HttpResponse<byte[]> image = get(photo.url(), null);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(MediaLibrary.sha256(image.body())).isEqualTo(photo.filePath().replaceAll(".*/(\\w+)\\..*", "$1"));

        HttpResponse<byte[]> part = get(video.url(), "bytes=100-199");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + mp4.length);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(mp4, 100, 200));
    }

    private HttpResponse<byte[]> get(String path, String range) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (range != null) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
