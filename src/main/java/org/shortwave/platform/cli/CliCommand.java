package org.shortwave.platform.cli;

import java.util.List;

/**
 * A subcommand of the jar: {@code java -jar shortwave.jar <name> [args]} starts Shortwave without its web server,
 * runs the command and exits with its status. Implement it as a Spring bean; the name must be unique.
 */
public interface CliCommand {

    /** The word that selects this command, e.g. {@code export-mirror}. */
    String name();

    /** One line for {@code java -jar shortwave.jar help}. */
    String summary();

    /** Runs the command; returns the process exit status (0 for success). */
    int run(List<String> args);

    /** The value of an option written {@code --name=value}, or null when absent. */
    static String option(List<String> args, String name) {
        String prefix = "--" + name + "=";
        return args.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst()
                .orElse(null);
    }
}
