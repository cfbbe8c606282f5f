package org.staffroom.report.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.datagen.generator.GeneratorConfig;
import org.staffroom.datagen.generator.PostGenerator;
import org.staffroom.it.TestStack;
import org.staffroom.platforms.PostEvent;
import org.staffroom.report.ReportCli;

/**
 * The chat report of a known stream (the generator's, seeded; a third of its posts moved to
 * Mastodon so that the platform split shows) holds exactly the figures of the tables: every value
 * of every table in the page, read back out of the HTML, equals the database's.
 */
class ChatReportTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @TempDir
    static Path dir;

    /** Debian's Chromium, which .ci/run installs when a machine lacks it. */
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** The screenshot of the report, kept for the README (see "A chat report"). */
    private static final Path SCREENSHOT = Path.of("target", "chat-report.png").toAbsolutePath();
    /**
     * Added to a copy of the page by the browser test only (the report itself runs no script):
     * records each chart's laid-out size, the errors and the resources the page fetched.
     */
    private static final String PROBE = "<script>window.errors=[];window.onerror=function(m){errors.push(String(m));};"
            + "console.error=function(){errors.push(Array.from(arguments).join(' '));};"
            + "window.addEventListener('DOMContentLoaded',function(){var s={};"
            + "document.querySelectorAll('svg').forEach(function(e){var r=e.getBoundingClientRect();"
            + "s[e.id]={w:Math.round(r.width),h:Math.round(r.height),marks:e.querySelectorAll('rect,path').length};});"
            + "var o=document.createElement('pre');o.id='probe';o.textContent=JSON.stringify({charts:s,errors:errors,"
            + "fetched:performance.getEntriesByType('resource').length});document.body.appendChild(o);});</script>";

    private static TestStack stack;
    private static Path html;
    private static String db;
    private static Path passwordFile;
    private static Document page;
    private static String stderr;

    @BeforeAll
    static void runTheJobAndWriteTheReport() throws Exception {
        stack = TestStack.start();
        List<byte[]> posts = new ArrayList<>();
        PostGenerator generator = new PostGenerator(GeneratorConfig.builder().seed(7).weeks(4).community(150).build());
        for (int i = 0; generator.advance(); i++) {
            PostEvent event = generator.current().toPostEvent();
            if (i % 3 == 0) {
                event.platform = "mastodon";
            }
            posts.add(event.toBytes());
        }
        String topic = stack.topic(1);
        stack.write(topic, 0, posts);
        db = stack.database();
        stack.runJob(topic, db);
        passwordFile = Files.writeString(dir.resolve("password"), stack.postgres.password());

        html = dir.resolve("ukedchat.html");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReportCli.execute(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8), "chat", "--chat", "ukedchat", "--weeks", "3", "--out", html.toString(),
                "--jdbc-url", db, "--jdbc-user", stack.postgres.user(), "--jdbc-password-file", passwordFile.toString());
        stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(stderr).isZero();
        page = Jsoup.parse(html.toFile(), "UTF-8");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theWeekByWeekTableHoldsTheLatestSessionsExactly() throws Exception {
        List<List<String>> expected = rows("SELECT session_start, posts, originals, retweets, replies, quotes, "
                + "participants, new_participants, returning_participants, retained_from_previous, contributors, "
                + "brokering_ratio, link_ratio, mention_ratio, reply_ratio, retweet_ratio, reach, is_final "
                + "FROM (SELECT * FROM chat_session_metrics WHERE chat_id = 'ukedchat' ORDER BY session_start DESC "
                + "LIMIT 3) latest ORDER BY session_start");
        assertThat(expected).hasSize(3);
        assertThat(valuesOf("sessions-table")).isEqualTo(expected);
        assertThat(stderr).contains("report: ukedchat, 3 sessions");
    }

    @Test
    void theRestOfTheWeekTableHoldsTheViewsRows() throws Exception {
        List<List<String>> expected = rows("SELECT week_start, session_posts, rest_posts, session_participants, "
                + "rest_participants, session_link_ratio, rest_link_ratio, session_mention_ratio, rest_mention_ratio, "
                + "session_reply_ratio, rest_reply_ratio, is_final FROM chat_sessions_vs_rest_of_week "
                + "WHERE chat_id = 'ukedchat' AND week_start > (SELECT min(session_start) - interval '7 days' FROM "
                + "(SELECT session_start FROM chat_session_metrics WHERE chat_id = 'ukedchat' ORDER BY session_start "
                + "DESC LIMIT 3) s) ORDER BY week_start");
        assertThat(expected).isNotEmpty();
        assertThat(valuesOf("weeks-table")).isEqualTo(expected);
    }

    @Test
    void theLatestSessionsTopAccountsAndPlatformsAreTheTables() throws Exception {
        String latest = "(SELECT max(session_start) FROM chat_session_metrics WHERE chat_id = 'ukedchat')";
        List<List<String>> mentioned = rows("SELECT rank, account, posts FROM top_accounts WHERE scope = 'session' "
                + "AND scope_key = 'ukedchat' AND kind = 'mentioned' AND window_start = " + latest + " ORDER BY rank");
        assertThat(mentioned).isNotEmpty();
        assertThat(valuesOf("top-mentioned")).isEqualTo(mentioned);
        assertThat(valuesOf("top-contributors")).isEqualTo(rows("SELECT rank, account, posts FROM top_accounts "
                + "WHERE scope = 'session' AND scope_key = 'ukedchat' AND kind = 'contributor' AND window_start = "
                + latest + " ORDER BY rank"));
        List<List<String>> platforms = rows("SELECT platform, posts, participants, new_participants, "
                + "retained_from_previous, brokering_ratio FROM chat_session_platform_metrics WHERE chat_id = 'ukedchat' "
                + "AND session_start = " + latest + " ORDER BY posts DESC, platform");
        assertThat(platforms).extracting(r -> r.get(0)).containsExactlyInAnyOrder("twitter", "mastodon");
        assertThat(valuesOf("platforms-table")).isEqualTo(platforms);
    }

    @Test
    void theReadingComparesTheLatestSessionWithTheOnesBefore() throws Exception {
        List<List<String>> participants = rows("SELECT participants, new_participants FROM (SELECT * FROM "
                + "chat_session_metrics WHERE chat_id = 'ukedchat' ORDER BY session_start DESC LIMIT 3) s "
                + "ORDER BY session_start");
        long latest = Long.parseLong(participants.get(2).get(0));
        double before = (Long.parseLong(participants.get(0).get(0)) + Long.parseLong(participants.get(1).get(0))) / 2.0;
        String line = page.select("#reading li").stream().map(Element::text)
                .filter(t -> t.contains("participants than usual") || t.contains("participants as usual"))
                .findFirst().orElseThrow();
        assertThat(line).endsWith(": " + latest + " against " + String.format(java.util.Locale.UK, "%,.0f", before)
                + " on average over the 2 sessions before.");
        assertThat(page.select("#latest").text()).contains("posts by " + latest + " participants, "
                + participants.get(2).get(1) + " of them new");
    }

    @Test
    void everyChartIsAnSvgWithMarksAndLabelledAxes() {
        for (String id : List.of("chart-participants", "chart-posts", "chart-ratios", "chart-week", "chart-platforms")) {
            Element svg = page.getElementById(id);
            assertThat(svg).as(id).isNotNull();
            assertThat(svg.tagName()).isEqualTo("svg");
            assertThat(svg.select("rect, path").size()).as(id + " draws").isGreaterThan(10);
            assertThat(svg.select("text").eachText()).as(id + " labels its axes")
                    .anySatisfy(t -> assertThat(t).containsAnyOf("Session", "Week", "Platform"));
        }
        assertThat(page.select("script, link, img[src^=http], [src^=http]")).as("nothing fetched, nothing run").isEmpty();
    }

    @Test
    void aHeadlessBrowserWithoutNetworkLaysOutEveryChartWithoutErrors() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed here (.ci/run installs it)");
        Path probed = dir.resolve("probed.html");
        Files.writeString(probed, Files.readString(html).replace("<head>", "<head>" + PROBE));
        Document dom = Jsoup.parse(chromium(List.of("--dump-dom", probed.toUri().toString())));
        JsonNode probe = new ObjectMapper().readTree(dom.select("pre#probe").text());
        assertThat(probe.get("errors")).as("console errors").isEmpty();
        assertThat(probe.get("fetched").asInt()).as("resources fetched").isZero();
        JsonNode charts = probe.get("charts");
        assertThat(charts.size()).isEqualTo(5);
        charts.fields().forEachRemaining(chart -> {
            assertThat(chart.getValue().get("w").asInt()).as(chart.getKey() + " width").isGreaterThan(300);
            assertThat(chart.getValue().get("h").asInt()).as(chart.getKey() + " height").isGreaterThan(100);
            assertThat(chart.getValue().get("marks").asInt()).as(chart.getKey() + " marks").isGreaterThan(10);
        });

        Files.deleteIfExists(SCREENSHOT);
        chromium(List.of("--hide-scrollbars", "--window-size=1000,4600", "--screenshot=" + SCREENSHOT,
                html.toUri().toString()));
        BufferedImage shot = ImageIO.read(SCREENSHOT.toFile());
        assertThat(shot.getWidth()).isEqualTo(1000);
        // the charts' first three series colours are on the screen, not only in the file
        for (int rgb : new int[] {0x0072B2, 0xE69F00, 0x009E73}) {
            long pixels = 0;
            for (int y = 0; y < shot.getHeight(); y++) {
                for (int x = 0; x < shot.getWidth(); x++) {
                    pixels += (shot.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
                }
            }
            assertThat(pixels).as("pixels of #%06X", rgb).isGreaterThan(1000);
        }
    }

    /** Runs headless Chromium with no way out to the network; returns its standard output. */
    private static String chromium(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(dir, "profile"),
                "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"));
        command.addAll(args);
        Process browser = new ProcessBuilder(command).redirectError(dir.resolve("chromium.log").toFile()).start();
        try {
            String out = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(browser.waitFor(2, TimeUnit.MINUTES)).as("chromium finished").isTrue();
            assertThat(browser.exitValue()).as(Files.readString(dir.resolve("chromium.log"))).isZero();
            return out;
        } finally {
            browser.destroyForcibly();
        }
    }

    /** The {@code data-value} of each cell of a table's body, row by row (NULL when the cell has none). */
    private static List<List<String>> valuesOf(String tableId) {
        Element table = page.getElementById(tableId);
        assertThat(table).as(tableId).isNotNull();
        List<List<String>> rows = new ArrayList<>();
        for (Element tr : table.select("tbody tr")) {
            List<String> row = new ArrayList<>();
            for (Element td : tr.select("td")) {
                row.add(td.hasAttr("data-value") ? td.attr("data-value") : null);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The query's rows as the database's own text, instants in ISO-8601 UTC. */
    private static List<List<String>> rows(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db, stack.postgres.user(), stack.postgres.password());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add("timestamptz".equals(meta.getColumnTypeName(i)) && rs.getObject(i) != null
                            ? rs.getObject(i, OffsetDateTime.class).toInstant().toString() : rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
