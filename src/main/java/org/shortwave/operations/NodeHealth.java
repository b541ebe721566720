package org.shortwave.operations;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.shortwave.media.MediaStore;
import org.shortwave.operations.HealthReport.Check;
import org.shortwave.operations.HealthReport.Status;
import org.shortwave.platform.ShortwaveProperties;
import org.shortwave.search.IndexHealth;
import org.shortwave.search.SearchIndexing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Checks the parts of this node an operator asks about first: the database, the search index against the
 * database, how far the node follows the change log, the disk under the data directory, and the media store.
 */
@Service
public class NodeHealth {

    /** Below this share of free space on the data directory's disk, the page warns. */
    static final double LOW_DISK = 0.10;
    /** A node more changes than this behind the change log is shown as lagging. */
    static final long LAGGING = 100;

    private final JdbcClient jdbc;
    private final SearchIndexing search;
    private final ChangeFeedProgress feed;
    private final MediaStore media;
    private final ShortwaveProperties properties;

    NodeHealth(JdbcClient jdbc, SearchIndexing search, ChangeFeedProgress feed, MediaStore media,
            ShortwaveProperties properties) {
        this.jdbc = jdbc;
        this.search = search;
        this.feed = feed;
        this.media = media;
        this.properties = properties;
    }

    public HealthReport check() {
        List<Check> checks = new ArrayList<>();
        checks.add(database());
        checks.add(searchIndex());
        checks.add(changeLog());
        checks.add(disk());
        checks.add(mediaStore());
        return new HealthReport(nodeName(), List.copyOf(checks));
    }

    private Check database() {
        long started = System.nanoTime();
        try {
            String version = jdbc.sql("show server_version").query(String.class).single();
            String schema = jdbc.sql("select version from flyway_schema_history where success and version is not null"
                    + " order by installed_rank desc limit 1").query(String.class).optional().orElse("-");
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Check("admin.health.database", Status.OK, "admin.health.database.detail",
                    List.of("PostgreSQL " + version, schema, millis));
        } catch (RuntimeException e) {
            return new Check("admin.health.database", Status.FAIL, "admin.health.error", List.of(e.getMessage()));
        }
    }

    private Check searchIndex() {
        try {
            IndexHealth health = search.health();
            return new Check("admin.health.search", health.healthy() ? Status.OK : Status.WARN,
                    "admin.health.search.detail", List.of(health.indexCount(), health.databaseCount(),
                    health.missingFromIndex().size(), health.notPublic().size(), health.appliedSeq(),
                    health.latestSeq()));
        } catch (RuntimeException e) {
            return new Check("admin.health.search", Status.FAIL, "admin.health.error", List.of(e.getMessage()));
        }
    }

    private Check changeLog() {
        try {
            ChangeFeedProgress.Lag lag = feed.lag();
            return new Check("admin.health.changelog", lag.behind() > LAGGING ? Status.WARN : Status.OK,
                    "admin.health.changelog.detail", List.of(lag.behind(), lag.deliveredSeq(), lag.latestSeq()));
        } catch (RuntimeException e) {
            return new Check("admin.health.changelog", Status.FAIL, "admin.health.error", List.of(e.getMessage()));
        }
    }

    private Check disk() {
        try {
            Path dir = properties.dataDir().toAbsolutePath();
            Files.createDirectories(dir);
            FileStore store = Files.getFileStore(dir);
            long free = store.getUsableSpace();
            long total = store.getTotalSpace();
            Status status = total > 0 && (double) free / total < LOW_DISK ? Status.WARN : Status.OK;
            return new Check("admin.health.disk", status, "admin.health.disk.detail",
                    List.of(dir.toString(), free / (1024 * 1024), total / (1024 * 1024)));
        } catch (IOException | RuntimeException e) {
            return new Check("admin.health.disk", Status.FAIL, "admin.health.error", List.of(String.valueOf(e)));
        }
    }

    private Check mediaStore() {
        try {
            media.exists("00/health-check"); // one round trip: is the store reachable and are we allowed in?
            return new Check("admin.health.media", Status.OK, "admin.health.media.detail", List.of(media.describe()));
        } catch (IOException | RuntimeException e) {
            return new Check("admin.health.media", Status.FAIL, "admin.health.error",
                    List.of(media.describe() + ": " + e.getMessage()));
        }
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + " (pid " + ProcessHandle.current().pid() + ")";
        } catch (IOException e) {
            return "pid " + ProcessHandle.current().pid();
        }
    }
}
