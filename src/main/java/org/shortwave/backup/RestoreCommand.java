package org.shortwave.backup;

import java.nio.file.Path;
import java.util.List;
import org.shortwave.platform.cli.CliCommand;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar shortwave.jar restore --from FILE}: loads a backup into an empty installation (a new data
 * directory, or an empty database and bucket) and rebuilds the search index. Run it with no server on that data.
 */
@Component
class RestoreCommand implements CliCommand {

    private final Backups backups;

    RestoreCommand(Backups backups) {
        this.backups = backups;
    }

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public String summary() {
        return "--from FILE: restore a backup into an empty installation, then rebuild the search index";
    }

    @Override
    public int run(List<String> args) {
        String from = BackupCommand.value(args, "from");
        if (from == null) {
            System.err.println("restore: name the archive: restore --from FILE");
            return 2;
        }
        try {
            long started = System.nanoTime();
            Backups.RestoreReport report = backups.restore(Path.of(from));
            long rows = report.tables().values().stream().mapToLong(f -> f.rows()).sum();
            System.out.printf("restore: schema version %s, %d tables, %,d rows (each matching the backup), %,d media"
                    + " files, %,d articles indexed, in %.1f s%n", report.schemaVersion(), report.tables().size(),
                    rows, report.mediaFiles(), report.indexedArticles(), (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (Backups.BackupException e) {
            System.err.println("restore: " + e.getMessage());
            return 1;
        }
    }
}
