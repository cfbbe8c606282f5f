package org.staffroom.local;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.staffroom.datagen.generator.GeneratorConfig;
import org.staffroom.datagen.generator.JsonLines;
import org.staffroom.datagen.generator.PostGenerator;
import org.staffroom.datagen.replay.Pacer;
import org.staffroom.datagen.replay.Replay;
import org.staffroom.datagen.replay.ReplayOptions;
import org.staffroom.datagen.replay.ReplaySummary;
import org.staffroom.platforms.publish.KafkaEventWriter;
import org.staffroom.importer.ArchiveImport;
import org.staffroom.importer.ImportCounts;
import org.staffroom.importer.ImportOptions;
import org.staffroom.platforms.SourceFormat;

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

    /**
     * The file to replay for these inputs: one plain file of post events as it is (its order is the
     * stream its author wants), anything else converted and sorted into a temporary file.
     */
    static Path prepare(Console console, List<Path> inputs, SourceFormat format) throws IOException {
        boolean contract = format == SourceFormat.STAFFROOM || format == null;
        if (inputs.size() == 1 && contract && ArchiveImport.isPlainContractFile(inputs.get(0))) {
            return inputs.get(0);
        }
        console.line("importing " + inputs.size() + (inputs.size() == 1 ? " file" : " files")
                + ": converting to post events and sorting by createdAt");
        Path sorted = Files.createTempFile("staffroom-import", ".jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(sorted, StandardCharsets.UTF_8)) {
            ImportCounts counts = new ArchiveImport(ImportOptions.defaults(format), System.err).run(inputs, out);
            console.line(counts.summary());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(sorted);
            throw e;
        }
        return sorted;
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
