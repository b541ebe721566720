package org.shortwave.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The mirror's folder: writes a file only when its bytes differ from what is there (so a re-run touches only what
 * changed and an rsync or static server sees only real changes), and removes what a run no longer wrote.
 */
final class MirrorFiles {

    private final Path root;
    private final Set<String> kept = new HashSet<>();
    private int written;
    private int unchanged;

    MirrorFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    void write(String relativePath, byte[] bytes) {
        Path target = resolve(relativePath);
        kept.add(relativePath);
        try {
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                    && Arrays.equals(Files.readAllBytes(target), bytes)) {
                unchanged++;
                return;
            }
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".mirror-", ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
    }

    boolean has(String relativePath) {
        return kept.contains(relativePath);
    }

    /** Removes files under the given top-level folders that this run did not write; returns how many. */
    int removeStale(List<String> folders) {
        int removed = 0;
        for (String folder : folders) {
            Path dir = resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    if (Files.isRegularFile(file) && !kept.contains(relative)) {
                        Files.delete(file);
                        removed++;
                    } else if (Files.isDirectory(file) && !file.equals(dir)) {
                        try (Stream<Path> children = Files.list(file)) {
                            if (children.findAny().isEmpty()) {
                                Files.delete(file);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not clean " + dir, e);
            }
        }
        return removed;
    }

    int written() {
        return written;
    }

    int unchanged() {
        return unchanged;
    }

    private Path resolve(String relativePath) {
        Path target = root.resolve(relativePath).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("path leaves the mirror: " + relativePath);
        }
        return target;
    }
}
