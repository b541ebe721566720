package org.shortwave.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shortwave.DefaultPortsTaken;
import org.shortwave.FreshDatabase;
import org.shortwave.ShortwaveApplication;
import org.shortwave.platform.BadSetting;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The first admin from {@code shortwave.bootstrap.admin-email} / {@code -password}, as automation starts Shortwave:
 * nodes of its own on a new database with no user. A weak password stops the start with a clear error and stores
 * nothing (refused before the start: {@code BootstrapAdminCheck}); the environment variables ({@code SHORTWAVE_BOOTSTRAP_ADMIN_EMAIL} / {@code _PASSWORD}, read through
 * Spring's relaxed binding from a system-environment source as the real one is) create the admin once; a later start
 * with other values changes nothing, since a user exists.
 */
@ExtendWith(DefaultPortsTaken.class)
class FirstAdminBootstrapIT {

    static FreshDatabase database;
    static JdbcClient db;

    @BeforeAll
    static void database() throws IOException {
        database = FreshDatabase.create("shortwave_bootstrap");
        db = JdbcClient.create(new DriverManagerDataSource(database.url(),
                System.getProperty("spring.datasource.username", "postgres"),
                System.getProperty("spring.datasource.password", "")));
    }

    @AfterAll
    static void drop() throws IOException {
        if (database != null) {
            database.close();
        }
    }

    /** Starts a node on the test's database with these environment variables and arguments. */
    private static ConfigurableApplicationContext start(Map<String, Object> environmentVariables, String... more)
            throws IOException {
        List<String> args = new ArrayList<>(database.arguments());
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data")), "bootstrap-")
                .toAbsolutePath();
        args.addAll(List.of("--shortwave.data-dir=" + dataDir, "--server.port=0", "--management.server.port=-1",
                "--shortwave.demo-content=false", "--spring.main.banner-mode=off"));
        args.addAll(List.of(more));
        StandardEnvironment environment = new StandardEnvironment() {
            @Override
            protected void customizePropertySources(MutablePropertySources sources) {
                super.customizePropertySources(sources);
                // Stands in for the process environment (which a running JVM cannot change), with the same binding.
                sources.addAfter(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource("testEnvironment", environmentVariables));
            }
        };
        // The test context's logging stays as it is; these nodes get none of their own (see TwoNodesIT).
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            return new SpringApplicationBuilder(ShortwaveApplication.class).environment(environment)
                    .run(args.toArray(String[]::new));
        } finally {
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        }
    }

    private static List<Map<String, Object>> users() {
        return db.sql("select email, display_name, password_hash, is_admin from app_user order by id").query()
                .listOfRows();
    }

    @Test
    void theFirstAdminIsCreatedOnceFromTheEnvironmentAndAWeakPasswordStopsTheStart() throws IOException {
        // A weak password: refused before the start, naming the property and the reason; no user, no audit entry.
        assertThatThrownBy(() -> start(Map.of(), "--shortwave.bootstrap.admin-email=chief@example.org",
                "--shortwave.bootstrap.admin-password=short"))
                .isInstanceOf(BadSetting.class)
                .hasMessage("shortwave.bootstrap.admin-password is refused: The password needs at least 8 characters.");
        assertThatThrownBy(() -> start(Map.of("SHORTWAVE_BOOTSTRAP_ADMIN_EMAIL", "chief@example.org")))
                .isInstanceOf(BadSetting.class).hasMessageContaining("go together");
        // Refused before the database was touched: not even migrated.
        assertThat(db.sql("select count(*) from information_schema.tables where table_schema = 'public'")
                .query(Long.class).single()).isZero();

        // The environment variables, as a container sets them: the admin is created.
        try (ConfigurableApplicationContext node = start(Map.of("SHORTWAVE_BOOTSTRAP_ADMIN_EMAIL", "Chief@Example.org",
                "SHORTWAVE_BOOTSTRAP_ADMIN_PASSWORD", "harbour lights at dusk"))) {
            assertThat(users()).singleElement().satisfies(user -> {
                assertThat(user).containsEntry("email", "chief@example.org").containsEntry("display_name", "Chief")
                        .containsEntry("is_admin", true);
                assertThat((String) user.get("password_hash")).startsWith("{argon2}").doesNotContain("harbour");
            });
            assertThat(node.getBean(Accounts.class).findByEmail("chief@example.org")).isPresent();
            assertThat(db.sql("select count(*) from audit_log where action = 'user.created-admin' and actor = 'system'")
                    .query(Long.class).single()).isOne();
            // No one-time setup link either: there is an admin.
            assertThat(db.sql("select count(*) from setup_token").query(Long.class).single()).isZero();
        }
        List<Map<String, Object>> afterFirstStart = users();

        // Started again, with the same variables or other good values: nothing changes. A weak password is still a
        // bad setting, refused before the start though an admin exists (the check does not ask the database).
        try (ConfigurableApplicationContext node = start(Map.of("SHORTWAVE_BOOTSTRAP_ADMIN_EMAIL", "chief@example.org",
                "SHORTWAVE_BOOTSTRAP_ADMIN_PASSWORD", "harbour lights at dusk"))) {
            assertThat(users()).isEqualTo(afterFirstStart);
        }
        try (ConfigurableApplicationContext node = start(Map.of(), "--shortwave.bootstrap.admin-email=other@example.org",
                "--shortwave.bootstrap.admin-password=lanterns over the bay")) {
            assertThat(users()).isEqualTo(afterFirstStart);
        }
        assertThatThrownBy(() -> start(Map.of(), "--shortwave.bootstrap.admin-email=other@example.org",
                "--shortwave.bootstrap.admin-password=short")).isInstanceOf(BadSetting.class);
        assertThat(users()).isEqualTo(afterFirstStart);
        assertThat(db.sql("select count(*) from audit_log where action like 'user.%'").query(Long.class).single())
                .isOne();
    }
}
