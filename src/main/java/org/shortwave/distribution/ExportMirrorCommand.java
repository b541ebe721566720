package org.shortwave.distribution;

import java.nio.file.Path;
import java.util.List;
import org.shortwave.platform.cli.CliCommand;
import org.springframework.stereotype.Component;

/** {@code java -jar shortwave.jar export-mirror --out=DIR [--edition=zh-hans]}: see docs/mirror.md. */
@Component
class ExportMirrorCommand implements CliCommand {

    private final MirrorExport export;

    ExportMirrorCommand(MirrorExport export) {
        this.export = export;
    }

    @Override
    public String name() {
        return "export-mirror";
    }

    @Override
    public String summary() {
        return "write a static mirror of one or all editions: --out=DIR [--edition=CODE]";
    }

    @Override
    public int run(List<String> args) {
        String out = CliCommand.option(args, "out");
        if (out == null || out.isBlank()) {
            System.err.println("export-mirror needs --out=DIR");
            return 2;
        }
        try {
            MirrorReport report = export.export(Path.of(out), CliCommand.option(args, "edition"));
            System.out.printf("Mirror of %s in %s: %d written, %d unchanged, %d removed%n",
                    String.join(", ", report.editions()), Path.of(out).toAbsolutePath(), report.written(),
                    report.unchanged(), report.removed());
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
