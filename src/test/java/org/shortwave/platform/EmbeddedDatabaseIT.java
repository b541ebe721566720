package org.shortwave.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded PostgreSQL keeps its data across restarts, and writes it durably. */
class EmbeddedDatabaseIT {

    @TempDir
    Path dataDir;

    private final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

    @Test
    void dataSurvivesARestartAndIsWrittenDurably() throws Exception {
        ShortwaveProperties properties = new ShortwaveProperties(dataDir, false);

        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(properties);
                HikariDataSource dataSource = (HikariDataSource) configuration.dataSource(postgres)) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show server_version_num").query(Integer.class).single()).isBetween(180000, 189999);
            jdbc.sql("create table kept (note text)").update();
            jdbc.sql("insert into kept values ('still here')").update();
        }

        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(properties);
                HikariDataSource dataSource = (HikariDataSource) configuration.dataSource(postgres)) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            assertThat(jdbc.sql("select note from kept").query(String.class).single()).isEqualTo("still here");
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).content().isEqualToIgnoringWhitespace("18");
    }
}
