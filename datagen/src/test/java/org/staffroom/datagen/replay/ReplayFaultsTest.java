package org.staffroom.datagen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The faults, against an in-memory sink (the Kafka test checks the same through a broker). */
class ReplayFaultsTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private ListSink replay(ReplayOptions.Builder options) {
        ListSink sink = new ListSink();
        ReplaySummary summary = new Replay(options.build(), sink, Pacer.Clock.SYSTEM, null).run();
        assertThat(summary.sent()).isEqualTo(sink.sent.size());
        assertThat(sink.finished).isTrue();
        return sink;
    }

    static long createdAt(String line) {
        return new PostFieldScanner().scan(line.getBytes(StandardCharsets.UTF_8), true).createdAtMillis();
    }

    /** The largest {@code t_a − t_b} over pairs where a is delivered before b (with event times). */
    static long maxDisorderMillis(List<String> delivered) {
        long maxSoFar = Long.MIN_VALUE;
        long worst = Long.MIN_VALUE;
        for (String line : delivered) {
            long t = createdAt(line);
            if (t == EventTimes.NONE) {
                continue;
            }
            if (maxSoFar != Long.MIN_VALUE) {
                worst = Math.max(worst, maxSoFar - t);
            }
            maxSoFar = Math.max(maxSoFar, t);
        }
        return worst;
    }

    static Map<String, Integer> counts(List<String> values) {
        Map<String, Integer> out = new HashMap<>();
        values.forEach(v -> out.merge(v, 1, Integer::sum));
        return out;
    }

    @Test
    void asFastAsPossibleSendsEveryLineInOrderKeyedByItsId() throws IOException {
        List<String> lines = SyntheticPosts.lines(2_000, 1, 500);
        ListSink sink = replay(ReplayOptions.builder(SyntheticPosts.write(dir.resolve("p.jsonl"), lines)));
        assertThat(sink.values()).isEqualTo(lines);
        assertThat(sink.sent.get(0).keyText()).isEqualTo("1000000");
        assertThat(sink.sent.get(1999).keyText()).isEqualTo("1001999");
    }

    @Test
    void shuffleNeverDeliversARecordAfterOneMoreThanTheBoundLater() throws IOException {
        // about one post a second: the 30 s bound holds ~30 posts in play at a time
        List<String> lines = SyntheticPosts.lines(20_000, 2, 1_000);
        Path file = SyntheticPosts.write(dir.resolve("p.jsonl"), lines);
        ListSink sink = replay(ReplayOptions.builder(file).shuffleWithin(BOUND).seed(7));
        List<String> delivered = sink.values();

        assertThat(counts(delivered)).isEqualTo(counts(lines));
        assertThat(delivered).isNotEqualTo(lines);
        long disorder = maxDisorderMillis(delivered);
        assertThat(disorder).isLessThan(BOUND.toMillis());
        // and the bound is used, not just respected
        assertThat(disorder).isGreaterThan(BOUND.toMillis() * 3 / 4);
        assertThat(maxDisorderMillis(lines)).isLessThanOrEqualTo(0);
    }

    @Test
    void aSmallShuffleBufferKeepsTheGuarantee() throws IOException {
        List<String> lines = SyntheticPosts.lines(5_000, 3, 1_000);
        Path file = SyntheticPosts.write(dir.resolve("p.jsonl"), lines);
        ListSink sink = replay(ReplayOptions.builder(file).shuffleWithin(Duration.ofHours(2)).shuffleBuffer(50).seed(7));
        assertThat(counts(sink.values())).isEqualTo(counts(lines));
        assertThat(sink.values()).isNotEqualTo(lines);
        assertThat(maxDisorderMillis(sink.values())).isLessThan(Duration.ofHours(2).toMillis());
    }

    @Test
    void duplicatesDeliverExactlyTheFractionTwiceAndEveryOtherRecordOnce() throws IOException {
        List<String> lines = SyntheticPosts.lines(3_001, 4, 1_000);
        Path file = SyntheticPosts.write(dir.resolve("p.jsonl"), lines);
        long expected = Math.round(0.1 * 3_001);

        // without shuffling: right after the first delivery
        List<String> delivered = replay(ReplayOptions.builder(file).duplicate(0.1).seed(5)).values();
        assertThat(delivered).hasSize(3_001 + (int) expected);
        Map<String, Integer> c = counts(delivered);
        assertThat(c.keySet()).containsExactlyInAnyOrderElementsOf(lines);
        assertThat(c.values().stream().filter(n -> n == 2).count()).isEqualTo(expected);
        assertThat(c.values()).allMatch(n -> n == 1 || n == 2);
        int adjacent = 0;
        for (int i = 1; i < delivered.size(); i++) {
            adjacent += delivered.get(i).equals(delivered.get(i - 1)) ? 1 : 0;
        }
        assertThat(adjacent).isEqualTo(expected);
        List<String> firsts = new ArrayList<>(new java.util.LinkedHashSet<>(delivered));
        assertThat(firsts).isEqualTo(lines);

        // with shuffling: somewhere within the bound, and the bound holds for every delivery
        List<String> shuffled = replay(ReplayOptions.builder(file).duplicate(0.1).shuffleWithin(BOUND).seed(5)).values();
        Map<String, Integer> cs = counts(shuffled);
        assertThat(cs.values().stream().filter(n -> n == 2).count()).isEqualTo(expected);
        assertThat(cs.keySet()).containsExactlyInAnyOrderElementsOf(lines);
        assertThat(maxDisorderMillis(shuffled)).isLessThan(BOUND.toMillis());
        Map<String, Integer> firstAt = new HashMap<>();
        int apart = 0;
        for (int i = 0; i < shuffled.size(); i++) {
            Integer first = firstAt.putIfAbsent(shuffled.get(i), i);
            if (first != null && i - first > 1) {
                apart++;
            }
        }
        assertThat(apart).isGreaterThan((int) expected / 2);
    }

    @Test
    void malformedRecordsAreExtraAndEachIsRejectedByTheContract() throws IOException {
        List<String> lines = SyntheticPosts.lines(2_000, 5, 1_000);
        Path file = SyntheticPosts.write(dir.resolve("p.jsonl"), lines);
        ListSink sink = new ListSink();
        ReplaySummary summary = new Replay(ReplayOptions.builder(file).malformed(0.05).seed(3).build(), sink,
                Pacer.Clock.SYSTEM, null).run();

        List<String> good = new ArrayList<>();
        List<byte[]> rejected = new ArrayList<>();
        for (ListSink.Sent s : sink.sent) {
            if (ContractCheck.rejection(s.value()) == null) {
                good.add(s.text());
            } else {
                rejected.add(s.value());
            }
        }
        assertThat(good).isEqualTo(lines);
        assertThat(rejected).hasSize(100);
        assertThat(summary.malformedSent).isEqualTo(100);
        assertThat(summary.originalsSent).isEqualTo(2_000);
        assertThat(summary.malformedByKind).hasSize(MalformedRecords.Kind.values().length);
        assertThat(rejected.stream().filter(v -> !ContractCheck.validUtf8(v)).count()).isGreaterThanOrEqualTo(100 / 7);
        assertThat(rejected.stream().filter(v -> new String(v, StandardCharsets.ISO_8859_1).indexOf('\0') >= 0
                || new String(v, StandardCharsets.UTF_8).contains("\\u0000")).count()).isGreaterThanOrEqualTo(100 / 7);
    }

    @Test
    void theSameSeedReplaysTheSameRecordsInTheSameOrder() throws IOException {
        Path file = SyntheticPosts.write(dir.resolve("p.jsonl"), 5_000, 6, 1_000);
        ReplayOptions.Builder a = ReplayOptions.builder(file).duplicate(0.05).malformed(0.02).shuffleWithin(BOUND).seed(99);
        ReplayOptions.Builder b = ReplayOptions.builder(file).duplicate(0.05).malformed(0.02).shuffleWithin(BOUND).seed(99);
        ReplayOptions.Builder c = ReplayOptions.builder(file).duplicate(0.05).malformed(0.02).shuffleWithin(BOUND).seed(100);
        ListSink first = replay(a);
        ListSink second = replay(b);
        ListSink other = replay(c);
        assertThat(second.sent).hasSameSizeAs(first.sent);
        for (int i = 0; i < first.sent.size(); i++) {
            assertThat(second.sent.get(i).value()).isEqualTo(first.sent.get(i).value());
            assertThat(second.sent.get(i).key()).isEqualTo(first.sent.get(i).key());
        }
        assertThat(other.values()).isNotEqualTo(first.values());
    }

    @Test
    void linesWithoutAReadableCreatedAtAreStillDeliveredWhenShuffling() throws IOException {
        List<String> lines = new ArrayList<>(SyntheticPosts.lines(500, 8, 1_000));
        lines.add(0, "{\"id\":\"first\",\"createdAt\":\"soon\"}");
        lines.add(250, "not json");
        lines.add("{\"id\":\"last\"}");
        Path file = SyntheticPosts.write(dir.resolve("p.jsonl"), lines);
        ListSink sink = new ListSink();
        ReplaySummary summary = new Replay(ReplayOptions.builder(file).shuffleWithin(BOUND).seed(1).build(), sink,
                Pacer.Clock.SYSTEM, null).run();
        assertThat(counts(sink.values())).isEqualTo(counts(lines));
        assertThat(summary.withoutEventTime).isEqualTo(3);
        assertThat(summary.withoutKey).isEqualTo(1);
        assertThat(sink.values().get(0)).isEqualTo(lines.get(0));
        // about where it was in the file: before the records the shuffle still held back at that point
        assertThat(sink.values().indexOf(lines.get(lines.size() - 1))).isGreaterThan(lines.size() - 100);
        assertThat(sink.values().indexOf("not json")).isBetween(200, 300);
    }

    @Test
    void limitReadsOnlyTheFirstRecordsAndTheFractionsApplyToThem() throws IOException {
        List<String> lines = SyntheticPosts.lines(1_000, 9, 1_000);
        Path file = SyntheticPosts.write(dir.resolve("p.jsonl"), lines);
        ListSink sink = new ListSink();
        ReplaySummary summary = new Replay(ReplayOptions.builder(file).limit(100).duplicate(0.5).seed(1).build(), sink,
                Pacer.Clock.SYSTEM, null).run();
        assertThat(summary.recordsRead).isEqualTo(100);
        assertThat(summary.duplicatesSent).isEqualTo(50);
        assertThat(counts(sink.values()).keySet()).containsExactlyInAnyOrderElementsOf(lines.subList(0, 100));
    }
}
