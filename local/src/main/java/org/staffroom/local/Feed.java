package org.staffroom.local;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.staffroom.datagen.generator.GeneratorConfig;
import org.staffroom.datagen.generator.JsonLines;
import org.staffroom.datagen.generator.PostGenerator;
import org.staffroom.datagen.replay.Pacer;
import org.staffroom.datagen.replay.Replay;
import org.staffroom.datagen.replay.ReplayOptions;
import org.staffroom.datagen.replay.ReplaySummary;
import org.staffroom.datagen.sink.KafkaEventWriter;

/** Posts into the broker: generated weeks, or a file, through datagen's generator and replay. */
final class Feed {
    private Feed() {}

    /** Generates the weeks into a temporary JSONL file (deleted by the caller). */
    static Path generate(Console console, long seed, int weeks, int community) throws IOException {
        GeneratorConfig config = GeneratorConfig.builder().seed(seed).weeks(weeks).community(community).build();
        Path file = Files.createTempFile("staffroom-posts", ".jsonl");
        PostGenerator generator = new PostGenerator(config);
        try (JsonLines out = new JsonLines(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            while (generator.advance()) {
                out.write(generator.current());
            }
            console.line(String.format("generated %,d posts: %d weeks of a community of %,d educators (seed %d)",
                    out.lines(), weeks, community, seed));
        }
        return file;
    }

    /** Replays the file into the topic as fast as the broker takes it; returns the records written. */
    static long replay(Console console, Path file, String bootstrapServers, String topic) {
        console.line("writing " + file.getFileName() + " to Kafka topic " + topic);
        ReplayOptions options = ReplayOptions.builder(file).bootstrapServers(bootstrapServers).topic(topic).build();
        try (KafkaEventWriter writer = options.kafkaWriter()) {
            PrintWriter progress = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            ReplaySummary summary = new Replay(options, writer, Pacer.Clock.SYSTEM, progress).run();
            console.line(String.format("%,d records acknowledged by Kafka", summary.acknowledged));
            return summary.acknowledged;
        }
    }
}
