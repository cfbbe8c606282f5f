package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.Conditions;
import org.staffroom.platforms.PostEvent;

/**
 * A real Prometheus (Debian's package, which .ci/run installs) scrapes a job run with Flink's
 * Prometheus reporter: the staffroom metrics are there with the values counted by hand, the alert
 * rules of prometheus/alerts.yml pass {@code promtool check rules}, and each rule's expression,
 * evaluated by that Prometheus, fires or stays silent as this stream makes it; every query of the
 * provisioned operations dashboard is valid and finds its series there.
 */
class PrometheusTest extends WithStack {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Path RULES = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
            .resolve("../prometheus/alerts.yml").normalize();
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final int REPORTER_PORT = freePort();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(reporter()).setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @TempDir
    static Path dir;

    private static Configuration reporter() {
        Configuration conf = new Configuration();
        conf.setString("metrics.reporter.prom.factory.class", "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        conf.setString("metrics.reporter.prom.port", String.valueOf(REPORTER_PORT));
        return conf;
    }

    @Test
    void theRulesAreValid() throws Exception {
        assumeTrue(Files.isExecutable(PROMTOOL), "Debian's prometheus is not installed here (.ci/run installs it)");
        Process check = new ProcessBuilder(PROMTOOL.toString(), "check", "rules", RULES.toString())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS: 5 rules found");
    }

    @Test
    void prometheusScrapesTheJobsMetricsAndTheRulesFireAsTheStreamMakesThem() throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS), "Debian's prometheus is not installed here (.ci/run installs it)");
        // a chat in session now by the wall clock, for which no post comes; and one that is not
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        Path chats = Files.writeString(dir.resolve("chats.json"), "{\"chats\": ["
                + chat("quietnow", "quietchat", now.minusMinutes(5)) + ", "
                + chat("later", "laterchat", now.plusHours(6)) + "]}");
        String topic = stack.topic(1);
        String db = stack.database();
        JobClient job = stack.startJob(topic, db, "--chats", chats.toString(), "--checkpoint-interval", "1s");
        int port = freePort();
        Process prometheus = startPrometheus(port);
        try {
            String base = "http://127.0.0.1:" + port;
            Conditions.await("Prometheus to scrape the job's postsAccepted", WAIT,
                    () -> !query(base, "flink_taskmanager_job_task_operator_postsAccepted").isEmpty());
            // rejected: 1 of 5 records, 20 %
            stack.write(topic, 0, List.of(
                    PostEvent.of("m1", "2025-01-07T10:01:00Z", "a").hashtags("#edchat").toBytes(),
                    PostEvent.of("m2", "2025-01-07T10:02:00Z", "b").hashtags("#edchat").toBytes(),
                    PostEvent.of("m3", "2025-01-07T10:03:00Z", "c").hashtags("#edchat").toBytes(),
                    PostEvent.of("m4", "2025-01-07T10:04:00Z", "d").hashtags("#edchat").toBytes(),
                    "not json".getBytes(StandardCharsets.UTF_8)));
            String[] seen = {"nothing"};
            try {
                Conditions.await("Prometheus to see the 4 posts and the rejection", WAIT, () -> {
                    double posts = value(base, "sum(flink_taskmanager_job_task_operator_postsAccepted)");
                    double malformed = value(base,
                            "sum(flink_taskmanager_job_task_operator_reason_recordsRejected{reason=\"malformed\"})");
                    seen[0] = posts + " posts accepted, " + malformed + " malformed";
                    return posts == 4 && malformed == 1;
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; last seen: " + seen[0] + "; series: "
                        + query(base, "{__name__=~\"flink_taskmanager_job_task_operator_(postsAccepted|recordsRejected)\"}"), e);
            }
            assertThat(byLabel(base, "sum by (reason) (flink_taskmanager_job_task_operator_reason_recordsRejected)", "reason"))
                    .containsEntry("malformed", 1.0).containsEntry("field", 0.0).containsEntry("event_time", 0.0);
            assertThat(byLabel(base, "max by (chat) (flink_taskmanager_job_task_operator_chat_sessionOpen)", "chat"))
                    .isEqualTo(Map.of("quietnow", 1.0, "later", 0.0));
            // the gauges of state: edchat's half hour at 10:00 and its day stay open (event time stands at 10:04),
            // one first-seen entry per author, every post remembered
            try {
                Conditions.await("Prometheus to see the state of the 4 posts", WAIT, () -> byLabel(base,
                        "sum by (operator_name) (flink_taskmanager_job_task_operator_firstSeenEntries)", "operator_name")
                        .getOrDefault("hashtag_windows", 0.0) == 4);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; series: "
                        + query(base, "{__name__=~\"flink_taskmanager_job_task_operator_(firstSeenEntries|openWindows)\"}"), e);
            }
            assertThat(byLabel(base, "sum by (operator_name) (flink_taskmanager_job_task_operator_openWindows)",
                    "operator_name")).as("Prometheus spells the operators with _")
                    .isEqualTo(Map.of("hashtag_windows", 2.0, "chat_sessions", 0.0, "chat_weeks", 0.0));
            assertThat(value(base, "sum(flink_taskmanager_job_task_operator_postsRemembered)")).isEqualTo(4.0);

            Map<String, String> rules = rules();
            assertThat(rules).containsOnlyKeys("StaffroomChatSessionWithoutPosts", "StaffroomEventTimeLagHigh",
                    "StaffroomRejectionRateHigh", "StaffroomJobRestarting", "StaffroomNoCheckpoint");
            Conditions.await("two checkpoints counted by Prometheus, for increase()", WAIT,
                    () -> value(base, "flink_jobmanager_job_numberOfCompletedCheckpoints") >= 2);
            assertThat(query(base, rules.get("StaffroomRejectionRateHigh"))).as("20 % rejected: fires").hasSize(1);
            assertThat(query(base, rules.get("StaffroomEventTimeLagHigh"))).as("posts of 2025: fires").hasSize(1);
            assertThat(byLabel(base, rules.get("StaffroomChatSessionWithoutPosts"), "chat")).as("only the chat in session")
                    .containsOnlyKeys("quietnow");
            assertThat(query(base, rules.get("StaffroomJobRestarting"))).as("no restart: silent").isEmpty();
            assertThat(query(base, rules.get("StaffroomNoCheckpoint"))).as("checkpoints every second: silent").isEmpty();

            // the operations dashboard: every panel's query is valid PromQL and finds its series
            for (Map.Entry<String, String> panel : operationsQueries().entrySet()) {
                assertThat(query(base, panel.getValue().replace("$__rate_interval", "1m"))).as(panel.getKey()).isNotEmpty();
            }
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly().waitFor();
            }
            job.cancel().get(1, TimeUnit.MINUTES);
        }
    }

    private static Process startPrometheus(int port) throws IOException {
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: flink
                    static_configs:
                      - targets: ["localhost:%d"]
                """.formatted(RULES, REPORTER_PORT));
        return new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + Files.createDirectories(dir.resolve("tsdb")),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    }

    private static String chat(String id, String hashtag, ZonedDateTime start) {
        return "{\"id\": \"" + id + "\", \"hashtag\": \"" + hashtag + "\", \"day\": \""
                + start.getDayOfWeek().name().toLowerCase(Locale.ROOT) + "\", \"start\": \""
                + start.format(DateTimeFormatter.ofPattern("HH:mm")) + "\", \"duration\": \"1h\", \"zone\": \"UTC\"}";
    }

    /** "panel title: legend" → its PromQL, from the provisioned operations dashboard. */
    private static Map<String, String> operationsQueries() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        JsonNode dashboard = JSON.readTree(RULES.resolveSibling("../grafana/dashboards/operations/staffroom-operations.json")
                .normalize().toFile());
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.put(panel.path("title").asText() + ": " + target.path("legendFormat").asText(),
                        target.path("expr").asText());
            }
        }
        assertThat(queries).hasSizeGreaterThan(10);
        return queries;
    }

    /** alert name → its expression, from the rules file. */
    private static Map<String, String> rules() throws IOException {
        Map<String, String> rules = new LinkedHashMap<>();
        for (JsonNode group : new YAMLMapper().readTree(RULES.toFile()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.put(rule.path("alert").asText(), rule.path("expr").asText());
            }
        }
        return rules;
    }

    /** The instant vector of a PromQL query (empty while Prometheus does not answer). */
    private static List<JsonNode> query(String base, String promql) throws Exception {
        HttpResponse<String> response;
        try {
            response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/query?query="
                    + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return List.of();
        }
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("status").asText()).as("%s: %s", promql, response.body()).isEqualTo("success");
        List<JsonNode> result = new ArrayList<>();
        answer.path("data").path("result").forEach(result::add);
        return result;
    }

    private static double value(String base, String promql) throws Exception {
        List<JsonNode> result = query(base, promql);
        return result.isEmpty() ? Double.NaN : result.get(0).path("value").get(1).asDouble();
    }

    private static Map<String, Double> byLabel(String base, String promql, String label) throws Exception {
        Map<String, Double> values = new TreeMap<>();
        for (JsonNode sample : query(base, promql)) {
            values.put(sample.path("metric").path(label).asText(), sample.path("value").get(1).asDouble());
        }
        return values;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
