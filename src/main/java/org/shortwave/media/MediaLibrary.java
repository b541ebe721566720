package org.shortwave.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.shortwave.accounts.Account;
import org.shortwave.media.internal.MediaRepository;
import org.shortwave.platform.ShortwaveProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The media library: files in the {@link MediaStore} (local disk or a bucket), named by content hash, and their
 * descriptions (alt text, caption, credit...) and visibility in the database.
 */
@Service
public class MediaLibrary {

    /** What the library stores, by file extension. */
    static final Map<String, String> CONTENT_TYPES = Map.of(
            "jpg", "image/jpeg", "png", "image/png", "webp", "image/webp",
            "mp4", "video/mp4", "webm", "video/webm", "vtt", "text/vtt");

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{2,4}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Logger log = LoggerFactory.getLogger(MediaLibrary.class);

    private final MediaRepository repository;
    private final MediaStore files;
    private final Path incomingDir;
    private final java.time.Clock clock;

    MediaLibrary(MediaRepository repository, MediaStore files, ShortwaveProperties properties, java.time.Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.files = files;
        this.incomingDir = properties.dataDir().resolve("incoming");
        sweepIncoming();
    }

    /**
     * Stores bytes under a name made of their SHA-256, so the same file is stored once and a URL always means the
     * same bytes. The file is written to a temporary name first and moved into place, never left half-written.
     */
    public StoredFile storeFile(byte[] bytes, String extension) {
        return store(bytes, extension).file();
    }

    /** A stored file, and whether this call created it (rather than finding the same bytes stored already). */
    record Written(StoredFile file, boolean created) {
    }

    Written store(byte[] bytes, String extension) {
        if (!CONTENT_TYPES.containsKey(extension)) {
            throw new IllegalArgumentException("unsupported media file type: " + extension);
        }
        String hash = sha256(bytes);
        Path temp = newIncomingFile();
        try {
            Files.write(temp, bytes);
            return moveIntoPlace(temp, hash, extension, bytes.length);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("could not store media file", e);
        }
    }

    /**
     * Moves a fully written file from the incoming directory to its content-hash name in the store (in one step,
     * so no reader ever sees part of it), or deletes it if those bytes are stored already.
     */
    Written moveIntoPlace(Path incoming, String hash, String extension, long byteSize) {
        String contentType = CONTENT_TYPES.get(extension);
        if (contentType == null || !EXTENSION.matcher(extension).matches() || !HASH.matcher(hash).matches()) {
            deleteQuietly(incoming);
            throw new IllegalArgumentException("unsupported media file: " + hash + "." + extension);
        }
        String path = hash.substring(0, 2) + "/" + hash + "." + extension;
        try {
            boolean created = files.put(path, incoming, contentType);
            return new Written(new StoredFile(path, contentType, byteSize), created);
        } catch (IOException e) {
            deleteQuietly(incoming);
            throw new UncheckedIOException("could not store media file " + path, e);
        }
    }

    /**
     * A new empty file in the incoming directory, beside the media directory (same file system, so the final move
     * is atomic for the local store) but outside it, so that {@code /media/**} never serves a file that is still being checked.
     */
    Path newIncomingFile() {
        try {
            Files.createDirectories(incomingDir);
            return Files.createTempFile(incomingDir, "upload-", ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a file in " + incomingDir, e);
        }
    }

    /** Removes a stored file that no row refers to (one whose transaction rolled back). */
    void deleteIfUnreferenced(String path) {
        if (!repository.isReferenced(path)) {
            try {
                files.delete(path);
            } catch (IOException e) {
                log.warn("could not delete {}", path, e);
            }
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}", file, e);
        }
    }

    /** Incoming files older than a day belong to uploads that died with their process. */
    private void sweepIncoming() {
        if (!Files.isDirectory(incomingDir)) {
            return;
        }
        Instant cutoff = Instant.now().minus(Duration.ofDays(1));
        try (Stream<Path> files = Files.list(incomingDir)) {
            files.filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).toInstant().isBefore(cutoff);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(MediaLibrary::deleteQuietly);
        } catch (IOException e) {
            log.warn("could not sweep {}", incomingDir, e);
        }
    }

    @Transactional
    public long create(NewMedia media) {
        return repository.insert(media);
    }

    @Transactional(readOnly = true)
    public Optional<Long> findIdBySourceKey(String sourceKey) {
        return repository.findIdBySourceKey(sourceKey);
    }

    /** The newest items of a kind ({@code image} or {@code video}), for the editor's choices. */
    @Transactional(readOnly = true)
    public List<MediaItem> recent(String kind, int limit) {
        return repository.recent(kind, limit);
    }

    /** The items with these ids, and the posters of any videos among them, by id. */
    @Transactional(readOnly = true)
    public Map<Long, MediaItem> findWithPosters(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<MediaItem> items = repository.findWithPosters(Set.copyOf(ids));
        Map<Long, List<Rendition>> renditions = repository.renditions(
                items.stream().filter(MediaItem::isImage).map(MediaItem::id).collect(Collectors.toSet()));
        return items.stream().map(i -> i.withRenditions(renditions.get(i.id())))
                .collect(Collectors.toUnmodifiableMap(MediaItem::id, Function.identity()));
    }

    /** One item with its renditions. */
    @Transactional(readOnly = true)
    public Optional<MediaItem> find(long id) {
        return Optional.ofNullable(findWithPosters(Set.of(id)).get(id));
    }

    /**
     * The items this user may see and use, by the filter, newest first, with their renditions (docs/media.md):
     * admins see every item; anyone else the public ones, their own uploads, and the items that belong to an
     * edition where they hold a role (owned there, or shown by a story there). A disabled or missing account sees
     * nothing. The newsroom's library and picker list through this, and nothing else.
     */
    @Transactional(readOnly = true)
    public List<MediaItem> visibleTo(Account user, MediaFilter filter) {
        if (user == null || !user.enabled()) {
            return List.of();
        }
        List<MediaItem> items = repository.visibleTo(viewer(user), filter.kind(), filter.text(), filter.edition(),
                filter.offset(), filter.limit());
        Map<Long, List<Rendition>> renditions = repository.renditions(
                items.stream().filter(MediaItem::isImage).map(MediaItem::id).collect(Collectors.toSet()));
        return items.stream().map(i -> i.withRenditions(renditions.get(i.id()))).toList();
    }

    /** One item, if it exists and this user may see it (as {@link #visibleTo}). */
    @Transactional(readOnly = true)
    public Optional<MediaItem> findVisibleTo(Account user, long id) {
        return mayUse(user, Set.of(id)).contains(id) ? find(id) : Optional.empty();
    }

    /** Of these item ids, those that exist and that this user may see and use in a story (as {@link #visibleTo}). */
    @Transactional(readOnly = true)
    public Set<Long> mayUse(Account user, Collection<Long> ids) {
        if (user == null || !user.enabled() || ids.isEmpty()) {
            return Set.of();
        }
        return repository.seenBy(viewer(user), Set.copyOf(ids));
    }

    /** Whether this user may fetch the file at this path: some item holding it is one the user may see. */
    @Transactional(readOnly = true)
    public boolean mayFetch(Account user, String path) {
        return user != null && user.enabled() && repository.fileSeenBy(viewer(user), path);
    }

    /** The kind ({@code image} or {@code video}) of each of these items that exists, by id. */
    @Transactional(readOnly = true)
    public Map<Long, String> kinds(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : repository.kinds(Set.copyOf(ids));
    }

    /**
     * Gives an item (and its video's poster) its owning edition and uploader, unless it has them already: for the
     * upload endpoint and the demo loader, in the caller's transaction.
     */
    @Transactional
    public void assignOwner(long id, String editionCode, Long uploadedBy) {
        repository.setOwner(id, editionCode, uploadedBy);
    }

    private MediaRepository.Viewer viewer(Account user) {
        return new MediaRepository.Viewer(user.admin(), user.id(), user.roles().keySet(), clock.instant());
    }

    /** The store the files are in. */
    public MediaStore files() {
        return files;
    }

    /**
     * Whether readers may fetch the file at this path: empty when no item holds it, false while it is restricted (no
     * public article shows it). A restricted file that a public article shows by now (a scheduled story whose time
     * came before this node heard of it) turns public here.
     */
    @Transactional
    public Optional<Boolean> fileIsPublic(String path, Instant now) {
        Optional<Boolean> known = repository.fileIsPublic(path);
        if (known.isPresent() && !known.get()) {
            // Read again whatever the update did: a node's visibility listener may have made it public meanwhile
            // (then this update, waiting on its row lock, finds nothing restricted left to change).
            repository.publishFileIfShown(path, now);
            return repository.fileIsPublic(path);
        }
        return known;
    }

    /** Every stored file path, sorted. */
    @Transactional(readOnly = true)
    public List<String> allFilePaths() {
        return repository.allFilePaths();
    }

    void addRendition(long mediaId, Rendition rendition) {
        repository.insertRendition(mediaId, rendition);
    }

    /** The content type of a stored file by its extension, or empty for an extension the library never makes. */
    public static Optional<String> contentTypeOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(CONTENT_TYPES.get(path.substring(dot + 1)));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
