package org.shortwave.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shortwave.AppTestBase;
import org.shortwave.DefaultPortsTaken;
import org.shortwave.FreshDatabase;
import org.shortwave.Ports;
import org.shortwave.platform.cli.CliCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The jar's {@code create-user} and {@code create-token} commands as a newcomer types them: run in-process on the test
 * database (the same beans {@code java -jar shortwave.jar create-user ...} runs), with the password on standard input
 * and what they print captured. Good input makes a user and a token that works on the admin API; bad input gets a
 * clear message, a non-zero exit status and nothing stored. One run of the real jar checks the process's exit code,
 * with the default ports held as by a Shortwave running on the machine (and asked for on its command line).
 */
@ExtendWith(DefaultPortsTaken.class)
class CliCommandsIT extends AppTestBase {

    private static final String PASSWORD = "harbour lights at dusk";

    @Autowired
    List<CliCommand> commands;
    @Autowired
    Accounts accounts;

    /** What a command run printed, and its exit status. */
    record Run(int status, String out, String err) {
    }

    private synchronized Run run(String stdin, String... args) {
        CliCommand command = commands.stream().filter(c -> c.name().equals(args[0])).findFirst().orElseThrow();
        InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int status = command.run(Arrays.asList(args).subList(1, args.length));
            return new Run(status, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    private long users(String email) {
        return jdbc.sql("select count(*) from app_user where email = ?").param(email).query(Long.class).single();
    }

    private static String newEmail() {
        return "cli-" + UUID.randomUUID() + "@example.org";
    }

    private int adminApi(String token) {
        long article = jdbc.sql("select id from article where source_key = 'demo:zh-hans/shortwave-typhoon-drill'")
                .query(Long.class).single();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/admin/v1/articles/" + article)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build()).statusCode();
    }

    @Test
    void aNewcomerCreatesAnEditorAndATokenThatWorksOnTheAdminApi() {
        String email = newEmail();
        Run created = run(PASSWORD + "\n", "create-user", "--email=" + email, "--name=Lin Xiaoyu",
                "--role=zh-hans:editor", "--role=en:Contributor");
        assertThat(created.status()).as(created.err()).isZero();
        assertThat(created.out()).contains("Created user").contains("<" + email + ">")
                .contains("zh-hans:editor").contains("en:contributor");
        Account account = jdbc.sql("select id from app_user where email = ?").param(email).query(Long.class).optional()
                .flatMap(id -> accounts.find(id)).orElseThrow();
        assertThat(account.admin()).isFalse();
        assertThat(account.roleIn("zh-hans")).contains(Role.EDITOR);
        assertThat(account.roleIn("en")).contains(Role.CONTRIBUTOR);
        assertThat(jdbc.sql("select password_hash from app_user where email = ?").param(email).query(String.class)
                .single()).startsWith("{argon2}").doesNotContain("harbour");

        Run token = run("", "create-token", "--email=" + email, "--name=wire desk", "--days=30");
        assertThat(token.status()).as(token.err()).isZero();
        String secret = token.out().strip();
        assertThat(secret).startsWith(ApiTokens.PREFIX).doesNotContain("\n");
        assertThat(adminApi(secret)).isEqualTo(200);
        assertThat(adminApi(null)).isEqualTo(401);
        assertThat(adminApi(secret + "x")).isEqualTo(401);
        assertThat(jdbc.sql("select expires_at is not null from api_token where user_id = ? and name = 'wire desk'")
                .param(account.id()).query(Boolean.class).single()).isTrue();

        // An admin, made the same way, signs in to the newsroom.
        String adminEmail = newEmail();
        assertThat(run(PASSWORD + "\n", "create-user", "--email=" + adminEmail, "--name=Admin", "--admin").status())
                .isZero();
        assertThat(accounts.findByEmail(adminEmail).orElseThrow().admin()).isTrue();
        var browser = new org.shortwave.NewsroomBrowser(this::uri);
        assertThat(browser.signIn(adminEmail, PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/admin/");
    }

    @Test
    void badInputToCreateUserIsRefusedWithAClearMessageAndNothingStored() {
        String taken = newEmail();
        assertThat(run(PASSWORD + "\n", "create-user", "--email=" + taken, "--name=First").status()).isZero();
        long usersBefore = jdbc.sql("select count(*) from app_user").query(Long.class).single();
        long rolesBefore = jdbc.sql("select count(*) from user_edition_role").query(Long.class).single();

        record Case(String why, int status, String message, String stdin, String... args) {
        }
        String email = newEmail();
        List<Case> cases = List.of(
                new Case("a short password", 1, "Refused: The password needs at least 8 characters.", "short\n",
                        "create-user", "--email=" + email, "--name=N"),
                new Case("a common password", 1, "Refused: This password is too common.", "password1\n",
                        "create-user", "--email=" + email, "--name=N"),
                new Case("no password at all", 1, "Refused: The password needs at least 8 characters.", "",
                        "create-user", "--email=" + email, "--name=N"),
                new Case("an unknown role", 2, "Unknown role 'chief' in --role; the roles are: contributor, editor",
                        PASSWORD + "\n", "create-user", "--email=" + email, "--name=N", "--role=zh-hans:chief"),
                new Case("an unknown edition", 2, "Unknown edition 'xx' in --role; the editions are: ", PASSWORD + "\n",
                        "create-user", "--email=" + email, "--name=N", "--role=xx:editor"),
                new Case("a role without its edition", 2, "A role is EDITION:ROLE", PASSWORD + "\n",
                        "create-user", "--email=" + email, "--name=N", "--role=editor"),
                new Case("no --name", 2, "Usage: create-user --email=E --name=N", PASSWORD + "\n",
                        "create-user", "--email=" + email),
                new Case("no --email", 2, "Usage: create-user --email=E --name=N", PASSWORD + "\n",
                        "create-user", "--name=N"),
                new Case("a malformed email", 1, "Refused: Please give a valid email address.", PASSWORD + "\n",
                        "create-user", "--email=not-an-email", "--name=N"),
                new Case("an email already taken", 1, "Refused: An account with this email exists already.",
                        PASSWORD + "\n", "create-user", "--email=" + taken.toUpperCase(), "--name=Second"));
        for (Case c : cases) {
            Run refused = run(c.stdin(), c.args());
            assertThat(refused.status()).as(c.why() + ": " + refused.err()).isEqualTo(c.status());
            assertThat(refused.err()).as(c.why()).contains(c.message());
            assertThat(refused.out()).as(c.why()).doesNotContain("Created user");
        }
        assertThat(users(email)).isZero();
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(usersBefore);
        assertThat(jdbc.sql("select count(*) from user_edition_role").query(Long.class).single()).isEqualTo(rolesBefore);
        assertThat(jdbc.sql("select display_name from app_user where email = ?").param(taken).query(String.class)
                .single()).isEqualTo("First");
    }

    @Test
    void badInputToCreateTokenIsRefusedWithAClearMessageAndNoTokenStored() {
        String email = newEmail();
        assertThat(run(PASSWORD + "\n", "create-user", "--email=" + email, "--name=Token owner").status()).isZero();
        Account owner = accounts.findByEmail(email).orElseThrow();
        String disabled = newEmail();
        assertThat(run(PASSWORD + "\n", "create-user", "--email=" + disabled, "--name=Gone").status()).isZero();
        accounts.disable(null, accounts.findByEmail(disabled).orElseThrow().id());
        long tokensBefore = jdbc.sql("select count(*) from api_token").query(Long.class).single();

        record Case(String why, int status, String message, String... args) {
        }
        List<Case> cases = List.of(
                new Case("no --name", 2, "Usage: create-token --email=E --name=N", "create-token", "--email=" + email),
                new Case("no --email", 2, "Usage: create-token", "create-token", "--name=x"),
                new Case("an unknown user", 1, "No enabled user nobody@example.org", "create-token",
                        "--email=nobody@example.org", "--name=x"),
                new Case("a disabled user", 1, "No enabled user " + disabled, "create-token", "--email=" + disabled,
                        "--name=x"),
                new Case("days not a number", 2, "Refused: --days must be a whole number of days", "create-token",
                        "--email=" + email, "--name=x", "--days=ten"),
                new Case("no days", 1, "Refused: Please choose how long the token works.", "create-token",
                        "--email=" + email, "--name=x", "--days=0"),
                new Case("too many days", 1, "Refused: Please choose how long the token works.", "create-token",
                        "--email=" + email, "--name=x", "--days=100000"),
                new Case("a blank name", 1, "Refused: Please give the token a name", "create-token",
                        "--email=" + email, "--name= "));
        for (Case c : cases) {
            Run refused = run("", c.args());
            assertThat(refused.status()).as(c.why() + ": " + refused.err()).isEqualTo(c.status());
            assertThat(refused.err()).as(c.why()).contains(c.message());
            assertThat(refused.out()).as(c.why()).doesNotContain(ApiTokens.PREFIX);
        }
        assertThat(jdbc.sql("select count(*) from api_token").query(Long.class).single()).isEqualTo(tokensBefore);
        assertThat(jdbc.sql("select count(*) from api_token where user_id = ?").param(owner.id()).query(Long.class)
                .single()).isZero();
    }

    /** The real jar, as a process: a refused create-user exits non-zero and writes nothing. */
    @Test
    void theJarExitsWithTheCommandsStatus() throws Exception {
        try (FreshDatabase database = FreshDatabase.create("shortwave_cli")) {
            Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data")), "cli-")
                    .toAbsolutePath();
            String java = ProcessHandle.current().info().command().orElse("java");
            // The default ports are held (DefaultPortsTaken), and asked for outright: a command opens none anyway.
            // A whole start of the application: on a loaded machine it has taken over two minutes.
            assertThat(DefaultPortsTaken.PORTS).allMatch(Ports::inUse);
            List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-jar", jar().toString(), "create-user",
                    "--email=" + newEmail(), "--name=Weak", "--shortwave.data-dir=" + dataDir,
                    "--server.port=8080", "--management.server.port=8081"));
            command.addAll(database.arguments());
            Path output = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            process.getOutputStream().write("weak\n".getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("the command ends (output: " + output + ")").isTrue();
            assertThat(process.exitValue()).as(Files.readString(output)).isEqualTo(1);
            assertThat(Files.readString(output)).contains("Refused: The password needs at least 8 characters.")
                    .doesNotContain("already in use");
            JdbcClient db = JdbcClient.create(new DriverManagerDataSource(database.url(),
                    System.getProperty("spring.datasource.username", "postgres"),
                    System.getProperty("spring.datasource.password", "")));
            assertThat(db.sql("select count(*) from app_user").query(Long.class).single()).isZero();
        }
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("shortwave-[0-9][^/]*(?<!-sources)\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no Shortwave jar in target/"))
                    .toAbsolutePath();
        }
    }
}
