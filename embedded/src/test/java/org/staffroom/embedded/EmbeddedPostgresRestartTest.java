package org.staffroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server stopped and started again on the same port and data directory: what an outage looks like. */
class EmbeddedPostgresRestartTest {

    @Test
    void aServerStartedAgainOnTheSamePortAndDataDirectoryHasTheDataAndTheUrl(@TempDir Path parent) throws Exception {
        Path dataDir = parent.resolve("pgdata");
        int port = FreePorts.pick();
        String url;
        long firstPid;
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir, port)) {
            assertThat(pg.port()).isEqualTo(port);
            url = pg.jdbcUrl();
            firstPid = pg.pid();
            try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (id int PRIMARY KEY)");
                s.execute("INSERT INTO kept VALUES (1), (2)");
            }
        }
        assertThat(ProcessHandle.of(firstPid).filter(EmbeddedPostgres::isRunning)).isEmpty();
        // down: a client is refused
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("refused");

        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir, port)) {
            assertThat(pg.jdbcUrl()).isEqualTo(url);
            assertThat(pg.pid()).isNotEqualTo(firstPid);
            try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM kept")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> EmbeddedPostgres.start(null, 70000)).hasMessageContaining("70000");
    }
}
