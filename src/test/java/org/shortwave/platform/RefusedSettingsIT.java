package org.shortwave.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Bad settings are refused before anything starts, as an operator meets them: the real jar as a process, with a
 * bad setting on its command line or in its environment. Each exits with {@link BadSetting#EXIT_CODE} within
 * seconds (a whole start takes a minute on this machine), printing one line that names the property and no stack
 * trace; the embedded PostgreSQL never started (its folder under the data directory does not exist). No port is
 * fixed: {@code --server.port=0 --management.server.port=-1}, though none is ever opened.
 */
class RefusedSettingsIT {

    /** Far below a start of the application, which starts PostgreSQL, migrates and opens ports. */
    private static final Duration FAST = Duration.ofSeconds(30);

    record Case(String why, String property, String says, Map<String, String> environment, List<String> args) {
    }

    @Test
    void eachBadSettingIsRefusedAtOnceInOneLineNamingIt() throws Exception {
        Path file = Files.writeString(Files.createTempFile(itData(), "not-a-dir-", ".txt"), "a file");
        List<Case> cases = List.of(
                new Case("a weak bootstrap password", "shortwave.bootstrap.admin-password",
                        "is refused: The password needs at least 8 characters.", Map.of(),
                        List.of("--shortwave.bootstrap.admin-email=chief@example.org",
                                "--shortwave.bootstrap.admin-password=short")),
                new Case("a common bootstrap password, from the environment", "shortwave.bootstrap.admin-password",
                        "is refused: This password is too common.",
                        Map.of("SHORTWAVE_BOOTSTRAP_ADMIN_EMAIL", "chief@example.org",
                                "SHORTWAVE_BOOTSTRAP_ADMIN_PASSWORD", "password1"), List.of()),
                new Case("a bootstrap email without its password", "shortwave.bootstrap.admin-password",
                        "is empty, but shortwave.bootstrap.admin-email is set",
                        Map.of("SHORTWAVE_BOOTSTRAP_ADMIN_EMAIL", "chief@example.org"), List.of()),
                new Case("a malformed bootstrap email", "shortwave.bootstrap.admin-email",
                        "is refused: Please give a valid email address.", Map.of(),
                        List.of("--shortwave.bootstrap.admin-email=chief", "--shortwave.bootstrap.admin-password="
                                + "harbour lights at dusk")),
                new Case("a public URL without a scheme", "shortwave.public-url",
                        "must be an absolute http(s) URL such as https://news.example, not 'news.example'", Map.of(),
                        List.of("--shortwave.public-url=news.example")),
                new Case("a public URL that is not one", "shortwave.public-url", "must be an absolute http(s) URL",
                        Map.of(), List.of("--shortwave.public-url=https://news example")),
                new Case("a data directory under a file", "shortwave.data-dir",
                        "must be a directory Shortwave can write to: " + file.resolve("data") + " is a file, or under one",
                        Map.of(), List.of("--shortwave.data-dir=" + file.resolve("data"))),
                new Case("a subcommand with a bad setting", "shortwave.public-url", "must be an absolute http(s) URL",
                        Map.of(), List.of("reindex", "--shortwave.public-url=ftp://news.example")));

        for (Case c : cases) {
            Path dataDir = Files.createTempDirectory(itData(), "refused-");
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-jar", jar().toString()));
            List<String> args = new ArrayList<>(c.args());
            // A subcommand comes first; the data directory's own case sets its own.
            if (args.stream().noneMatch(a -> a.startsWith("--shortwave.data-dir="))) {
                args.add("--shortwave.data-dir=" + dataDir);
            }
            command.addAll(args);
            command.addAll(List.of("--server.port=0", "--management.server.port=-1"));
            Path output = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("SHORTWAVE_"));
            builder.environment().putAll(c.environment());

            long started = System.nanoTime();
            Process process = builder.start();
            boolean ended = process.waitFor(FAST.toSeconds() * 4, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(ended).as(c.why() + ": the process ends (output: " + printed + ")").isTrue();
            assertThat(process.exitValue()).as(c.why() + ": " + printed).isEqualTo(BadSetting.EXIT_CODE);
            assertThat(printed.lines().filter(l -> !l.isBlank()).toList()).as(c.why()).singleElement()
                    .asString().startsWith("Shortwave cannot start: " + c.property() + " ").contains(c.says());
            assertThat(printed).as(c.why()).doesNotContain("Exception", "\tat ", "harbour", "password1");
            assertThat(took).as(c.why() + ": how long the refusal took").isLessThan(FAST);
            assertThat(dataDir.resolve("postgres")).as(c.why() + ": the embedded PostgreSQL never started")
                    .doesNotExist();
        }
    }

    private static Path itData() throws IOException {
        return Files.createDirectories(Path.of("target", "it-data")).toAbsolutePath();
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("shortwave-[0-9][^/]*(?<!-sources)\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no Shortwave jar in target/"))
                    .toAbsolutePath();
        }
    }
}
