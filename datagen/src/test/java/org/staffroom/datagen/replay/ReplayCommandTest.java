package org.staffroom.datagen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.datagen.ReplayCommand;
import picocli.CommandLine;

/** Bad usage is exit code 2 with a message naming the option, before any connection to Kafka. */
class ReplayCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ReplayCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private String file() throws IOException {
        return SyntheticPosts.write(dir.resolve("posts.jsonl"), 10, 1, 1000).toString();
    }

    @Test
    void aMissingFileIsBadUsage() {
        Run r = run(dir.resolve("nope.jsonl").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("FILE: no such file: ").contains("nope.jsonl").contains("Usage: replay");
    }

    @Test
    void noFileIsBadUsage() {
        assertThat(run().exit()).isEqualTo(2);
        assertThat(run(dir.toString()).err()).contains("FILE: not a readable file");
    }

    @Test
    void fractionsMustBeWithinZeroAndOne() throws IOException {
        String f = file();
        Run r = run(f, "--duplicate", "1.5");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--duplicate must be a fraction in [0, 1], got 1.5");
        assertThat(run(f, "--malformed", "-0.1").err()).contains("--malformed must be a fraction in [0, 1], got -0.1");
        assertThat(run(f, "--malformed", "NaN").exit()).isEqualTo(2);
        assertThat(run(f, "--duplicate", "lots").exit()).isEqualTo(2);
    }

    @Test
    void theSpeedMustBeAboveZero() throws IOException {
        String f = file();
        for (String speed : new String[] {"0", "-1", "NaN", "Infinity"}) {
            Run r = run(f, "--speed", speed);
            assertThat(r.exit()).as(speed).isEqualTo(2);
            assertThat(r.err()).as(speed).contains("--speed must be a number > 0");
        }
        assertThat(run(f, "--speed", "fast").exit()).isEqualTo(2);
    }

    @Test
    void otherBadValues() throws IOException {
        String f = file();
        assertThat(run(f, "--shuffle-within", "soon").err()).contains("is not a duration");
        assertThat(run(f, "--shuffle-within", "soon").exit()).isEqualTo(2);
        assertThat(run(f, "--partitions-by", "hash").exit()).isEqualTo(2);
        assertThat(run(f, "--limit", "0").err()).contains("--limit must be at least 1");
        assertThat(run(f, "--compression", "brotli").err()).contains("--compression must be one of");
        assertThat(run(f, "--topic", " ").err()).contains("--topic must not be empty");
        assertThat(run(f, "--shuffle-buffer", "0").exit()).isEqualTo(2);
        assertThat(run(f, "--no-such-option").exit()).isEqualTo(2);
        Run badProperty = run(f, "--producer-property", "linger.ms=soon");
        assertThat(badProperty.exit()).isEqualTo(2);
        assertThat(badProperty.err()).contains("invalid Kafka producer setting").contains("linger.ms");
        Run unresolvable = run(f, "--bootstrap-servers", "no-such-host.invalid:9092");
        assertThat(unresolvable.exit()).isEqualTo(2);
        assertThat(unresolvable.err()).contains("invalid Kafka producer setting").contains("bootstrap");
    }

    @Test
    void itIsASubcommandOfDatagen() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int exit = org.staffroom.datagen.DatagenCli.execute(out, new java.io.PrintStream(err, true),
                "replay", file(), "--speed", "0");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("--speed must be a number > 0");
        out.reset();
        assertThat(org.staffroom.datagen.DatagenCli.execute(out, new java.io.PrintStream(err, true), "replay", "--help"))
                .isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("Usage: datagen replay");
    }

    @Test
    void helpListsEveryOption() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("FILE", "--bootstrap-servers", "--topic", "--speed", "--duplicate",
                "--shuffle-within", "--malformed", "--seed", "--limit", "--partitions-by", "--compression",
                "--progress-interval", "localhost:9092", "edu.posts");
    }
}
