package org.staffroom.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.platforms.ConverterOptions;
import org.staffroom.platforms.SourceFormat;

/**
 * The import on the platforms' golden fixtures (written in the real records' shapes, with their
 * traps): newest-first, gzip, pretty-printed pages and JSONL alike give the events in event-time
 * order, the same whatever the order of the files and lines and however small the sort runs.
 */
class ArchiveImportTest {
    private static final Path FIXTURES = Path.of("..", "platforms", "src", "test", "resources");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private List<String> run(ImportOptions options, List<Path> inputs) throws IOException {
        StringWriter out = new StringWriter();
        new ArchiveImport(options, new PrintStream(OutputStream.nullOutputStream())).run(inputs, out);
        return out.toString().lines().toList();
    }

    private static ImportOptions options(int sortRun, Path tempDir) {
        return new ImportOptions(null, sortRun, tempDir, 1000, ConverterOptions.defaults());
    }

    /** The JSONL fixtures as a collector would have written them and as an archive holds them: newest first. */
    private List<Path> newestFirst(boolean gzip) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String jsonl : List.of("x/flattened.jsonl", "mastodon/stream.jsonl", "bluesky/jetstream.jsonl")) {
            List<String> lines = new ArrayList<>(Files.readAllLines(FIXTURES.resolve(jsonl)));
            Collections.reverse(lines);
            Path file = dir.resolve(jsonl.replace('/', '-') + (gzip ? ".gz" : ""));
            try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
                out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            }
            files.add(file);
        }
        // API answers saved as they came: one pretty-printed JSON document each
        files.add(FIXTURES.resolve("x/page.json"));
        files.add(FIXTURES.resolve("mastodon/timeline-page.json"));
        return files;
    }

    private static List<String> field(List<String> lines, String name) throws IOException {
        List<String> values = new ArrayList<>();
        for (String line : lines) {
            JsonNode node = JSON.readTree(line);
            values.add(node.path(name).asText());
        }
        return values;
    }

    @Test
    void newestFirstArchivesComeOutInEventTimeOrderWithRepostsJoined() throws Exception {
        List<String> out = run(options(1000, dir), newestFirst(false));

        // by hand from the fixtures' created_at / createdAt / time_us: X in March 2023, then the
        // Bluesky and Mastodon evening of 21 November 2024; the X page and the flattened lines hold
        // the same five tweets (the job de-duplicates them), the reposts keep their own times
        assertThat(field(out, "createdAt")).isSortedAccordingTo(
                (a, b) -> OffsetDateTime.parse(a).toInstant().compareTo(OffsetDateTime.parse(b).toInstant()));
        assertThat(out).hasSize(5 + 5 + 5 + 5 + 1);
        List<String> ids = field(out, "id");
        assertThat(ids.subList(0, 10)).containsExactly("1600000000000000102", "1600000000000000102",
                "1600000000000000104", "1600000000000000104", "1600000000000000105", "1600000000000000105",
                "1600000000000000106", "1600000000000000106", "1600000000000000107", "1600000000000000107");
        assertThat(ids.subList(10, 21)).containsExactly(
                "at://did:plc:reyesteachesukedchatabcd/app.bsky.feed.post/3lbfxq2ukss2a",
                "https://mastodon.education/users/msreyes/statuses/113500000000000001",
                "at://did:plc:jleemathsteacherbskyabcd/app.bsky.feed.post/3lbfxs7r4lk2b",
                "at://did:plc:okaforsciencelabnotesxyz/app.bsky.feed.post/3lbfxtn6kfc2c",
                "at://did:plc:daviesprimaryschoolqwxyz/app.bsky.feed.repost/3lbfxvb2ajs2d",
                "at://did:plc:daviesprimaryschoolqwxyz/app.bsky.feed.repost/3lbfxvx4mcs2e",
                "https://teachers.ie/users/aoife/statuses/113499999999990001",
                // the capture's delete of a post it does not hold, when the relay saw it
                "at://did:plc:reyesteachesukedchatabcd/app.bsky.feed.post/3lbfwzzzzzz2g",
                "https://mastodon.education/users/okafor/statuses/113500000000000003/activity",
                "https://scholar.social/users/pdavies/statuses/113500000000009004",
                "https://sciences.social/users/jlee/statuses/113500000000000555");
        // the repost read before its post (newest first) still takes the post's hashtags; the
        // repost of a post the archive does not hold has none
        assertThat(JSON.readTree(out.get(14)).path("hashtags").toString()).isEqualTo("[\"ukedchat\",\"edchat\"]");
        assertThat(JSON.readTree(out.get(15)).path("hashtags").toString()).isEqualTo("[]");
    }

    @Test
    void theOutputIsTheSameWhateverTheFileOrderCompressionAndSortRuns() throws Exception {
        List<Path> files = newestFirst(false);
        List<String> expected = run(options(1000, dir), files);

        List<Path> reversed = new ArrayList<>(newestFirst(true));
        Collections.reverse(reversed);
        Path runs = Files.createDirectory(dir.resolve("runs"));
        // equal times keep the input order, so only the order within one instant may differ; and a Mastodon
        // delete frame names a status by its local id, known only once its status was read: read after the page
        // that holds it, the stream's delete becomes a deletion, without a time, so last
        List<String> withTheDelete = new ArrayList<>(expected);
        withTheDelete.add("{\"deleted\":true,\"platform\":\"mastodon\","
                + "\"id\":\"https://teachers.ie/users/aoife/statuses/113499999999990001\"}");
        assertThat(run(options(2, runs), reversed)).containsExactlyInAnyOrderElementsOf(withTheDelete);
        assertThat(run(options(2, runs), files)).containsExactlyElementsOf(expected);
        try (var left = Files.list(runs)) {
            assertThat(left).as("sort runs removed").isEmpty();
        }
    }

    @Test
    void whatCannotBeMappedGoesFirstAsARejectionNamingTheFieldAndTheLine() throws Exception {
        Path file = dir.resolve("mixed.jsonl");
        Files.write(file, List.of(
                "{\"id\":\"9\",\"platform\":\"twitter\",\"createdAt\":\"2025-01-09T20:01:00Z\",\"author\":{\"id\":\"1\"},\"extra\":1}",
                "{\"data\":[{\"id\":\"5\",\"author_id\":\"7\",\"text\":\"no time #ukedchat\"}]}",
                "not json at all",
                "",
                "{\"kind\":\"something else\"}"), StandardCharsets.UTF_8);

        List<String> out = run(options(1000, dir), List.of(file));

        assertThat(out).hasSize(4);
        assertThat(JSON.readTree(out.get(0)).path("conversionError").asText())
                .isEqualTo("x-v2: data[0].created_at is missing (mixed.jsonl line 2)");
        assertThat(JSON.readTree(out.get(0)).path("source").path("text").asText()).isEqualTo("no time #ukedchat");
        assertThat(JSON.readTree(out.get(1)).path("conversionError").asText()).startsWith("not JSON: ").endsWith("(mixed.jsonl line 3)");
        assertThat(JSON.readTree(out.get(1)).path("source").asText()).isEqualTo("not json at all");
        assertThat(JSON.readTree(out.get(2)).path("conversionError").asText()).isEqualTo(
                "not a record of X API v2, Mastodon, Bluesky Jetstream or Staffroom's format (mixed.jsonl line 5)");
        // a contract event is passed on as it was, unknown fields and all
        assertThat(out.get(3)).isEqualTo(
                "{\"id\":\"9\",\"platform\":\"twitter\",\"createdAt\":\"2025-01-09T20:01:00Z\",\"author\":{\"id\":\"1\"},\"extra\":1}");
    }

    @Test
    void deletionsPassThroughAfterThePostsTheyDeleteAndLastWhenTheirTimeIsUnknown() throws Exception {
        String post = "{\"id\":\"9\",\"platform\":\"twitter\",\"createdAt\":\"2025-01-09T20:01:00Z\",\"author\":{\"id\":\"1\"}}";
        String sameInstant = "{\"deleted\":true,\"platform\":\"twitter\",\"id\":\"9\",\"createdAt\":\"2025-01-09T20:01:00Z\"}";
        String untimed = "{\"deleted\":true,\"platform\":\"twitter\",\"id\":\"8\"}";
        String later = "{\"id\":\"10\",\"platform\":\"twitter\",\"createdAt\":\"2025-01-09T20:05:00Z\",\"author\":{\"id\":\"1\"}}";
        Path file = dir.resolve("deletions.jsonl");
        // newest first, as archives are: each deletion before the post it deletes
        Files.write(file, List.of(untimed, later, sameInstant, post,
                "{\"data\": {\"delete\": {\"event_at\": \"2025-01-09T20:03:00.000Z\", \"tweet\": {\"author_id\": \"1\","
                        + " \"id\": \"9\"}}}}"), StandardCharsets.UTF_8);

        List<String> out = run(options(1000, dir), List.of(file));

        assertThat(out).containsExactly(post, sameInstant,
                "{\"deleted\":true,\"platform\":\"twitter\",\"id\":\"9\",\"createdAt\":\"2025-01-09T20:03:00.000Z\"}",
                later, untimed);
    }

    @Test
    void aFileThatIsNotUtf8StopsTheImportWithItsLine() throws Exception {
        String good = "{\"id\":\"1\",\"createdAt\":\"2025-01-09T20:01:00Z\",\"author\":{\"id\":\"a\"}}";
        String latin1 = "{\"id\":\"2\",\"createdAt\":\"2025-01-09T20:01:00Z\",\"author\":{\"id\":\"b\"},\"text\":\"café\"}";
        Path early = dir.resolve("early.jsonl");
        Files.write(early, List.of(good, latin1), StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> run(options(1000, dir), List.of(early))).isInstanceOf(IOException.class)
                .hasMessage(early + " line 2 is not UTF-8 text");

        List<String> lines = new ArrayList<>(Collections.nCopies(3000, good));
        lines.add(latin1);
        Path late = dir.resolve("late.jsonl");
        Files.write(late, lines, StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> run(options(1000, dir), List.of(late))).isInstanceOf(IOException.class)
                .hasMessage(late + " line 3001 is not UTF-8 text");
    }

    @Test
    void aFixedFormatRejectsRecordsOfAnother() throws Exception {
        ImportOptions mastodonOnly = new ImportOptions(SourceFormat.MASTODON, 1000, dir, 1000, ConverterOptions.defaults());
        List<String> out = run(mastodonOnly, List.of(FIXTURES.resolve("x/stream-line.json")));
        assertThat(out).singleElement().satisfies(line ->
                assertThat(JSON.readTree(line).path("conversionError").asText()).startsWith("mastodon: "));
    }

    @Test
    void theCommandPrintsWhatItDidAndExitsTwoOnBadUsage() throws Exception {
        Path events = dir.resolve("events.jsonl");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = new picocli.CommandLine(new ImportCommand()).execute(
                    FIXTURES.resolve("bluesky/jetstream.jsonl").toString(), "--output", events.toString());
        } finally {
            System.setErr(saved);
        }
        assertThat(exit).isZero();
        assertThat(Files.readAllLines(events)).hasSize(6);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("9 records read; 6 events written: 5 converted, 1 deletions",
                "1 Bluesky reposts took their original's hashtags", "3 records are not posts and were left out");

        assertThat(new picocli.CommandLine(new ImportCommand()).execute("--input-format", "myspace", events.toString()))
                .isEqualTo(2);
        assertThat(new picocli.CommandLine(new ImportCommand()).execute(dir.resolve("absent.jsonl").toString())).isEqualTo(2);
        assertThat(new picocli.CommandLine(new ImportCommand()).execute("--sort-run", "0", events.toString())).isEqualTo(2);
    }
}
