package org.staffroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @Test
    void createsInsertsAndSelectsThroughJdbc() throws Exception {
        List<ProcessHandle> processes;
        Path dataDir;
        EmbeddedPostgres pg = EmbeddedPostgres.start(null);
        try {
            dataDir = pg.dataDirectory();
            assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + pg.port() + "/postgres");
            assertThat(pg.port()).isPositive();

            try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE chat (tag text PRIMARY KEY, posts int NOT NULL)");
                s.execute("INSERT INTO chat VALUES ('#edchat', 12), ('#ukedchat', 7)");
            }
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
                    PreparedStatement ps = c.prepareStatement("SELECT posts FROM chat WHERE tag = ?")) {
                ps.setString(1, "#edchat");
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(12);
                    assertThat(rs.next()).isFalse();
                }
                assertThat(serverVersion(c)).startsWith("17.");
            }
            processes = processTree(pg);
            assertThat(processes).hasSizeGreaterThan(1);
            assertThat(EmbeddedPostgres.isRunning(processes.get(0))).isTrue();
        } finally {
            pg.close();
        }
        assertThat(processes).noneMatch(EmbeddedPostgres::isRunning);
        assertThat(dataDir).doesNotExist();
        pg.close(); // idempotent
    }

    @Test
    void aGivenDataDirectoryIsKeptAndReused(@TempDir Path parent) throws Exception {
        Path dataDir = parent.resolve("pgdata");
        List<ProcessHandle> first;
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir)) {
            try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (id int PRIMARY KEY, note text)");
                s.execute("INSERT INTO kept VALUES (1, 'survives a restart')");
            }
            first = processTree(pg);
        }
        assertThat(first).noneMatch(EmbeddedPostgres::isRunning);
        assertThat(dataDir.resolve("PG_VERSION")).exists();
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();

        List<ProcessHandle> second;
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir)) {
            try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, note FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getString(2)).isEqualTo("survives a restart");
                assertThat(rs.next()).isFalse();
            }
            second = processTree(pg);
        }
        assertThat(second).noneMatch(EmbeddedPostgres::isRunning);
        assertThat(dataDir.resolve("PG_VERSION")).exists();
    }

    private static List<ProcessHandle> processTree(EmbeddedPostgres pg) {
        ProcessHandle postmaster = ProcessHandle.of(pg.pid()).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>();
        all.add(postmaster);
        postmaster.descendants().forEach(all::add);
        return all;
    }

    private static String serverVersion(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
