package org.shortwave.platform.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs a subcommand of the jar inside the full application context (so commands can render pages) but with no HTTP
 * port open ({@code server.port=-1}, no management port either, whatever the settings or arguments say) and no demo
 * loading. Arguments after the command that start
 * with {@code --} and contain {@code =} are Spring properties too (e.g. {@code --shortwave.data-dir=/srv/data}).
 */
public final class Cli {

    private static final Set<String> HELP = Set.of("help", "--help", "-h");
    private static final Map<String, Object> NO_PORTS = Map.of("server.port", "-1", "management.server.port", "-1");

    private Cli() {
    }

    /** True when the arguments name a subcommand (a first word that is not an option). */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || HELP.contains(args[0]));
    }

    public static int run(Class<?> application, String[] args) {
        String name = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        SpringApplication spring = new SpringApplication(application);
        spring.setDefaultProperties(Map.of("shortwave.demo-content", "false", "spring.main.banner-mode", "off"));
        // No port, however the command is started: above application.properties, the environment and the
        // command line alike (a running Shortwave holds 8080 and 8081; a command must not need them).
        spring.addInitializers(context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("shortwave-cli-no-ports", NO_PORTS)));
        try (ConfigurableApplicationContext context = spring.run(rest.toArray(String[]::new))) {
            List<CliCommand> commands = context.getBeanProvider(CliCommand.class).orderedStream().toList();
            if (HELP.contains(name)) {
                System.out.println("Usage: java -jar shortwave.jar [command] [--property=value ...]");
                System.out.println("Without a command, Shortwave runs its web server. Commands:");
                commands.forEach(c -> System.out.printf("  %-16s %s%n", c.name(), c.summary()));
                return 0;
            }
            return commands.stream().filter(c -> c.name().equals(name)).findFirst()
                    .map(c -> c.run(rest))
                    .orElseGet(() -> {
                        System.err.println("Unknown command '" + name + "'. Run 'java -jar shortwave.jar help'.");
                        return 2;
                    });
        }
    }
}
