package org.staffroom.datagen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.datagen.DatagenCli;

/** {@code datagen generate} end to end, through {@link DatagenCli}. */
class GenerateCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderrBytes = new ByteArrayOutputStream();
    private final PrintStream stderr = new PrintStream(stderrBytes, true, StandardCharsets.UTF_8);

    private int run(String... args) {
        return DatagenCli.execute(stdout, stderr, args);
    }

    private String err() {
        return stderrBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheGeneratedStreamToAFile() throws Exception {
        Path file = dir.resolve("posts.jsonl");
        int code = run("generate", "--seed", "7", "--start", "2025-06-30", "--weeks", "1", "--community", "300",
                "--rate", "30", "--output", file.toString());
        assertThat(code).as(err()).isZero();
        GeneratorConfig same = GeneratorConfig.builder().seed(7).start(LocalDate.of(2025, 6, 30)).weeks(1)
                .community(300).rate(30).build();
        assertThat(Files.readAllBytes(file)).isEqualTo(GeneratedStreams.generate(same));
        assertThat(err()).contains("wrote").contains(file.toString()); // quick runs: just the closing line
        assertThat(stdout.size()).isZero();
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() throws Exception {
        Path file = dir.resolve("defaults.jsonl");
        assertThat(run("generate", "-q", "-o", file.toString())).as(err()).isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(GeneratedStreams.bytes(GeneratorConfig.defaults()));
        assertThat(err()).isEmpty();
    }

    @Test
    void writesToStdoutWithADashAndStaysQuiet() {
        int code = run("generate", "--weeks", "1", "--community", "100", "--rate", "5", "-o", "-");
        assertThat(code).as(err()).isZero();
        assertThat(err()).isEmpty();
        GeneratorConfig same = GeneratorConfig.builder().weeks(1).community(100).rate(5).build();
        assertThat(stdout.toByteArray()).isEqualTo(GeneratedStreams.generate(same));
    }

    @Test
    void writesOnePlatformsPostsAsItsNativeRecords() throws Exception {
        Path file = dir.resolve("mastodon.jsonl");
        int code = run("generate", "--seed", "7", "--start", "2025-06-30", "--weeks", "1", "--community", "300",
                "--rate", "30", "--format", "mastodon", "--output", file.toString());
        assertThat(code).as(err()).isZero();
        GeneratorConfig same = GeneratorConfig.builder().seed(7).start(LocalDate.of(2025, 6, 30)).weeks(1)
                .community(300).rate(30).build();
        List<GeneratedStreams.Post> mastodon = GeneratedStreams.posts(same).stream()
                .filter(p -> p.platform().equals("mastodon")).toList();
        List<String> statuses = Files.readAllLines(file);
        assertThat(statuses).hasSize(mastodon.size());
        for (int i = 0; i < statuses.size(); i++) {
            // one Status entity a line, its local id the generated post's
            assertThat(GeneratedStreams.JSON.readTree(statuses.get(i)).get("id").asText()).isEqualTo(mastodon.get(i).id());
        }
        assertThat(err()).contains(String.format(java.util.Locale.ROOT, "%,d mastodon posts as mastodon records; %,d posts of other platforms "
                + "left out", mastodon.size(), GeneratedStreams.posts(same).size() - mastodon.size()));
    }

    @Test
    void helpAndVersionExitZero() {
        assertThat(run("--help")).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("generate");
        assertThat(run("generate", "--help")).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .contains("--seed", "--start", "--weeks", "--community", "--rate", "--output", "--bootstrap-servers",
                        "--topic", "(default: 42)", "(default: 2025-01-06)", "(default: 4)", "(default: 2000)",
                        "(default: 60)", "edu.posts");
        assertThat(run("--version")).isZero();
    }

    @Test
    void badUsageExitsTwoWithAClearMessage() {
        List<String[]> cases = new ArrayList<>();
        String out = dir.resolve("x.jsonl").toString();
        cases.add(new String[] {});
        cases.add(new String[] {"generate"});
        cases.add(new String[] {"generate", "--weeks", "0", "-o", out});
        cases.add(new String[] {"generate", "--weeks", "two", "-o", out});
        cases.add(new String[] {"generate", "--community", "3", "-o", out});
        cases.add(new String[] {"generate", "--rate", "-5", "-o", out});
        cases.add(new String[] {"generate", "--start", "2025-13-01", "-o", out});
        cases.add(new String[] {"generate", "-o", out, "--bootstrap-servers", "localhost:9092"});
        cases.add(new String[] {"generate", "-o", out, "--topic", "edu.posts"});
        cases.add(new String[] {"generate", "--bootstrap-servers", "localhost:9092", "--topic", "bad topic"});
        cases.add(new String[] {"generate", "-o", dir.resolve("missing/x.jsonl").toString()});
        cases.add(new String[] {"generate", "-o", dir.toString()});
        cases.add(new String[] {"generate", "--no-such-option", "-o", out});
        cases.add(new String[] {"unknown-command"});
        cases.add(new String[] {"generate", "--format", "x-v1", "-o", out});
        cases.add(new String[] {"generate", "--format", "mastodon", "--bootstrap-servers", "localhost:9092"});
        String[] expected = {
            "a command is required: generate",
            "where to? Give --output FILE ('-' for stdout) or --bootstrap-servers HOST:PORT",
            "--weeks must be between 1 and 520, got 0",
            "Invalid value for option '--weeks': 'two' is not an int",
            "--community must be between 50 and 1000000 educators, got 3",
            "--rate must be between 0 and",
            "Invalid value for option '--start': expected a date like 2025-01-06, got '2025-13-01'",
            "--output and --bootstrap-servers are mutually exclusive",
            "--topic only applies with --bootstrap-servers",
            "--topic must be 1 to 249 letters",
            "does not exist",
            "--output must be a file",
            "Unknown option: '--no-such-option'",
            "Unmatched argument",
            "Invalid value for option '--format': unknown source format 'x-v1': one of x-v2, mastodon, bluesky, staffroom",
            "--format mastodon writes native records to --output",
        };
        for (int i = 0; i < cases.size(); i++) {
            stderrBytes.reset();
            int code = run(cases.get(i));
            assertThat(code).as(String.join(" ", cases.get(i)) + " → " + err()).isEqualTo(2);
            assertThat(err()).contains(expected[i]).contains("Usage: datagen");
        }
        assertThat(Files.exists(dir.resolve("x.jsonl"))).isFalse();
    }

    @Test
    void aFileThatCannotBeCreatedExitsOne() {
        // /proc is a directory in which nobody, not even root, can create a file
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc")));
        int code = run("generate", "-q", "-o", "/proc/staffroom-posts.jsonl");
        assertThat(code).as(err()).isEqualTo(1);
        assertThat(err()).startsWith("datagen generate: cannot write /proc/staffroom-posts.jsonl");
    }
}
