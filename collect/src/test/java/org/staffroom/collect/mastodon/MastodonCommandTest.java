package org.staffroom.collect.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.collect.CollectCli;

class MastodonCommandTest {
    @TempDir
    Path dir;

    private String stderr = "";

    @Test
    void kafkaUnreachableExitsOneWithTheReason() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        int exit = collect("--servers", "mastodon.social", "--hashtags", "ukedchat",
                "--bootstrap-servers", "127.0.0.1:" + closedPort, "--producer-property", "max.block.ms=1000");

        assertThat(exit).isEqualTo(CollectCli.EXIT_FAILED);
        assertThat(stderr).startsWith("collect mastodon: cannot reach topic edu.posts at 127.0.0.1:" + closedPort);
    }

    @Test
    void badOptionsExitTwoNamingTheOption() throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "abc\n");
        Path state = Files.writeString(dir.resolve("state.json"), "[1, 2]");

        assertUsage("Missing required option: '--servers=SERVER[,…]'", "--hashtags", "ukedchat");
        assertUsage("--servers: 'ftp://mastodon.social' is not a server", "--servers", "ftp://mastodon.social",
                "--hashtags", "ukedchat");
        assertUsage("--hashtags: '#uk-ed' is not a hashtag (letters, digits and _)", "--servers", "mastodon.social",
                "--hashtags", "#uk-ed");
        assertUsage("--page-size: 41 is not between 1 and 40", "--servers", "mastodon.social", "--hashtags",
                "ukedchat", "--page-size", "41");
        assertUsage("--access-token-file: name the server a token belongs to (SERVER=FILE)", "--servers",
                "mastodon.social,mastodon.online", "--hashtags", "ukedchat", "--access-token-file", token.toString());
        assertUsage("--access-token-file: example.org is not one of --servers", "--servers", "mastodon.social",
                "--hashtags", "ukedchat", "--access-token-file", "example.org=" + token);
        assertUsage("--access-token-file: " + dir.resolve("none") + " cannot be read (NoSuchFileException)",
                "--servers", "mastodon.social", "--hashtags", "ukedchat", "--access-token-file",
                dir.resolve("none").toString());
        assertUsage("--state-file: " + state + ": not the collector's state: expected an object of servers",
                "--servers", "mastodon.social", "--hashtags", "ukedchat", "--state-file", state.toString());
        assertUsage("--state-file: " + dir.resolve("no/state.json") + ": the directory " + dir.resolve("no")
                + " does not exist", "--servers", "mastodon.social", "--hashtags", "ukedchat", "--state-file",
                dir.resolve("no/state.json").toString());
        Path positionsOfNoTag = Files.writeString(dir.resolve("positions.json"), "{\"mastodon.social\": \"113\"}");
        assertUsage("--state-file: " + positionsOfNoTag + ": mastodon.social: expected an object of hashtags and "
                + "status ids, not \"113\"", "--servers", "mastodon.social", "--hashtags", "ukedchat", "--state-file",
                positionsOfNoTag.toString());
        assertUsage("--max-reconnect-delay: 1000ms is shorter than --reconnect-delay 5000ms", "--servers",
                "mastodon.social", "--hashtags", "ukedchat", "--reconnect-delay", "5s", "--max-reconnect-delay",
                "1s");
        // durations as the job and datagen spell them
        assertUsage("Invalid value for option '--idle-timeout': '5 minutes' is not a duration: use a number and a unit",
                "--servers", "mastodon.social", "--hashtags", "ukedchat", "--idle-timeout", "5 minutes");
        assertUsage("--idle-timeout: 0ms must be more than zero", "--servers", "mastodon.social", "--hashtags",
                "ukedchat", "--idle-timeout", "0");
        assertUsage("--checkpoint-interval: 0ms must be more than zero", "--servers", "mastodon.social", "--hashtags",
                "ukedchat", "--checkpoint-interval", "0");
        // rejected records go to the topic, as the Bluesky collector's and the import's do
        assertUsage("Unknown options: '--rejects-file', 'rejects.jsonl'", "--servers", "mastodon.social", "--hashtags", "ukedchat",
                "--rejects-file", "rejects.jsonl");
    }

    private void assertUsage(String message, String... args) {
        assertThat(collect(args)).as(String.join(" ", args)).isEqualTo(CollectCli.EXIT_USAGE);
        assertThat(stderr).as(String.join(" ", args)).startsWith(message);
    }

    private int collect(String... args) {
        List<String> all = new ArrayList<>(List.of("mastodon"));
        all.addAll(List.of(args));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CollectCli.execute(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true),
                all.toArray(new String[0]));
        stderr = err.toString(StandardCharsets.UTF_8);
        return exit;
    }
}
