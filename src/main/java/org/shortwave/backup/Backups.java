package org.shortwave.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.shortwave.backup.internal.DatabaseDump;
import org.shortwave.backup.internal.DatabaseDump.Fingerprint;
import org.shortwave.media.MediaLibrary;
import org.shortwave.media.MediaStore;
import org.shortwave.platform.ShortwaveProperties;
import org.shortwave.search.SearchIndexing;
import org.springframework.stereotype.Service;

/**
 * Backs up a whole installation into one ZIP archive and restores it into an empty one.
 *
 * <p>The archive holds {@code backup.properties} (format, schema version, tables in load order with their
 * fingerprints, media files with their SHA-256), {@code database/<table>.copy} (COPY text format) and
 * {@code media/<key>}. All tables are read in one REPEATABLE READ snapshot, so the rows agree with each other
 * as pg_dump's would; the list of media files is read in that same snapshot and the files are copied after it: they
 * are named by content and never change or go away while a row refers to them, so every file the rows name is in
 * the archive.
 */
@Service
public class Backups {

    public static final int FORMAT = 1;
    private static final String MANIFEST = "backup.properties";
    private static final Pattern MEDIA_KEY = Pattern.compile("[0-9a-f]{2}/([0-9a-f]{64})\\.[a-z0-9]{2,4}");
    /** Tables that hold anything an editor made: a restore refuses an installation with rows in any of them. */
    static final List<String> CONTENT_TABLES = List.of("article", "media", "app_user", "change_log");

    private final DataSource dataSource;
    private final MediaStore media;
    private final SearchIndexing search;
    private final ShortwaveProperties properties;
    private final Clock clock;

    Backups(DataSource dataSource, MediaStore media, SearchIndexing search, ShortwaveProperties properties,
            Clock clock) {
        this.dataSource = dataSource;
        this.media = media;
        this.search = search;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a backup holds. */
    public record BackupReport(Path archive, String schemaVersion, Map<String, Fingerprint> tables,
            List<String> mediaFiles, long bytes) {
    }

    /** What a restore loaded, and whether every table matched its fingerprint in the archive. */
    public record RestoreReport(String schemaVersion, Map<String, Fingerprint> tables, int mediaFiles,
            int indexedArticles) {
    }

    /** A backup or restore that cannot be done, with a message for the operator. */
    public static class BackupException extends RuntimeException {
        public BackupException(String message) {
            super(message);
        }

        BackupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public BackupReport backup(Path archive) {
        if (Files.exists(archive)) {
            throw new BackupException(archive + " exists already: choose a new file");
        }
        Path partial = archive.resolveSibling(archive.getFileName() + ".part");
        try {
            if (archive.toAbsolutePath().getParent() != null) {
                Files.createDirectories(archive.toAbsolutePath().getParent());
            }
            Properties manifest = new Properties();
            Map<String, Fingerprint> tables = new LinkedHashMap<>();
            List<String> files;
            try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
                String version;
                try (Connection connection = dataSource.getConnection()) {
                    DatabaseDump.beginSnapshot(connection);
                    version = DatabaseDump.schemaVersion(connection);
                    for (String table : DatabaseDump.tablesInLoadOrder(connection)) {
                        zip.putNextEntry(new ZipEntry("database/" + table + ".copy"));
                        long rows = DatabaseDump.copyOut(connection, table, new Unclosable(zip));
                        zip.closeEntry();
                        Fingerprint fingerprint = DatabaseDump.fingerprint(connection, table);
                        if (fingerprint.rows() != rows) {
                            throw new BackupException("table " + table + " changed within the snapshot");
                        }
                        tables.put(table, fingerprint);
                    }
                    files = mediaFiles(connection);
                    connection.commit();
                }
                // After the snapshot: the files are immutable and stay while rows name them.
                List<String> hashes = new ArrayList<>();
                for (String key : files) {
                    zip.putNextEntry(new ZipEntry("media/" + key));
                    hashes.add(copyMedia(key, zip));
                    zip.closeEntry();
                }
                manifest.setProperty("format", String.valueOf(FORMAT));
                manifest.setProperty("created-at", clock.instant().toString());
                manifest.setProperty("schema-version", version);
                manifest.setProperty("tables", String.join(",", tables.keySet()));
                tables.forEach((t, f) -> manifest.setProperty("table." + t, f.toString()));
                manifest.setProperty("media-files", String.valueOf(files.size()));
                zip.putNextEntry(new ZipEntry(MANIFEST));
                manifest.store(new Unclosable(zip), "Shortwave backup");
                zip.closeEntry();
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            return new BackupReport(archive, manifest.getProperty("schema-version"), tables, files,
                    Files.size(archive));
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new BackupException("could not write " + archive + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw new BackupException("could not read the database: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    /**
     * Restores an archive into this installation, which must be empty (no articles, media, users or changes) and on
     * the schema version the archive was made with. Media files go into the store first (each checked against its
     * hash), then all tables in one transaction; then this node's search index is rebuilt.
     */
    public RestoreReport restore(Path archive) {
        if (!Files.isRegularFile(archive)) {
            throw new BackupException(archive + " is not a file");
        }
        try (ZipFile zip = new ZipFile(archive.toFile(), StandardCharsets.UTF_8)) {
            Properties manifest = manifest(zip);
            List<String> tables = List.of(manifest.getProperty("tables", "").split(","));
            try (Connection connection = dataSource.getConnection()) {
                DatabaseDump.beginRestore(connection);
                String here = DatabaseDump.schemaVersion(connection);
                String there = manifest.getProperty("schema-version");
                if (!here.equals(there)) {
                    throw new BackupException("the backup has schema version " + there + ", this installation "
                            + here + ": restore with the Shortwave version that made the backup, then upgrade");
                }
                refuseUnlessEmpty(connection);
                connection.rollback();
            }

            int files = restoreMedia(zip);

            Map<String, Fingerprint> loaded = new LinkedHashMap<>();
            try (Connection connection = dataSource.getConnection()) {
                DatabaseDump.beginRestore(connection);
                refuseUnlessEmpty(connection); // again, inside the transaction that writes
                DatabaseDump.truncate(connection, tables);
                for (String table : tables) {
                    ZipEntry entry = zip.getEntry("database/" + table + ".copy");
                    if (entry == null) {
                        throw new BackupException("the archive lacks table " + table);
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        DatabaseDump.copyIn(connection, table, in);
                    }
                    Fingerprint expected = Fingerprint.parse(manifest.getProperty("table." + table));
                    Fingerprint actual = DatabaseDump.fingerprint(connection, table);
                    if (!expected.equals(actual)) {
                        throw new BackupException("table " + table + " restored as " + actual + ", the backup says "
                                + expected + ": the archive is damaged");
                    }
                    loaded.put(table, actual);
                }
                DatabaseDump.resetSequences(connection);
                connection.commit();
            }
            int indexed = search.rebuild(done -> { });
            return new RestoreReport(manifest.getProperty("schema-version"), loaded, files, indexed);
        } catch (IOException e) {
            throw new BackupException("could not read " + archive + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new BackupException("the database refused the restore (nothing of it was kept): " + e.getMessage(),
                    e);
        }
    }

    private static Properties manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new BackupException("not a Shortwave backup: " + MANIFEST + " is missing");
        }
        Properties manifest = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
            manifest.load(in);
        }
        if (!String.valueOf(FORMAT).equals(manifest.getProperty("format"))) {
            throw new BackupException("backup format " + manifest.getProperty("format") + " is not known here");
        }
        return manifest;
    }

    private static void refuseUnlessEmpty(Connection connection) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String table : CONTENT_TABLES) {
            long rows = DatabaseDump.count(connection, table);
            if (rows > 0) {
                found.add(rows + " rows in " + table);
            }
        }
        if (!found.isEmpty()) {
            throw new BackupException("this installation is not empty (" + String.join(", ", found)
                    + "): restore into a new data directory or an empty database");
        }
    }

    private int restoreMedia(ZipFile zip) throws IOException {
        Path incoming = Files.createDirectories(properties.dataDir().resolve("incoming"));
        int count = 0;
        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
            if (!entry.getName().startsWith("media/") || entry.isDirectory()) {
                continue;
            }
            String key = entry.getName().substring("media/".length());
            Matcher name = MEDIA_KEY.matcher(key);
            if (!name.matches()) {
                throw new BackupException("unexpected file in the archive: " + entry.getName());
            }
            Path temp = Files.createTempFile(incoming, "restore-", ".tmp");
            try {
                MessageDigest sha256 = sha256();
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha256)) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                if (!HexFormat.of().formatHex(sha256.digest()).equals(name.group(1))) {
                    throw new BackupException("media file " + key + " in the archive does not match its hash");
                }
                media.put(key, temp, MediaLibrary.contentTypeOf(key).orElse("application/octet-stream"));
                count++;
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return count;
    }

    /** Every file the media rows name, read in the backup's snapshot. */
    private static List<String> mediaFiles(Connection connection) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select file_path from media union select captions_path from media where captions_path is not null
                     union select file_path from media_rendition order by 1""")) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    /** Copies a stored file into the archive, checking it against the hash in its name; returns the hash. */
    private String copyMedia(String key, OutputStream out) throws IOException {
        Matcher name = MEDIA_KEY.matcher(key);
        long size = media.size(key).orElseThrow(() -> new BackupException("media file " + key
                + " is named by the database but missing from " + media.describe()));
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(media.read(key, 0, size), sha256)) {
            in.transferTo(out);
        }
        String hash = HexFormat.of().formatHex(sha256.digest());
        if (name.matches() && !hash.equals(name.group(1))) {
            throw new BackupException("media file " + key + " in " + media.describe() + " does not match its hash");
        }
        return hash;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets COPY and Properties write into the current ZIP entry without closing the archive. */
    private static final class Unclosable extends java.io.FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
