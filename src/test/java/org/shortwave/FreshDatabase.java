package org.shortwave;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A new, empty database for tests that start Shortwave nodes of their own: a database of its own on the PostgreSQL
 * server when the suite runs on one ({@code spring.datasource.url}), else on an embedded PostgreSQL started for it.
 * Closing drops the database, or stops the embedded server.
 */
public final class FreshDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final JdbcClient admin;
    private final String name;
    private final String url;

    private FreshDatabase(EmbeddedPostgres embedded, JdbcClient admin, String name, String url) {
        this.embedded = embedded;
        this.admin = admin;
        this.name = name;
        this.url = url;
    }

    /** Creates the database; {@code prefix} names it (and the embedded server's folder under target/it-data). */
    public static FreshDatabase create(String prefix) throws IOException {
        String server = System.getProperty("spring.datasource.url");
        EmbeddedPostgres embedded = null;
        String adminUrl = server;
        if (server == null || server.isBlank()) {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data")), prefix + "-pg-");
            embedded = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start();
            adminUrl = "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres";
        }
        JdbcClient admin = JdbcClient.create(new DriverManagerDataSource(adminUrl, username(), password()));
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin.sql("create database " + name).update();
        return new FreshDatabase(embedded, admin, name, adminUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/" + name + "$1"));
    }

    public String url() {
        return url;
    }

    /** The Spring Boot arguments that put a node on this database. */
    public List<String> arguments() {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + username(),
                "--spring.datasource.password=" + password());
    }

    private static String username() {
        return System.getProperty("spring.datasource.username", "postgres");
    }

    private static String password() {
        return System.getProperty("spring.datasource.password", "");
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        } else {
            admin.sql("drop database if exists " + name + " with (force)").update();
        }
    }
}
