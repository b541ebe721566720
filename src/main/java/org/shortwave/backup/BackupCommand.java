package org.shortwave.backup;

import java.nio.file.Path;
import java.util.List;
import org.shortwave.platform.cli.CliCommand;
import org.springframework.stereotype.Component;

/** {@code java -jar shortwave.jar backup --to FILE}: the database and the media files in one archive. */
@Component
class BackupCommand implements CliCommand {

    private final Backups backups;

    BackupCommand(Backups backups) {
        this.backups = backups;
    }

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public String summary() {
        return "--to FILE: write the database and media files into one archive (see docs/operations.md)";
    }

    @Override
    public int run(List<String> args) {
        String to = BackupCommand.value(args, "to");
        if (to == null) {
            System.err.println("backup: say where to write the archive: backup --to FILE");
            return 2;
        }
        try {
            long started = System.nanoTime();
            Backups.BackupReport report = backups.backup(Path.of(to));
            long rows = report.tables().values().stream().mapToLong(f -> f.rows()).sum();
            System.out.printf("backup: %s written: schema version %s, %d tables, %,d rows, %,d media files, %,d bytes"
                    + " in %.1f s%n", report.archive(), report.schemaVersion(), report.tables().size(), rows,
                    report.mediaFiles().size(), report.bytes(), (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (Backups.BackupException e) {
            System.err.println("backup: " + e.getMessage());
            return 1;
        }
    }

    /** An option as {@code --name=value} or {@code --name value}. */
    static String value(List<String> args, String name) {
        String inline = CliCommand.option(args, name);
        if (inline != null) {
            return inline.isBlank() ? null : inline;
        }
        int at = args.indexOf("--" + name);
        return at >= 0 && at + 1 < args.size() && !args.get(at + 1).startsWith("--") ? args.get(at + 1) : null;
    }
}
