package org.staffroom.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.staffroom.datagen.generator.GeneratorConfig;
import org.staffroom.datagen.generator.JsonLines;
import org.staffroom.datagen.generator.PostGenerator;
import org.staffroom.datagen.replay.Pacer;
import org.staffroom.datagen.replay.Replay;
import org.staffroom.datagen.replay.ReplayOptions;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.publish.RecordSink;

/**
 * A stream for runs fed phase by phase ({@link PhasedRun}), built so that a clean run of it is
 * deterministic: whatever the pace of the partitions, the same posts are late in every run.
 */
final class PhasedStream {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One phase: the records of each partition, in order. */
    record Phase(List<List<byte[]>> partitions) {}

    private PhasedStream() {}

    /**
     * The records of a run, phase by phase: the generator's week of a community of 300, delivered by the
     * project's replay with 5% duplicates, disorder within {@code bound} and 0.2% malformed records, cut into
     * {@code phases} phases at a quarter past an hour of event time, round-robin over {@code partitions} partitions; then
     * {@code latePerPhase} posts of each phase (with their duplicates) moved to the start of the phase after
     * next, and a last phase of one post per partition 30 days ahead of everything, without hashtags.
     *
     * <p>Why the late posts are late in every clean run, whatever the pace of the partitions: a phase is
     * written only once the one before is consumed, so when a moved post is read the watermark has passed all of
     * the phase before (every partition, less the bound) and none of its own partition's current phase. Its
     * 30-minute window ended before that, a day or a week may still be open: the same in every run, since phases
     * end at hh:15, and no window ends (plus the minute of lateness) between hh:01 and hh:30.
     */
    static List<Phase> build(Path file, long seed, int phases, int latePerPhase, Duration bound, int partitions)
            throws Exception {
        PostGenerator generator = new PostGenerator(GeneratorConfig.builder().seed(seed).weeks(1).community(300)
                .build());
        int generated = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (; generator.advance(); generated++) {
                out.write(JsonLines.toBytes(generator.current()));
                out.write('\n');
            }
        }
        List<byte[]> delivered = new ArrayList<>();
        RecordSink sink = new RecordSink() {
            @Override
            public void send(byte[] key, byte[] value) {
                delivered.add(value);
            }

            @Override
            public void finish() {}

            @Override
            public long acknowledged() {
                return delivered.size();
            }

            @Override
            public void close() {}
        };
        new Replay(ReplayOptions.builder(file).duplicate(0.05).shuffleWithin(bound).malformed(0.002).seed(seed)
                .build(), sink, Pacer.Clock.SYSTEM, null).run();

        List<Long> times = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (byte[] value : delivered) {
            JsonNode post = readable(value);
            Long time = post == null ? null : eventTime(post.path("createdAt").asText(""));
            boolean counts = time != null
                    && (post.path("hashtags").size() > 0 || post.path("text").asText("").contains("#"));
            times.add(counts ? time : null);
            keys.add(counts ? post.path("platform").asText("unknown") + "/" + post.path("id").asText() : null);
        }
        long first = times.stream().filter(t -> t != null).min(Long::compare).orElseThrow();
        long last = times.stream().filter(t -> t != null).max(Long::compare).orElseThrow();
        List<Integer> bounds = new ArrayList<>(List.of(0));
        for (int p = 1; p < phases; p++) {
            Instant cut = Instant.ofEpochMilli(first + (last - first) * p / phases).truncatedTo(ChronoUnit.HOURS)
                    .plus(Duration.ofMinutes(15));
            int i = bounds.get(p - 1);
            while (times.get(i) == null || times.get(i) < cut.toEpochMilli()) {
                i++;
            }
            bounds.add(i);
        }
        bounds.add(delivered.size());

        Random random = new Random(seed);
        List<List<byte[]>> records = new ArrayList<>();
        List<Set<String>> moved = new ArrayList<>();
        Set<String> late = new HashSet<>();
        for (int p = 0; p < phases; p++) {
            records.add(new ArrayList<>());
            moved.add(new HashSet<>());
        }
        for (int p = 0; p + 2 < phases; p++) {
            // sorted before the seeded shuffle: the choice may not depend on hash order
            List<String> candidates = new ArrayList<>(new TreeSet<>(keys.subList(bounds.get(p), bounds.get(p + 1))
                    .stream().filter(k -> k != null && !late.contains(k)).toList()));
            Collections.shuffle(candidates, random);
            moved.get(p + 2).addAll(candidates.subList(0, latePerPhase));
            late.addAll(moved.get(p + 2));
        }
        for (int p = 0; p < phases; p++) {
            for (int i = 0; i < delivered.size(); i++) {
                if (keys.get(i) != null && moved.get(p).contains(keys.get(i))) {
                    records.get(p).add(delivered.get(i));
                }
            }
        }
        for (int p = 0; p < phases; p++) {
            for (int i = bounds.get(p); i < bounds.get(p + 1); i++) {
                if (keys.get(i) == null || !late.contains(keys.get(i))) {
                    records.get(p).add(delivered.get(i));
                }
            }
        }

        List<Phase> out = new ArrayList<>();
        for (int p = 0; p < phases; p++) {
            List<List<byte[]>> spread = new ArrayList<>();
            for (int k = 0; k < partitions; k++) {
                spread.add(new ArrayList<>());
            }
            List<byte[]> phase = records.get(p);
            for (int i = 0; i < phase.size(); i++) {
                spread.get(i % partitions).add(phase.get(i));
            }
            out.add(new Phase(spread));
        }
        String end = Instant.ofEpochMilli(last).plus(Duration.ofDays(30)).toString();
        List<List<byte[]>> clock = new ArrayList<>();
        for (int k = 0; k < partitions; k++) {
            clock.add(List.of(PostEvent.of("clock-" + k, end, "clock").text("the end of the stream").toBytes()));
        }
        out.add(new Phase(clock));
        System.out.printf("stream: %d posts generated, %d records delivered over %d phases (+ the clock), "
                        + "%d posts moved late%n", generated, delivered.size(), phases, late.size());
        return out;
    }

    /** The record as a JSON object, or null when it is not one (a malformed record). */
    private static JsonNode readable(byte[] value) {
        try {
            JsonNode node = JSON.readTree(value);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The generator writes UTC instants; a malformed record's createdAt is null. */
    private static Long eventTime(String createdAt) {
        try {
            return Instant.parse(createdAt).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
