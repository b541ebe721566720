package org.shortwave.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Media files on the local disk under {@code shortwave.data-dir/media}. Files arrive through one atomic rename from
 * the incoming directory beside it (same file system), so a reader never sees part of a file.
 */
public final class LocalMediaStore implements MediaStore {

    private final Path root;

    public LocalMediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public boolean put(String key, Path file, String contentType) throws IOException {
        Path target = resolve(key);
        if (Files.exists(target)) {
            Files.deleteIfExists(file);
            return false;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(file); // the same bytes arrived meanwhile
            return false;
        }
        return true;
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public Optional<Long> size(String key) throws IOException {
        try {
            return Optional.of(Files.size(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream read(String key, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(resolve(key));
        channel.position(offset);
        InputStream in = Channels.newInputStream(channel);
        return new BoundedInputStream(in, length);
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public Optional<URI> publicUrl(String key) {
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "local disk " + root;
    }

    /** The file of a key, refusing any key that would lead outside the media directory. */
    Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("not a media key: " + key);
        }
        return path;
    }

    /** At most {@code remaining} bytes of a stream. */
    static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
