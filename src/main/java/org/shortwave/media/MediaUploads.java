package org.shortwave.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import io.micrometer.core.instrument.MeterRegistry;
import org.shortwave.media.ImageReencoder.Encoded;
import org.shortwave.media.RejectedUploadException.Reason;
import org.shortwave.platform.FaultPoints;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Takes uploads into the media library, or refuses them with a {@link RejectedUploadException} that says why.
 *
 * <p>Every check runs before anything is stored: the type is told by the file's first bytes, sizes are checked
 * before decoding, images are decoded and written anew (see {@link ImageReencoder}), captions must be WebVTT and a
 * video's length must be readable from it. Only then are files moved to names the server makes (their SHA-256)
 * and rows written, in the caller's transaction; if that transaction rolls back, the files it created are removed
 * again (unless another item shares them), so a refused or failed upload leaves nothing behind.
 */
@Service
public class MediaUploads {

    public static final String FILE = "file";
    public static final String ALT = "alt";
    public static final String CAPTION = "caption";
    public static final String CREDIT = "credit";
    public static final String TITLE = "title";
    public static final String POSTER = "poster";
    public static final String CAPTIONS = WebVtt.FIELD;
    public static final String CAPTIONS_LANG = "captionsLang";

    /** Accepted formats, as refusals name them. */
    static final List<String> IMAGE_FORMATS = List.of("JPEG", "PNG", "WebP", "GIF");
    static final List<String> VIDEO_FORMATS = List.of("MP4", "WebM");

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}");

    private final MediaLibrary library;
    private final MediaLimits limits;
    private final ImageReencoder images;

    private final MeterRegistry metrics;

    MediaUploads(MediaLibrary library, MediaLimits limits, MeterRegistry metrics) {
        this.library = library;
        this.limits = limits;
        this.images = new ImageReencoder(limits);
        this.metrics = metrics;
    }

    /** Counts a refusal by reason ({@code shortwave.media.upload.rejections}) and passes it on. */
    private RejectedUploadException counted(RejectedUploadException e) {
        metrics.counter("shortwave.media.upload.rejections", "reason", e.reason().name().toLowerCase(Locale.ROOT))
                .increment();
        return e;
    }

    public MediaLimits limits() {
        return limits;
    }

    /** An image for articles: JPEG, PNG, WebP or GIF, with alt text (required), caption and credit. */
    @Transactional
    public MediaItem acceptImage(InputStream in, String altText, String caption, String credit, String sourceKey) {
        byte[] bytes;
        try {
            bytes = readAtMost(in, limits.maxImageBytes().toBytes(), FILE);
        } catch (RejectedUploadException e) {
            throw counted(e);
        }
        return acceptImage(bytes, altText, caption, credit, sourceKey);
    }

    /** As {@link #acceptImage(InputStream, String, String, String, String)}, from bytes in memory. */
    @Transactional
    public MediaItem acceptImage(byte[] bytes, String altText, String caption, String credit, String sourceKey) {
        try {
            return image(bytes, altText, caption, credit, sourceKey);
        } catch (RejectedUploadException e) {
            throw counted(e);
        }
    }

    private MediaItem image(byte[] bytes, String altText, String caption, String credit, String sourceKey) {
        FileType type = imageType(bytes, FILE); // what the file is comes first: alt text for HTML would not help
        String alt = text(altText, ALT, 1000);
        if (alt == null) {
            throw new RejectedUploadException(Reason.MISSING_OR_INVALID_FIELD, ALT, "media.image.alt-required");
        }
        ImageReencoder.Result image = images.reencode(bytes, type, FILE);
        List<String> created = removeOnRollback();
        long id = storeImage(image, alt, text(caption, CAPTION, 1000), text(credit, CREDIT, 300), sourceKey, created);
        return library.find(id).orElseThrow();
    }

    /**
     * A decorative image, such as a video's poster: no alt text, since the video's title names what it shows and
     * the poster is not read out on its own.
     */
    @Transactional
    public MediaItem acceptPoster(byte[] bytes, String sourceKey) {
        ImageReencoder.Result image;
        try {
            image = reencode(bytes, POSTER);
        } catch (RejectedUploadException e) {
            throw counted(e);
        }
        long id = storeImage(image, "", null, null, sourceKey, removeOnRollback());
        return library.find(id).orElseThrow();
    }

    /**
     * A video (MP4 or WebM) with its title, an optional poster image and optional WebVTT captions in
     * {@code captionsLang}. Its length is read from the file; a video whose length cannot be read is refused.
     */
    @Transactional
    public MediaItem acceptVideo(InputStream video, String title, byte[] poster, byte[] captions,
            String captionsLang, String sourceKey) {
        try {
            return video(video, title, poster, captions, captionsLang, sourceKey);
        } catch (RejectedUploadException e) {
            throw counted(e);
        }
    }

    private MediaItem video(InputStream video, String title, byte[] poster, byte[] captions, String captionsLang,
            String sourceKey) {
        String videoTitle = text(title, TITLE, 300);
        if (videoTitle == null) {
            throw new RejectedUploadException(Reason.MISSING_OR_INVALID_FIELD, TITLE, "media.video.title-required");
        }
        String language = null;
        if (captions != null) {
            WebVtt.check(captions, limits.maxCaptionsBytes().toBytes());
            if (captionsLang == null || !LANGUAGE_TAG.matcher(captionsLang.strip()).matches()) {
                throw new RejectedUploadException(Reason.MISSING_OR_INVALID_FIELD, CAPTIONS_LANG,
                        "media.captions.language-required", "zh-Hans");
            }
            language = Locale.forLanguageTag(captionsLang.strip()).toLanguageTag();
        }
        ImageReencoder.Result posterImage = poster == null ? null : reencode(poster, POSTER);

        Path incoming = library.newIncomingFile();
        try {
            IncomingVideo checked = receiveVideo(video, incoming);
            List<String> created = removeOnRollback();
            Long posterId = posterImage == null ? null
                    : storeImage(posterImage, "", null, null, sourceKey == null ? null : sourceKey + "/poster",
                            created);
            StoredFile captionsFile = captions == null ? null : remember(library.store(captions, "vtt"), created);
            StoredFile file = remember(library.moveIntoPlace(incoming, checked.sha256(),
                    checked.type() == FileType.MP4 ? "mp4" : "webm", checked.byteSize()), created);
            long id = library.create(NewMedia.video(sourceKey, file, videoTitle, checked.seconds(), posterId,
                    captionsFile, language));
            return library.find(id).orElseThrow();
        } finally {
            MediaLibrary.deleteQuietly(incoming); // gone already when it was moved into place
        }
    }

    private record IncomingVideo(FileType type, String sha256, long byteSize, int seconds) {
    }

    /** Copies the upload to the incoming file (hashing it on the way), then checks its type and reads its length. */
    private IncomingVideo receiveVideo(InputStream video, Path incoming) {
        long max = limits.maxVideoBytes().toBytes();
        MessageDigest digest = sha256();
        long size;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(incoming), digest)) {
            size = copyAtMost(video, out, max);
        } catch (IOException e) {
            throw new RejectedUploadException(Reason.UNREADABLE, FILE, "media.upload.unreadable");
        }
        if (size > max) {
            throw tooLarge(max, FILE);
        }
        if (size == 0) {
            throw new RejectedUploadException(Reason.MISSING_OR_INVALID_FIELD, FILE, "media.file.empty");
        }
        FileType type = FileType.sniff(head(incoming));
        if (!type.isVideo()) {
            throw unsupported(type, FILE, "media.type.video-expected", VIDEO_FORMATS);
        }
        int seconds = VideoDuration.seconds(incoming, type).orElseThrow(() ->
                new RejectedUploadException(Reason.UNREADABLE, FILE, "media.video.no-duration"));
        return new IncomingVideo(type, HexFormat.of().formatHex(digest.digest()), size, seconds);
    }

    private ImageReencoder.Result reencode(byte[] bytes, String field) {
        return images.reencode(bytes, imageType(bytes, field), field);
    }

    /** The type of an image upload, after checking it is there, within the byte limit and of an accepted type. */
    private FileType imageType(byte[] bytes, String field) {
        if (bytes == null || bytes.length == 0) {
            throw new RejectedUploadException(Reason.MISSING_OR_INVALID_FIELD, field,
                    bytes == null ? "media.file.missing" : "media.file.empty");
        }
        long max = limits.maxImageBytes().toBytes();
        if (bytes.length > max) {
            throw tooLarge(max, field);
        }
        FileType type = FileType.sniff(bytes);
        if (!type.isAcceptedImage()) {
            throw unsupported(type, field, "media.type.image-expected", IMAGE_FORMATS);
        }
        return type;
    }

    private long storeImage(ImageReencoder.Result image, String alt, String caption, String credit,
            String sourceKey, List<String> created) {
        Encoded original = image.image();
        StoredFile file = remember(library.store(original.bytes(), original.extension()), created);
        long id = library.create(NewMedia.image(sourceKey, file, original.width(), original.height(), alt, caption,
                credit));
        for (Encoded copy : image.renditions()) {
            StoredFile stored = remember(library.store(copy.bytes(), copy.extension()), created);
            library.addRendition(id, new Rendition(copy.width(), copy.height(), stored.path(), stored.contentType(),
                    stored.byteSize()));
        }
        FaultPoints.reach(FaultPoints.UPLOAD_BEFORE_COMMIT);
        return id;
    }

    /**
     * The list of files this upload creates; if the transaction does not commit, they are deleted again (those no
     * committed row refers to: the same bytes may have been stored for another item meanwhile).
     */
    private List<String> removeOnRollback() {
        List<String> created = new ArrayList<>();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        created.forEach(library::deleteIfUnreferenced);
                    }
                }
            });
        }
        return created;
    }

    private static StoredFile remember(MediaLibrary.Written written, List<String> created) {
        if (written.created()) {
            created.add(written.file().path());
        }
        return written.file();
    }

    private static RejectedUploadException unsupported(FileType type, String field, String expectedKey,
            List<String> formats) {
        return switch (type) {
            case SVG -> new RejectedUploadException(Reason.UNSUPPORTED_TYPE, field, "media.type.svg", "SVG",
                    IMAGE_FORMATS);
            case HTML, XML -> new RejectedUploadException(Reason.UNSUPPORTED_TYPE, field, "media.type.markup");
            case UNKNOWN, PDF, EXECUTABLE -> new RejectedUploadException(Reason.UNSUPPORTED_TYPE, field,
                    "media.type.unsupported", IMAGE_FORMATS, VIDEO_FORMATS);
            default -> new RejectedUploadException(Reason.UNSUPPORTED_TYPE, field, expectedKey, formats);
        };
    }

    private static RejectedUploadException tooLarge(long max, String field) {
        return new RejectedUploadException(Reason.TOO_LARGE, field, "media.file.too-large", megabytes(max));
    }

    /** A size as refusals state it: {@code 20 MB}, {@code 512 KB}. */
    public static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    /** A text field stripped of surrounding space; null if blank; refused if longer than {@code max}. */
    /**
     * Control characters (line breaks and tabs aside), noncharacters and bidirectional overrides: they hide or
     * reorder text or make a page invalid, and PostgreSQL cannot store NUL at all (unchecked, it was a server
     * error). The rule of article text.
     */
    private static final Pattern HIDDEN =
            Pattern.compile("[\\u202A-\\u202E\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFFFE\\uFFFF]");

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            throw new RejectedUploadException(Reason.MISSING_OR_INVALID_FIELD, field, "media.field.too-long", max);
        }
        if (HIDDEN.matcher(stripped).find()) {
            throw new RejectedUploadException(Reason.MISSING_OR_INVALID_FIELD, field, "media.field.control");
        }
        return stripped;
    }

    private byte[] readAtMost(InputStream in, long max, String field) {
        if (in == null) {
            throw new RejectedUploadException(Reason.MISSING_OR_INVALID_FIELD, field, "media.file.missing");
        }
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw tooLarge(max, field);
            }
            return bytes;
        } catch (IOException e) {
            throw new RejectedUploadException(Reason.UNREADABLE, field, "media.upload.unreadable");
        }
    }

    /** Copies at most {@code max + 1} bytes, so that an oversized upload is noticed without reading all of it. */
    private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        if (in == null) {
            throw new RejectedUploadException(Reason.MISSING_OR_INVALID_FIELD, FILE, "media.file.missing");
        }
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total <= max && (n = in.read(buffer, 0, (int) Math.min(buffer.length, max + 1 - total))) > 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(FileType.HEAD_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
