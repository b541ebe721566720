package org.shortwave.media.web;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import org.shortwave.accounts.Account;
import org.shortwave.accounts.Accounts;
import org.shortwave.accounts.AuditLog;
import org.shortwave.i18n.Messages;
import org.shortwave.media.FileType;
import org.shortwave.media.MediaItem;
import org.shortwave.media.MediaLibrary;
import org.shortwave.media.MediaUploads;
import org.shortwave.media.RejectedUploadException;
import org.shortwave.media.RejectedUploadException.Reason;
import org.shortwave.platform.Refusal;
import org.shortwave.platform.web.RefusalStatus;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The newsroom's upload endpoint: {@code POST /admin/media}, multipart, for signed-in users with the CSRF token (as
 * the {@code X-CSRF-TOKEN} header or the {@code _csrf} field). Whether the file is an image or a video is told
 * by its bytes. Answers 201 with the stored item as JSON, or a 4xx JSON error naming the field at fault and the
 * reason in the user's language. Each upload is written to the audit log ({@code media.uploaded}).
 */
@RestController
class MediaAdminController {

    private final MediaUploads uploads;
    private final MediaLibrary library;
    private final Messages messages;
    private final Accounts accounts;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    MediaAdminController(MediaUploads uploads, MediaLibrary library, Messages messages, Accounts accounts,
            AuditLog audit, TransactionTemplate transaction) {
        this.uploads = uploads;
        this.library = library;
        this.messages = messages;
        this.accounts = accounts;
        this.audit = audit;
        this.transaction = transaction;
    }

    @PostMapping(path = {"/admin/media", "/api/admin/v1/media"}, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<UploadedMedia> upload(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String alt, @RequestParam(required = false) String caption,
            @RequestParam(required = false) String credit, @RequestParam(required = false) String title,
            @RequestParam(required = false) MultipartFile poster,
            @RequestParam(required = false) MultipartFile captions,
            @RequestParam(required = false) String captionsLang, @RequestParam(required = false) String edition,
            Principal user) throws IOException {
        Account actor = accounts.findByEmail(user.getName()).orElseThrow();
        String owner = owningEdition(actor, edition);
        MediaItem item = store(file, alt, caption, credit, title, poster, captions, captionsLang, actor, owner);
        return ResponseEntity.status(HttpStatus.CREATED).body(json(item));
    }

    /**
     * Stores an upload (an image, or a video with its poster and captions, told apart by the file's bytes) and
     * audits it, in one transaction; throws {@link RejectedUploadException} for anything refused.
     */
    MediaItem store(MultipartFile file, String alt, String caption, String credit, String title,
            MultipartFile poster, MultipartFile captions, String captionsLang, Account actor, String owner)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new RejectedUploadException(Reason.MISSING_OR_INVALID_FIELD, MediaUploads.FILE,
                    file == null ? "media.file.missing" : "media.file.empty");
        }
        boolean video = isVideo(file);
        byte[] posterBytes = video ? bytes(poster, uploads.limits().maxImageBytes().toBytes()) : null;
        byte[] captionsBytes = video ? bytes(captions, uploads.limits().maxCaptionsBytes().toBytes()) : null;
        try (InputStream in = file.getInputStream()) {
            // The item and its audit entry exist together or not at all.
            return transaction.execute(status -> {
                MediaItem stored = video
                        ? uploads.acceptVideo(in, title, posterBytes, captionsBytes, captionsLang, null)
                        : uploads.acceptImage(in, alt, caption, credit, null);
                library.assignOwner(stored.id(), owner, actor.id());
                audit.record(actor, "media.uploaded", "media", stored.id(), stored.contentType());
                return stored;
            });
        }
    }

    /**
     * The edition an upload belongs to (docs/media.md): the one named, where the user holds a role (admins: any);
     * else the user's only edition; else none (the uploader and admins see it until a story uses it).
     */
    static String owningEdition(Account actor, String edition) {
        if (edition != null && !edition.isBlank()) {
            String code = edition.strip();
            if (!actor.admin() && actor.roleIn(code).isEmpty()) {
                throw new Refusal(Refusal.Kind.NOT_ALLOWED, "edition", "media.edition.not-allowed", code);
            }
            return code;
        }
        return actor.roles().size() == 1 ? actor.roles().keySet().iterator().next() : null;
    }

    /** An item's text and files: only for a user who may see it (docs/media.md); to anyone else it does not exist. */
    @GetMapping({"/admin/media/{id}", "/api/admin/v1/media/{id}"})
    ResponseEntity<UploadedMedia> show(@PathVariable long id, Principal user) {
        Account viewer = accounts.findByEmail(user.getName()).orElse(null);
        return library.findVisibleTo(viewer, id).map(item -> ResponseEntity.ok(json(item)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<UploadError> refused(Refusal e) {
        return UploadError.of(RefusalStatus.of(e).value(), e.messageKey(),
                messages.forLocale(LocaleContextHolder.getLocale()).format(e.messageKey(), e.args()), e.field());
    }

    @ExceptionHandler(RejectedUploadException.class)
    ResponseEntity<UploadError> refused(RejectedUploadException e) {
        return UploadError.of(e, messages.forLocale(LocaleContextHolder.getLocale()));
    }

    private UploadedMedia json(MediaItem item) {
        MediaItem poster = item.posterId() == null ? null : library.find(item.posterId()).orElse(null);
        return UploadedMedia.of(item, poster);
    }

    private static boolean isVideo(MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return FileType.sniff(in.readNBytes(FileType.HEAD_BYTES)).isVideo();
        }
    }

    /** The part's bytes, at most one past the limit (so that the service sees it is too large); null if absent. */
    private static byte[] bytes(MultipartFile part, long max) throws IOException {
        if (part == null || part.isEmpty()) {
            return null;
        }
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
    }

    /** What the editor gets back: the item, its URLs and its renditions. */
    record UploadedMedia(long id, String kind, String url, String contentType, long byteSize, Integer width,
            Integer height, String altText, String caption, String credit, String title, Integer durationSeconds,
            String posterUrl, String captionsUrl, String captionsLang, String srcset, List<RenditionJson> renditions) {

        static UploadedMedia of(MediaItem item, MediaItem poster) {
            return new UploadedMedia(item.id(), item.kind(), item.url(), item.contentType(), item.byteSize(),
                    item.width(), item.height(), item.altText(), item.caption(), item.credit(), item.title(),
                    item.durationSeconds(), poster == null ? null : poster.url(), item.captionsUrl(),
                    item.captionsLang(), item.srcset(),
                    item.renditions().stream().map(r -> new RenditionJson(r.width(), r.height(), r.url())).toList());
        }
    }

    record RenditionJson(int width, int height, String url) {
    }
}
