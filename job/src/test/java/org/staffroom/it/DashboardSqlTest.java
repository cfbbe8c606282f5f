package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.staffroom.datagen.generator.GeneratorConfig;
import org.staffroom.datagen.generator.JsonLines;
import org.staffroom.datagen.generator.PostGenerator;
import org.staffroom.deploy.GrafanaDashboards;
import org.staffroom.deploy.GrafanaDashboards.Dashboard;
import org.staffroom.deploy.GrafanaDashboards.Query;
import org.staffroom.platforms.PostEvent;

/**
 * Every query of every provisioned Grafana dashboard (panels and template variables), expanded as
 * Grafana's PostgreSQL data source expands it, runs against the real schema filled by the real job
 * from two generated weeks, as a login in staffroom_reader (the data source's role), and returns
 * what its panel needs: rows, a time column and numbers for
 * time series, the bar chart's x field, something in every column. A schema change that breaks a
 * dashboard fails here.
 */
class DashboardSqlTest extends StackTest {
    /** The dashboards' time range: the generated weeks (January 2025) up to records received today. */
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Map<String, String> CHOSEN =
            Map.of("chat", "ukedchat", "hashtag", "ukedchat", "window", "30m", "platform", "twitter");
    private static final Set<Integer> NUMERIC = Set.of(Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.NUMERIC,
            Types.DECIMAL, Types.DOUBLE, Types.FLOAT, Types.REAL);
    private static final Set<Integer> TIMES = Set.of(Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE);

    @Test
    void everyDashboardQueryRunsOnTheJobsTablesAndFeedsItsPanel() throws Exception {
        String topic = stack.topic(1);
        String db = stack.database();
        stack.write(topic, 0, twoWeeksWithFaults());
        stack.runJob(topic, db, "--parallelism", "1");
        Instant to = Instant.now().plus(Duration.ofDays(1));

        List<Dashboard> dashboards = GrafanaDashboards.load();
        assertThat(dashboards).hasSize(3);
        int panels = 0;
        try (Connection owner = stack.postgres.dataSource().getConnection(); Statement s = owner.createStatement()) {
            s.execute("CREATE ROLE dashboard_sql_reader LOGIN IN ROLE staffroom_reader");
        }
        // the data source's role: no raw payloads, nothing written
        try (Connection c = DriverManager.getConnection(db, "dashboard_sql_reader", "not-checked-on-the-test-server")) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (Statement s = c.createStatement()) {
                s.execute("SET TIME ZONE 'UTC'");
            }
            for (Dashboard d : dashboards) {
                Map<String, String> values = new HashMap<>();
                for (Query q : d.variableQueries()) {
                    List<Map<String, Object>> rows =
                            run(c, q, GrafanaDashboards.expand(q.rawSql(), FROM, to, Map.of())).rows();
                    String name = q.source().path("name").asText();
                    assertThat(rows).as("%s returns values", q).isNotEmpty()
                            .allSatisfy(r -> assertThat(r).as("%s returns one column", q).hasSize(1));
                    List<Object> options = rows.stream().map(r -> r.values().iterator().next()).toList();
                    assertThat(options).as(q.toString()).contains(CHOSEN.get(name))
                            .contains(q.source().path("current").path("value").asText());
                    // Grafana quotes each value of a multi-value variable and joins them with commas
                    values.put(name, q.source().path("multi").asBoolean() ? "'" + CHOSEN.get(name) + "'"
                            : CHOSEN.get(name));
                }
                assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(d.variableNames());
                for (Query q : d.panelQueries()) {
                    assertFeedsItsPanel(q, run(c, q, GrafanaDashboards.expand(q.rawSql(), FROM, to, values)));
                    panels++;
                }
            }
            c.rollback();
        }
        assertThat(panels).isGreaterThanOrEqualTo(30);
    }

    /** What the panel's visualisation needs from the result. */
    private static void assertFeedsItsPanel(Query q, Result result) {
        List<Map<String, Object>> rows = result.rows();
        Map<String, Integer> types = result.types();
        assertThat(rows).as("%s returns rows", q).isNotEmpty();
        for (String column : types.keySet()) {
            assertThat(rows).as("%s: column '%s' has a value in some row", q, column)
                    .anySatisfy(r -> assertThat(r.get(column)).isNotNull());
        }
        String kind = q.source().path("type").asText();
        if (q.format().equals("time_series")) {
            assertThat(types).as("%s has a time column", q).containsKey("time");
            assertThat(TIMES.contains(types.get("time")) || NUMERIC.contains(types.get("time")))
                    .as("%s: time is a timestamp or epoch seconds", q).isTrue();
            types.forEach((column, type) -> {
                if (!column.equals("time")) {
                    assertThat(NUMERIC).as("%s: '%s' is a number", q, column).contains(type);
                }
            });
        } else {
            assertThat(q.format()).as(q.toString()).isEqualTo("table");
        }
        switch (kind) {
            case "barchart" -> {
                String x = q.source().path("options").path("xField").asText();
                assertThat(types).as("%s: the x field '%s' is a column", q, x).containsKey(x);
                types.forEach((column, type) -> {
                    if (!column.equals(x)) {
                        assertThat(NUMERIC).as("%s: '%s' is a number", q, column).contains(type);
                    }
                });
            }
            case "stat", "bargauge" -> {
                assertThat(rows).as(q.toString()).hasSize(1);
                assertThat(types.values()).as("%s shows numbers", q).allMatch(NUMERIC::contains);
                assertThat(rows.get(0).values()).as("%s shows something", q)
                        .anyMatch(v -> new BigDecimal(v.toString()).signum() > 0);
            }
            case "timeseries", "table" -> {
            }
            default -> throw new AssertionError(q + ": a panel type this test does not know: " + kind);
        }
    }

    /** A query's column types (java.sql.Types, by label, in order) and rows. */
    private record Result(Map<String, Integer> types, List<Map<String, Object>> rows) {}

    private static Result run(Connection c, Query q, String sql) {
        assertThat(q.rawSql()).as("%s has SQL", q).isNotBlank();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            Map<String, Integer> types = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                assertThat(types.put(md.getColumnLabel(i), md.getColumnType(i))).as("%s: column names are unique", q)
                        .isNull();
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return new Result(types, rows);
        } catch (SQLException e) {
            throw new AssertionError(q + " fails: " + e.getMessage() + "\n" + sql, e);
        }
    }

    /**
     * Two generated weeks of a community of 200, quiet outside the chats (the three chats twice
     * each), a few records the job must reject, and at the end a #UKEdChat post of the first week:
     * too late for its windows.
     */
    private static List<byte[]> twoWeeksWithFaults() {
        List<byte[]> records = new ArrayList<>();
        PostGenerator generator = new PostGenerator(GeneratorConfig.builder().weeks(2).community(200).rate(15).build());
        List<String> malformed = List.of("{\"id\": \"cut", "[1, 2]", "{\"id\": \"m1\", \"author\": {\"id\": \"a\"}}",
                "{\"id\": \"m2\", \"createdAt\": \"2025-13-01\", \"author\": {\"id\": \"a\"}, \"text\": \"#edchat\"}");
        while (generator.advance()) {
            records.add(JsonLines.toBytes(generator.current()));
            if (records.size() % 4000 == 0 && records.size() / 4000 <= malformed.size()) {
                records.add(malformed.get(records.size() / 4000 - 1).getBytes(StandardCharsets.UTF_8));
            }
        }
        records.add(PostEvent.of("late-1", "2025-01-07T10:00:00Z", "latecomer")
                .text("Catching up with last week's #UKEdChat https://eef.org.uk").toBytes());
        return records;
    }
}
