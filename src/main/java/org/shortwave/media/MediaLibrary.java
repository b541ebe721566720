package org.shortwave.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.shortwave.media.internal.MediaRepository;
import org.shortwave.platform.ShortwaveProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The media library: files on disk under {@code shortwave.data-dir}/media, named by content hash, and their
 * descriptions (alt text, caption, credit...) in the database.
 */
@Service
public class MediaLibrary {

    /** What the library stores, by file extension. */
    static final Map<String, String> CONTENT_TYPES = Map.of(
            "jpg", "image/jpeg", "png", "image/png", "webp", "image/webp",
            "mp4", "video/mp4", "webm", "video/webm", "vtt", "text/vtt");

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{2,4}");

    private final MediaRepository repository;
    private final Path mediaDir;

    MediaLibrary(MediaRepository repository, ShortwaveProperties properties) {
        this.repository = repository;
        this.mediaDir = properties.mediaDir();
    }

    /**
     * Stores bytes under a name made of their SHA-256, so the same file is stored once and a URL always means the
     * same bytes. The file is written to a temporary name first and moved into place, never left half-written.
     */
    public StoredFile storeFile(byte[] bytes, String extension) {
        String contentType = CONTENT_TYPES.get(extension);
        if (contentType == null || !EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("unsupported media file type: " + extension);
        }
        String hash = sha256(bytes);
        String path = hash.substring(0, 2) + "/" + hash + "." + extension;
        Path target = mediaDir.resolve(path);
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
                Files.write(temp, bytes);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store media file " + path, e);
        }
        return new StoredFile(path, contentType, bytes.length);
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
        return items.stream().collect(Collectors.toUnmodifiableMap(MediaItem::id, Function.identity()));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
