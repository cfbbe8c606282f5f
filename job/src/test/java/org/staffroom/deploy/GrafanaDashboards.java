package org.staffroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The provisioned dashboards under {@code grafana/dashboards}, and their SQL as Grafana's
 * PostgreSQL data source sends it to the database: macros expanded, template variables replaced.
 */
public final class GrafanaDashboards {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MACRO = Pattern.compile("\\$__(\\w+)\\(([^)]*)\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)|\\[\\[(\\w+)]]");

    private GrafanaDashboards() {}

    public static Path directory() {
        return Compose.repositoryRoot().resolve("grafana/dashboards");
    }

    /** Every dashboard file, by file name. */
    public static List<Dashboard> load() {
        try (Stream<Path> files = Files.list(directory())) {
            List<Dashboard> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(new Dashboard(f, JSON.readTree(f.toFile())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One dashboard file. */
    public record Dashboard(Path file, JsonNode json) {
        public String title() {
            return json.path("title").asText();
        }

        /** Every panel, including those nested in collapsed rows. */
        public List<JsonNode> panels() {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode p : json.path("panels")) {
                out.add(p);
                p.path("panels").forEach(out::add);
            }
            return out;
        }

        /** Every SQL query of every panel target. */
        public List<Query> panelQueries() {
            List<Query> out = new ArrayList<>();
            for (JsonNode p : panels()) {
                for (JsonNode t : p.path("targets")) {
                    out.add(new Query(this, p.path("title").asText(), p, t.path("rawSql").asText(null),
                            t.path("format").asText("time_series")));
                }
            }
            return out;
        }

        /** The query of every templating variable of type query. */
        public List<Query> variableQueries() {
            List<Query> out = new ArrayList<>();
            for (JsonNode v : json.path("templating").path("list")) {
                if (v.path("type").asText().equals("query")) {
                    JsonNode q = v.path("query");
                    String sql = q.isTextual() ? q.asText() : q.path("rawSql").asText(null);
                    out.add(new Query(this, "variable " + v.path("name").asText(), v, sql, "table"));
                }
            }
            return out;
        }

        public List<String> variableNames() {
            List<String> out = new ArrayList<>();
            json.path("templating").path("list").forEach(v -> out.add(v.path("name").asText()));
            return out;
        }
    }

    /** One query of a dashboard: a panel target or a variable's query. */
    public record Query(Dashboard dashboard, String title, JsonNode source, String rawSql, String format) {
        @Override
        public String toString() {
            return dashboard.file().getFileName() + " › " + title;
        }
    }

    /**
     * The SQL Grafana runs for {@code rawSql} over the time range [{@code from}, {@code to}] with
     * these variable values (single-valued variables are interpolated as they are, as Grafana does).
     * A macro or a variable it does not know is an error.
     */
    public static String expand(String rawSql, Instant from, Instant to, Map<String, String> variables) {
        Matcher m = MACRO.matcher(rawSql);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            List<String> args = new ArrayList<>();
            for (String a : m.group(2).split(",")) {
                if (!a.isBlank()) {
                    args.add(a.trim());
                }
            }
            m.appendReplacement(sql, Matcher.quoteReplacement(macro(m.group(1), args, from, to)));
        }
        m.appendTail(sql);

        Matcher v = VARIABLE.matcher(sql.toString());
        StringBuilder out = new StringBuilder();
        while (v.find()) {
            String name = v.group(1) != null ? v.group(1) : v.group(2) != null ? v.group(2) : v.group(3);
            String value = variables.get(name);
            if (value == null) {
                throw new IllegalArgumentException("unknown variable $" + name + " in: " + rawSql);
            }
            v.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        v.appendTail(out);
        return out.toString();
    }

    private static String macro(String name, List<String> args, Instant from, Instant to) {
        String f = "'" + DateTimeFormatter.ISO_INSTANT.format(from) + "'";
        String t = "'" + DateTimeFormatter.ISO_INSTANT.format(to) + "'";
        return switch (name) {
            case "time" -> args.get(0) + " AS \"time\"";
            case "timeEpoch" -> "extract(epoch from " + args.get(0) + ") AS \"time\"";
            case "timeFilter" -> args.get(0) + " BETWEEN " + f + " AND " + t;
            case "timeFrom" -> f;
            case "timeTo" -> t;
            case "timeGroup" -> timeGroup(args);
            case "timeGroupAlias" -> timeGroup(args) + " AS \"time\"";
            case "unixEpochFilter" -> args.get(0) + " >= " + from.getEpochSecond() + " AND " + args.get(0) + " <= "
                    + to.getEpochSecond();
            default -> throw new IllegalArgumentException("macro $__" + name + " is not supported by this test");
        };
    }

    private static String timeGroup(List<String> args) {
        long seconds = interval(args.get(1).replace("'", "").trim()).toSeconds();
        return "floor(extract(epoch from " + args.get(0) + ")/" + seconds + ")*" + seconds;
    }

    /** Grafana's interval syntax: 30s, 5m, 1h, 1d, 1w. */
    static Duration interval(String s) {
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h|d|w)").matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Grafana interval: " + s);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }
}
