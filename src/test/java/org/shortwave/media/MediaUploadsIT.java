package org.shortwave.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.shortwave.media.RejectedUploadException.Reason;
import org.shortwave.platform.ShortwaveProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploads through {@link MediaUploads} on the real database and data directory: every hostile or broken upload is
 * refused with its reason and leaves no row and no file; good ones are re-encoded, cleaned and get renditions.
 */
class MediaUploadsIT extends AppTestBase {

    @Autowired
    MediaUploads uploads;

    @Autowired
    ShortwaveProperties properties;

    @Autowired
    TransactionTemplate transaction;

    /** What is stored: rows of media and renditions, and every file under the data directory's media parts. */
    record Stored(long media, long renditions, Set<String> files) {
    }

    Stored stored() {
        return new Stored(jdbc.sql("select count(*) from media").query(Long.class).single(),
                jdbc.sql("select count(*) from media_rendition").query(Long.class).single(),
                Stream.concat(files(properties.mediaDir()), files(properties.dataDir().resolve("incoming")))
                        .collect(Collectors.toSet()));
    }

    private static Stream<String> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(Path::toString).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs an upload that must be refused for this reason, and checks it stored nothing. */
    void assertRefused(Runnable upload, Reason reason, String messageKey, String field) {
        Stored before = stored();
        assertThatThrownBy(upload::run).isInstanceOfSatisfying(RejectedUploadException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.messageKey()).isEqualTo(messageKey);
            assertThat(e.field()).isEqualTo(field);
        });
        assertThat(stored()).isEqualTo(before);
    }

    static InputStream demoVideo() {
        try {
            return Files.newInputStream(VideoDurationTest.DEMO_MP4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anSvgWithAScriptIsRefused() {
        assertRefused(() -> uploads.acceptImage(TestFiles.svgWithScript(), "A red square", null, null, null),
                Reason.UNSUPPORTED_TYPE, "media.type.svg", "file");
    }

    @Test
    void anHtmlPageIsRefusedAsMarkup() {
        assertRefused(() -> uploads.acceptImage(new ByteArrayInputStream(TestFiles.html()), "photo", null, null,
                null), Reason.UNSUPPORTED_TYPE, "media.type.markup", "file");
    }

    @Test
    void aPngClaimingFiftyThousandPixelsASideIsRefusedFromItsHeader() {
        // 2.5 billion pixels: decoding would need 10 GB. The header alone is enough to refuse it.
        assertRefused(() -> uploads.acceptImage(TestFiles.pngHeaderOnly(50_000, 50_000), "huge", null, null, null),
                Reason.TOO_LARGE, "media.image.too-many-pixels", "file");
        // Under the side limit but over the pixel count, too.
        assertRefused(() -> uploads.acceptImage(TestFiles.pngHeaderOnly(9_000, 9_000), "big", null, null, null),
                Reason.TOO_LARGE, "media.image.too-many-pixels", "file");
    }

    @Test
    void truncatedImagesAreRefusedAsUnreadable() {
        byte[] jpeg = TestFiles.uniqueJpeg(800, 600);
        assertRefused(() -> uploads.acceptImage(Arrays.copyOf(jpeg, jpeg.length / 2), "cut", null, null, null),
                Reason.UNREADABLE, "media.image.unreadable", "file");
        byte[] png = TestFiles.png(300, 200, false);
        assertRefused(() -> uploads.acceptImage(Arrays.copyOf(png, png.length - 40), "cut", null, null, null),
                Reason.UNREADABLE, "media.image.unreadable", "file");
        // A valid header with nothing after it.
        assertRefused(() -> uploads.acceptImage(TestFiles.pngHeaderOnly(100, 100), "empty", null, null, null),
                Reason.UNREADABLE, "media.image.unreadable", "file");
    }

    @Test
    void imagesNeedAltTextAndFitTheByteLimit() {
        assertRefused(() -> uploads.acceptImage(TestFiles.jpeg(64, 64), "  ", "caption", null, null),
                Reason.MISSING_OR_INVALID_FIELD, "media.image.alt-required", "alt");
        byte[] big = new byte[(int) uploads.limits().maxImageBytes().toBytes() + 1];
        System.arraycopy(TestFiles.jpeg(64, 64), 0, big, 0, 100);
        assertRefused(() -> uploads.acceptImage(new ByteArrayInputStream(big), "big", null, null, null),
                Reason.TOO_LARGE, "media.file.too-large", "file");
        assertRefused(() -> uploads.acceptImage(TestFiles.jpeg(64, 64), "x".repeat(1001), null, null, null),
                Reason.MISSING_OR_INVALID_FIELD, "media.field.too-long", "alt");
    }

    /** Found by the XSS corpus: a NUL in a caption reached PostgreSQL, which cannot store it (a server error). */
    @Test
    void textsWithControlOrReorderingCharactersAreRefused() {
        assertRefused(() -> uploads.acceptImage(TestFiles.jpeg(64, 64), "nul\u0000byte", null, null, null),
                Reason.MISSING_OR_INVALID_FIELD, "media.field.control", "alt");
        assertRefused(() -> uploads.acceptImage(TestFiles.jpeg(64, 64), "alt", "bell\u0007", null, null),
                Reason.MISSING_OR_INVALID_FIELD, "media.field.control", "caption");
        assertRefused(() -> uploads.acceptImage(TestFiles.jpeg(64, 64), "alt", null, "\u202Egnp.exe", null),
                Reason.MISSING_OR_INVALID_FIELD, "media.field.control", "credit");
        assertRefused(() -> uploads.acceptImage(TestFiles.jpeg(64, 64), "alt\uFFFF", null, null, null),
                Reason.MISSING_OR_INVALID_FIELD, "media.field.control", "alt");
    }

    @Test
    void aTextFileIsNotAVideo() {
        byte[] text = "This is not a video, whatever its name (clip.mp4) says.".getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> uploads.acceptVideo(new ByteArrayInputStream(text), "Clip", null, null, null, null),
                Reason.UNSUPPORTED_TYPE, "media.type.unsupported", "file");
        assertRefused(() -> uploads.acceptVideo(new ByteArrayInputStream(TestFiles.jpeg(32, 32)), "Clip", null, null,
                null, null), Reason.UNSUPPORTED_TYPE, "media.type.video-expected", "file");
        byte[] mp4 = readDemoVideo();
        assertRefused(() -> uploads.acceptVideo(new ByteArrayInputStream(Arrays.copyOf(mp4, 40)), "Clip", null,
                null, null, null), Reason.UNREADABLE, "media.video.no-duration", "file");
    }

    @Test
    void invalidCaptionsRefuseTheWholeVideoWithItsPoster() {
        byte[] srt = "1\n00:00:01,000 --> 00:00:02,000\nHello\n".getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> uploads.acceptVideo(demoVideo(), "The tower", TestFiles.uniqueJpeg(640, 360), srt,
                "en", null), Reason.UNSUPPORTED_TYPE, "media.captions.not-webvtt", "captions");
        assertRefused(() -> uploads.acceptVideo(demoVideo(), "The tower", TestFiles.uniqueJpeg(640, 360),
                TestFiles.vtt(), null, null), Reason.MISSING_OR_INVALID_FIELD, "media.captions.language-required",
                "captionsLang");
        assertRefused(() -> uploads.acceptVideo(demoVideo(), "The tower", TestFiles.svgWithScript(), null, null,
                null), Reason.UNSUPPORTED_TYPE, "media.type.svg", "poster");
        assertRefused(() -> uploads.acceptVideo(demoVideo(), " ", null, null, null, null),
                Reason.MISSING_OR_INVALID_FIELD, "media.video.title-required", "title");
    }

    @Test
    void aJpegIsReEncodedUprightWithoutItsExifAndWithRenditions() throws IOException {
        byte[] upload = TestFiles.jpegWithExif(2000, 1000, 6); // taken with the camera turned clockwise
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("Exif", "SECRETCAMERA");

        MediaItem item = uploads.acceptImage(upload, "  A gradient  ", "Caption", "Shortwave", null);

        assertThat(item.isImage()).isTrue();
        assertThat(item.altText()).isEqualTo("A gradient");
        assertThat(item.contentType()).isEqualTo("image/jpeg");
        assertThat(item.filePath()).matches("[0-9a-f]{2}/[0-9a-f]{64}\\.jpg");
        assertThat(item.width()).isEqualTo(1000);
        assertThat(item.height()).isEqualTo(2000);
        byte[] stored = Files.readAllBytes(properties.mediaDir().resolve(item.filePath()));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif", "SECRETCAMERA");
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(upright.getWidth()).isEqualTo(1000);
        assertThat(new Color(upright.getRGB(990, 10)).getRed()).isGreaterThan(200); // the red corner, turned

        assertThat(item.renditions()).extracting(Rendition::width).containsExactly(320, 640, 960);
        for (Rendition r : item.renditions()) {
            assertThat(r.height()).isEqualTo(r.width() * 2);
            BufferedImage copy = ImageIO.read(properties.mediaDir().resolve(r.filePath()).toFile());
            assertThat(copy.getWidth()).isEqualTo(r.width());
            assertThat(copy.getHeight()).isEqualTo(r.height());
        }
        assertThat(item.srcset()).endsWith(item.url() + " 1000w").contains(" 320w, ");
    }

    @Test
    void transparentImagesStayPngAndOpaqueOnesBecomeJpeg() {
        MediaItem transparent = uploads.acceptImage(TestFiles.png(700, 300, true), "Logo", null, null, null);
        assertThat(transparent.contentType()).isEqualTo("image/png");
        assertThat(transparent.renditions()).extracting(Rendition::width).containsExactly(320, 640);
        assertThat(transparent.renditions()).extracting(Rendition::contentType).containsOnly("image/png");

        MediaItem opaque = uploads.acceptImage(TestFiles.png(200, 100, false), "Chart", null, null, null);
        assertThat(opaque.contentType()).isEqualTo("image/jpeg");
        assertThat(opaque.renditions()).isEmpty(); // never scaled up
        assertThat(opaque.srcset()).isNull();

        byte[] gif = TestFiles.write(TestFiles.picture(400, 200, false), "gif");
        assertThat(uploads.acceptImage(gif, "Animation frame", null, null, null).contentType())
                .isEqualTo("image/jpeg");
    }

    @Test
    void aVideoGetsItsLengthFromTheFileWithPosterAndCaptions() {
        MediaItem video = uploads.acceptVideo(demoVideo(), "The tower at dawn", TestFiles.uniqueJpeg(1280, 720),
                TestFiles.vtt(), "zh-hans", null);

        assertThat(video.isVideo()).isTrue();
        assertThat(video.durationSeconds()).isEqualTo(24);
        assertThat(video.contentType()).isEqualTo("video/mp4");
        assertThat(video.title()).isEqualTo("The tower at dawn");
        assertThat(video.captionsLang()).isEqualTo("zh-Hans");
        assertThat(properties.mediaDir().resolve(video.captionsPath())).exists();
        assertThat(properties.mediaDir().resolve(video.filePath())).hasBinaryContent(readDemoVideo());
        MediaItem poster = jdbc.sql("select id from media where id = ?").param(video.posterId()).query(Long.class)
                .optional().flatMap(id -> library.find(id)).orElseThrow();
        assertThat(poster.altText()).isEmpty();
        assertThat(poster.renditions()).extracting(Rendition::width).containsExactly(320, 640, 960);
    }

    @Test
    void aWebmGetsItsLengthFromItsSegmentInfo() {
        MediaItem video = uploads.acceptVideo(new ByteArrayInputStream(VideoDurationTest.webm(101_000.0)), "Clip",
                null, null, null, null);
        assertThat(video.contentType()).isEqualTo("video/webm");
        assertThat(video.durationSeconds()).isEqualTo(101);
        assertThat(video.posterId()).isNull();
    }

    @Autowired
    MediaLibrary library;

    @Test
    void whenTheTransactionRollsBackTheFilesItWroteAreRemoved() {
        Stored before = stored();
        MediaItem[] inside = new MediaItem[1];
        transaction.executeWithoutResult(status -> {
            inside[0] = uploads.acceptImage(TestFiles.uniqueJpeg(1000, 500), "Rolled back", null, null, null);
            assertThat(properties.mediaDir().resolve(inside[0].filePath())).exists();
            status.setRollbackOnly();
        });
        assertThat(properties.mediaDir().resolve(inside[0].filePath())).doesNotExist();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void filesSharedWithAnotherItemSurviveTheRollback() {
        byte[] jpeg = TestFiles.uniqueJpeg(700, 400);
        MediaItem kept = uploads.acceptImage(jpeg, "Kept", null, null, null);
        transaction.executeWithoutResult(status -> {
            uploads.acceptImage(jpeg, "Same picture, other words", null, null, null);
            status.setRollbackOnly();
        });
        assertThat(properties.mediaDir().resolve(kept.filePath())).exists();
        List<String> renditions = kept.renditions().stream().map(Rendition::filePath).toList();
        assertThat(renditions).isNotEmpty().allSatisfy(p -> assertThat(properties.mediaDir().resolve(p)).exists());
    }

    private static byte[] readDemoVideo() {
        try {
            return Files.readAllBytes(VideoDurationTest.DEMO_MP4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
