package org.staffroom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.source.StartingOffsets;
import org.staffroom.state.StateBackend;
import org.staffroom.windows.WindowScheme;

class StaffroomConfigTest {

    @Test
    void defaultsWorkWithoutAnyFlag() {
        StaffroomConfig c = StaffroomConfig.of();
        assertThat(c.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(c.topic()).isEqualTo("edu.posts");
        assertThat(c.startingOffsets()).isEqualTo(StartingOffsets.committed);
        assertThat(c.bounded()).isFalse();
        assertThat(c.jdbc().url()).isEqualTo("jdbc:postgresql://localhost:5432/staffroom");
        assertThat(c.windowSchemes()).extracting(WindowScheme::label).containsExactly("30m", "1d");
        assertThat(c.outOfOrderness()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.allowedLateness()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.dedupHorizon()).isEqualTo(Duration.ofDays(8));
        assertThat(c.checkpointInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.checkpointDir()).as("the cluster's").isNull();
        assertThat(c.progressInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        StaffroomConfig.Parsed help = StaffroomConfig.parse("--help");
        assertThat(help.exitCode).isZero();
        assertThat(help.config).isNull();
        List<String> options = List.of("--bootstrap-servers", "--topic", "--group-id", "--starting-offsets",
                "--kafka-properties", "--bounded", "--progress-interval", "--start-without-state", "--jdbc-url", "--jdbc-user", "--jdbc-password-env", "--jdbc-password-file",
                "--jdbc-ssl-mode", "--jdbc-ssl-root-cert",
                "--window-sizes", "--day-zone", "--chats", "--live-refresh", "--out-of-orderness", "--allowed-lateness", "--idle-timeout",
                "--dedup-horizon", "--max-future", "--min-event-time", "--pseudonymise-key-file", "--checkpoint-interval", "--checkpoint-dir", "--state-backend",
                "--parallelism", "--sink-batch-size", "--sink-flush-interval", "--sink-max-retries", "--help", "--version");
        for (String option : options) {
            assertThat(help.message).contains(option);
        }
        Matcher declared = Pattern.compile("(--[a-z-]+)").matcher(help.message);
        while (declared.find()) {
            assertThat(options).as("documented in this test").contains(declared.group(1));
        }
        assertThat(help.message.replaceAll("\\s+", " ")).contains("default: 30m,1d").contains("default: edu.posts")
                .contains("default: 2000-01-01T00:00:00Z").contains("default: STAFFROOM_JDBC_PASSWORD")
                .contains("default: heap");
    }

    @Test
    void readsEveryKindOfValue() {
        StaffroomConfig c = StaffroomConfig.of("--bounded", "--starting-offsets", "earliest", "--window-sizes",
                "15m,1h,1d", "--day-zone", "Europe/London", "--out-of-orderness", "PT2M", "--allowed-lateness", "0s",
                "--dedup-horizon", "14d", "--parallelism", "2", "--state-backend", "rocksdb");
        assertThat(c.bounded()).isTrue();
        assertThat(c.startingOffsets()).isEqualTo(StartingOffsets.earliest);
        assertThat(c.windowSchemes()).extracting(WindowScheme::label).containsExactly("15m", "1h", "1d");
        assertThat(c.outOfOrderness()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.allowedLateness()).isZero();
        assertThat(c.dedupHorizon()).isEqualTo(Duration.ofDays(14));
        assertThat(c.parallelism()).isEqualTo(2);
        assertThat(c.stateBackend()).isEqualTo(StateBackend.rocksdb);
        assertThat(StaffroomConfig.of("--progress-interval", "0s").progressInterval()).as("no progress lines").isZero();
    }

    @Test
    void explainsWhatIsWrong() {
        assertThat(StaffroomConfig.parse("--state-backend", "disk").message)
                .contains("--state-backend").contains("heap, rocksdb").contains("'disk'");
        assertThat(StaffroomConfig.parse("--day-zone", "Mars/Olympus").message)
                .startsWith("staffroom-job: --day-zone 'Mars/Olympus' is not an IANA time zone");
        assertThat(StaffroomConfig.parse("--dedup-horizon", "1d").message)
                .contains("--dedup-horizon must be at least 7d (contract §1), got 1d");
        assertThat(StaffroomConfig.parse("--dedup-horizon", "7d").message).as("a chat week can last 169 hours")
                .contains("--dedup-horizon must cover the longest window (7d1h) plus --allowed-lateness (5m)")
                .contains("got 7d, at least 7d1h5m needed");
        assertThat(StaffroomConfig.parse("--dedup-horizon", "8d", "--allowed-lateness", "1d").message)
                .contains("at least 8d1h needed");
        assertThat(StaffroomConfig.parse("--window-sizes", "7m").message)
                .contains("--window-sizes: window size '7m' must be shorter than a day and divide it evenly");
        assertThat(StaffroomConfig.parse("--out-of-orderness", "soon").message)
                .contains("'soon' is not a duration");
        assertThat(StaffroomConfig.parse("--starting-offsets", "middle").message).contains("--starting-offsets");
        assertThat(StaffroomConfig.parse("--progress-interval", "-PT1S").message)
                .contains("--progress-interval must not be negative (0 for no progress lines)");
        assertThat(StaffroomConfig.parse("--jdbc-url", "jdbc:mysql://x").message)
                .contains("--jdbc-url must start with jdbc:postgresql:");
        assertThat(StaffroomConfig.parse("--no-such-flag").message).contains("Unknown option: '--no-such-flag'");
        assertThat(StaffroomConfig.parse("--no-such-flag").exitCode).isEqualTo(2);
        assertThat(StaffroomConfig.parse("--live-refresh", "5m").message)
                .contains("--live-refresh must be between 1s and 1m (contract §4: at least once a minute), got 5m");
        assertThat(StaffroomConfig.parse("--chats", "/nonexistent/chats.json").message)
                .contains("--chats: /nonexistent/chats.json");
        assertThat(StaffroomConfig.parse("--pseudonymise-key-file", "/nonexistent/key").message)
                .contains("--pseudonymise-key-file: cannot read the pseudonym key file /nonexistent/key");
        assertThat(StaffroomConfig.parse("--pseudonymise-key-file", "pom.xml").config).as("a key long enough").isNotNull();
        assertThatThrownBy(() -> StaffroomConfig.of("--jdbc-password-file", "/nonexistent/pw"))
                .hasMessageContaining("--jdbc-password-file /nonexistent/pw does not exist or cannot be read");
    }

    @Test
    void theCheckpointDirIsAUriOrAnAbsolutePath() {
        assertThat(StaffroomConfig.of("--checkpoint-dir", "s3://bucket/staffroom/checkpoints").checkpointDir())
                .hasToString("s3://bucket/staffroom/checkpoints");
        assertThat(StaffroomConfig.of("--checkpoint-dir", "file:///var/lib/staffroom/checkpoints").checkpointDir())
                .hasToString("file:///var/lib/staffroom/checkpoints");
        assertThat(StaffroomConfig.of("--checkpoint-dir", "/nonexistent/staffroom checkpoints").checkpointDir())
                .hasToString("file:///nonexistent/staffroom%20checkpoints");
        assertThat(StaffroomConfig.of("--checkpoint-dir", "/var/ckpt").toString()).contains("checkpointDir=file:///var/ckpt");
        for (String wrong : List.of("checkpoints", "s3://bucket", "C:checkpoints", "file:", "::")) {
            assertThat(StaffroomConfig.parse("--checkpoint-dir", wrong).message).as(wrong).startsWith(
                    "staffroom-job: --checkpoint-dir must be an absolute path or a URI such as "
                            + "file:///var/lib/staffroom/checkpoints or s3://bucket/staffroom/checkpoints, got '"
                            + wrong + "'");
        }
    }

    @Test
    void readsTheChatCalendarFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chats.json");
        Files.writeString(file, "{\"chats\": [{\"id\": \"mathschat\", \"hashtag\": \"#MathsChat\", "
                + "\"day\": \"monday\", \"start\": \"19:30\", \"zone\": \"Europe/London\"}]}");
        StaffroomConfig c = StaffroomConfig.of("--chats", file.toString());
        assertThat(c.chatCalendar().chats()).extracting(chat -> chat.chatId() + " " + chat.hashtag())
                .containsExactly("mathschat mathschat");
        assertThat(StaffroomConfig.of().chatCalendar().chats()).extracting(chat -> chat.chatId())
                .containsExactly("sltchat", "primedchat", "ukedchat");
        Files.writeString(file, "{\"chats\": [{\"id\": \"x\", \"hashtag\": \"x\", \"day\": \"monday\", "
                + "\"start\": \"19:30\", \"zone\": \"Europe/Lundon\"}]}");
        assertThat(StaffroomConfig.parse("--chats", file.toString()).message)
                .contains("zone 'Europe/Lundon' is not an IANA time zone");
    }

    @Test
    void thePasswordComesFromAFileAndNeverShows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "s3cret-Pa55\n");
        StaffroomConfig c = StaffroomConfig.of("--jdbc-password-file", file.toString());
        assertThat(c.jdbc().password()).isEqualTo("s3cret-Pa55");
        assertThat(c.toString()).doesNotContain("s3cret").contains("password from file");
        assertThat(StaffroomConfig.parse("--jdbc-url", "jdbc:postgresql://h/db?password=s3cret").message)
                .contains("must not carry a password").doesNotContain("s3cret");
    }

    @Test
    void thePasswordVariableMayBeUnset() {
        StaffroomConfig c = StaffroomConfig.of("--jdbc-password-env", "STAFFROOM_TEST_SURELY_UNSET_VARIABLE");
        assertThat(c.jdbc().password()).isNull();
    }
}
