package org.staffroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.embedded.Database;
import org.staffroom.embedded.EmbeddedPostgres;

/**
 * The README's first command, as a script would run it: a small hand-built file, an existing
 * database, --exit-when-done; the rows left behind are exactly the expected ones. And its own
 * database and Flink: the job writes as a member of the schema's writer role, and the web UI
 * answers on the loopback interface only. While the job runs, it prints progress on stderr.
 */
class LocalStackTest {

    @Test
    void theJobWritesAsTheWriterRoleAndTheWebUiIsOnLoopbackOnly(@TempDir Path dir) throws Exception {
        Path input = Files.writeString(dir.resolve("posts.jsonl"),
                "{\"id\":\"1\",\"createdAt\":\"2025-01-09T20:01:00Z\",\"author\":{\"id\":\"alice\"},"
                        + "\"text\":\"Q1 #UKEdChat\"}\n");
        Console console = new Console(System.out);
        try (Stack stack = Stack.start(console, null, null, 1)) {
            Feed.replay(console, input, stack.bootstrapServers(), Stack.TOPIC);
            List<String> args = stack.jobArgs();
            assertThat(args.get(args.indexOf("--jdbc-user") + 1)).isEqualTo(Stack.JOB_LOGIN);
            stack.runJob(args, 0);

            Database db = stack.database();
            assertThat(LocalRun.rows(db.url(), db.user(), db.password(), "SELECT r.rolsuper, "
                    + "array_agg(g.rolname) AS member_of FROM pg_roles r JOIN pg_auth_members m ON m.member = r.oid "
                    + "JOIN pg_roles g ON g.oid = m.roleid WHERE r.rolname = '" + Stack.JOB_LOGIN + "' GROUP BY 1"))
                    .containsExactly("rolsuper=f|member_of={staffroom_writer}");
            assertThat(LocalRun.rows(db.url(), db.user(), db.password(),
                    "SELECT chat_id, posts FROM chat_session_metrics")).containsExactly("chat_id=ukedchat|posts=1");

            int port = stack.webUiPort();
            try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(loopback.isConnected()).isTrue();
            }
            List<InetAddress> external = new ArrayList<>();
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    external.addAll(Collections.list(nic.getInetAddresses()));
                }
            }
            assumeThat(external).as("this host has an address other than loopback to try").isNotEmpty();
            for (InetAddress address : external) {
                assertThatThrownBy(() -> new Socket(address, port).close()).as("the web UI on %s", address)
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void replaysAFileIntoAnExistingDatabaseAndExitsWhenDone(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("posts.jsonl");
        Files.write(input, List.of(
                "{\"id\":\"1\",\"createdAt\":\"2025-01-09T20:01:00Z\",\"author\":{\"id\":\"alice\",\"followers\":10},"
                        + "\"text\":\"Q1: what is feedback for? #UKEdChat\"}",
                "{\"id\":\"2\",\"createdAt\":\"2025-01-09T20:03:00Z\",\"author\":{\"id\":\"bob\",\"followers\":5},"
                        + "\"text\":\"@alice A1 https://eef.org.uk #ukedchat\",\"replyTo\":\"1\"}",
                "{\"id\":\"2\",\"createdAt\":\"2025-01-09T20:03:00Z\",\"author\":{\"id\":\"bob\",\"followers\":5},"
                        + "\"text\":\"@alice A1 https://eef.org.uk #ukedchat\",\"replyTo\":\"1\"}",
                "{\"id\":\"5\",\"platform\":\"bluesky\",\"createdAt\":\"2025-01-09T20:10:00Z\","
                        + "\"author\":{\"id\":\"alice\",\"followers\":20},\"text\":\"Hello from Bluesky #ukedchat\"}",
                "{\"id\":\"3\",\"createdAt\":\"2025-01-09T20:40:00Z\",\"author\":{\"id\":\"carol\"},"
                        + "\"text\":\"Thanks all #ukedchat\"}",
                "{\"id\":\"4\",\"author\":{\"id\":\"dave\"},\"text\":\"no time #ukedchat\"}",
                "definitely not json"), StandardCharsets.UTF_8);

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(null)) {
            String url = postgres.createDatabase("scripted");
            Path password = dir.resolve("pw");
            Files.writeString(password, postgres.password());
            LocalRun.Result run = LocalRun.run("--input", input.toString(), "--exit-when-done",
                    "--jdbc-url", url, "--jdbc-user", postgres.user(), "--jdbc-password-file", password.toString(),
                    "--web-port", "0", "--parallelism", "1", "--reports", dir.resolve("reports").toString());
            String output = run.output();
            assertThat(run.exit()).as(output).isZero();
            assertThat(output).contains("== Staffroom summary ==", "7 records read from Kafka; 2 rejected",
                    "Flink web UI: http://localhost:", "Chat sessions by platform");
            // alice on Bluesky is another participant than alice without a platform
            assertThat(output).containsPattern("ukedchat +bluesky +1 +1 +1\\.0 +1 +0 ");
            // the job's last progress lines: every record, the latest createdAt of an accepted post (id 3)
            List<String> progress = run.errors().lines().filter(line -> line.startsWith("staffroom: ")).toList();
            assertThat(progress.get(progress.size() - 2)).as(run.errors()).matches("staffroom: 7 read, [\\d,]+ "
                    + "records/s, event time 2025-01-09T20:40:00Z, 100\\.0% of 7, 00:00:00 left");
            assertThat(progress.get(progress.size() - 1))
                    .matches("staffroom: read 7 records from edu\\.posts in [\\d.]+ s \\([\\d,]+ records/s\\)");
            assertThat(output).contains("chat report of ukedchat (1 sessions): file:",
                    "chat report of sltchat (0 sessions): file:");
            assertThat(Files.readString(dir.resolve("reports/ukedchat.html")))
                    .contains("Thursday 9 January 2025, 20:00: 3 posts by 3 participants, 3 of them new.");
            assertThat(Files.readString(dir.resolve("reports/sltchat.html")))
                    .contains("No session of this chat has posts yet.");

            assertThat(LocalRun.rows(url, postgres.user(), postgres.password(), "SELECT chat_id, session_start, posts, "
                    + "participants, new_participants, replies, with_link, with_mention, questions, reach, is_final "
                    + "FROM chat_session_metrics")).containsExactly(
                    "chat_id=ukedchat|session_start=2025-01-09 20:00:00+00|posts=3|participants=3|new_participants=3|"
                            + "replies=1|with_link=1|with_mention=1|questions=1|reach=35|is_final=t");
            assertThat(LocalRun.rows(url, postgres.user(), postgres.password(), "SELECT hashtag, window_size, window_start, "
                    + "posts, participants, is_final FROM hashtag_window_metrics ORDER BY window_size, window_start"))
                    .containsExactly(
                    // the file ends at 20:40: the day and the half hour it cuts short stay open
                    "hashtag=ukedchat|window_size=1d|window_start=2025-01-09 00:00:00+00|posts=4|participants=4|is_final=f",
                    "hashtag=ukedchat|window_size=30m|window_start=2025-01-09 20:00:00+00|posts=3|participants=3|is_final=t",
                    "hashtag=ukedchat|window_size=30m|window_start=2025-01-09 20:30:00+00|posts=1|participants=1|is_final=f");
            assertThat(LocalRun.rows(url, postgres.user(), postgres.password(), "SELECT reason FROM rejected_posts "
                    + "ORDER BY reason")).satisfiesExactly(
                    r -> assertThat(r).isEqualTo("reason=createdAt: required field is missing"),
                    r -> assertThat(r).startsWith("reason=not valid JSON at line 1"));
        }
    }
}
