package org.staffroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.datagen.generator.GeneratorConfig;
import org.staffroom.datagen.generator.JsonLines;
import org.staffroom.datagen.generator.PostGenerator;
import org.staffroom.embedded.EmbeddedPostgres;
import org.staffroom.model.Post;
import org.staffroom.parse.ParserSettings;
import org.staffroom.parse.PostParser;

/**
 * Issue 12: an archive of more than 2 million posts through the README's first command, with --data-dir (so the
 * checkpoints, far beyond the JobManager's 5 MiB, go to the file system under it) and --exit-when-done. It finishes
 * with exit code 0, without a single restart, and the daily rows hold every post of the archive. Issue 14: the
 * archive is gzip and newest-first, as real archives are, so it goes through the import: converted, sorted on
 * disk in runs (the local stack's JVM has 4 GiB; the archive is 730 MB of JSON) and merged.
 */
@Tag("slow")
class ArchiveTest {
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final Pattern FINISHED = Pattern.compile("job finished in ([0-9.]+) s; restarts: (\\d+)");

    @Test
    void twoMillionPostsFinishWithoutARestartAndEveryPostInTheDailyRows(@TempDir Path dir) throws Exception {
        // a fortnight of a community of 20,000 at 6,500 background posts an hour: all the generator's hashtags
        Path archive = dir.resolve("archive.jsonl");
        long posts;
        PostGenerator generator = new PostGenerator(
                GeneratorConfig.builder().seed(12).weeks(2).community(20_000).rate(6_500).build());
        try (JsonLines out = new JsonLines(new BufferedOutputStream(Files.newOutputStream(archive), 1 << 16))) {
            while (generator.advance()) {
                out.write(generator.current());
            }
            posts = out.lines();
        }
        assertThat(posts).isGreaterThanOrEqualTo(2_000_000);
        Map<String, Long> expected = postsPerHashtagAndDay(archive);

        Path newestFirst = reversedGzip(archive, dir.resolve("newest-first.jsonl.gz"));

        Path data = dir.resolve("data");
        long started = System.nanoTime();
        LocalRun.Result run = LocalRun.run("--input", newestFirst.toString(), "--exit-when-done",
                "--data-dir", data.toString(), "--web-port", "0");
        double endToEnd = (System.nanoTime() - started) / 1e9;
        String output = run.output();
        assertThat(run.exit()).as(output).isZero();
        assertThat(output).contains("importing 1 file", String.format("%,d events written", posts),
                String.format("%,d records read from Kafka; 0 rejected", posts));
        Matcher finished = FINISHED.matcher(output);
        assertThat(finished.find()).as(output).isTrue();
        assertThat(finished.group(2)).as("restarts, from Flink's exception history").isEqualTo("0");
        double jobSeconds = Double.parseDouble(finished.group(1));
        System.out.printf("ArchiveTest: %,d posts (%,d MB) in %.1f s of the job: %,.0f posts/s; %.1f s end to end "
                + "(generation, replay into Kafka, job, summary)%n", posts, Files.size(archive) >> 20, jobSeconds,
                posts / jobSeconds, endToEnd);

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(data);
                Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.port()
                        + "/staffroom", postgres.user(), postgres.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT hashtag, window_start, posts FROM hashtag_window_metrics "
                        + "WHERE window_size = '1d'")) {
            Map<String, Long> rows = new TreeMap<>();
            while (rs.next()) {
                rows.put(rs.getString(1) + "@" + rs.getTimestamp(2).toInstant(), rs.getLong(3));
            }
            assertThat(rows).hasSize(expected.size()).isEqualTo(expected);
        }
    }

    /** The file's lines last to first, gzip: in chunks, so that memory stays small whatever its size. */
    private static Path reversedGzip(Path file, Path out) throws IOException {
        List<Path> chunks = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> chunk = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                chunk.add(line);
                if (chunk.size() == 200_000) {
                    chunks.add(writeReversed(chunk, file.resolveSibling("chunk-" + chunks.size())));
                }
            }
            chunks.add(writeReversed(chunk, file.resolveSibling("chunk-" + chunks.size())));
        }
        try (OutputStream gzip = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16))) {
            for (int i = chunks.size() - 1; i >= 0; i--) {
                Files.copy(chunks.get(i), gzip);
                Files.delete(chunks.get(i));
            }
        }
        return out;
    }

    private static Path writeReversed(List<String> chunk, Path to) throws IOException {
        Collections.reverse(chunk);
        Files.write(to, chunk, StandardCharsets.UTF_8);
        chunk.clear();
        return to;
    }

    /** Per hashtag and UTC day (the job's default 1d windows), the posts of the archive, read as the contract reads. */
    private static Map<String, Long> postsPerHashtagAndDay(Path archive) throws Exception {
        PostParser parser = new PostParser(new ParserSettings(Duration.ofHours(24), Instant.parse("2000-01-01T00:00:00Z")));
        Map<String, Long> counts = new TreeMap<>();
        long now = System.currentTimeMillis();
        try (BufferedReader lines = Files.newBufferedReader(archive, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Post post = parser.parse(line.getBytes(StandardCharsets.UTF_8), now);
                Instant day = Instant.ofEpochMilli(Math.floorDiv(post.createdAt, DAY) * DAY);
                for (String hashtag : post.hashtags) {
                    counts.merge(hashtag + "@" + day, 1L, Long::sum);
                }
            }
        }
        return counts;
    }
}
