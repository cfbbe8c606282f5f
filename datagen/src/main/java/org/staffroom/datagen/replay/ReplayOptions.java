package org.staffroom.datagen.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.staffroom.platforms.publish.KafkaEventWriter;

/**
 * Every option of a replay, validated when built: a bad value is an
 * {@link IllegalArgumentException} whose message names the option (the command's exit code 2).
 */
public final class ReplayOptions {
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_TOPIC = "edu.posts";
    /**
     * No compression: measured fastest into a broker on the same machine (ReplayBenchmark: lz4
     * costs the producer a compression and the broker a decompression to validate each batch, and
     * there the CPU is the limit, not bytes: about 1.8 CPU-seconds per million posts against 2.4
     * with lz4). Across a network, {@code --compression lz4} sends fewer bytes.
     */
    public static final String DEFAULT_COMPRESSION = "none";
    public static final Set<String> COMPRESSIONS = Set.of("none", "lz4", "zstd", "snappy", "gzip");
    public static final int DEFAULT_SHUFFLE_BUFFER = 200_000;
    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(2);

    public final Path file;
    public final String bootstrapServers;
    public final String topic;
    /** The event-time speed factor; 0 means as fast as possible. */
    public final double speed;
    public final double duplicateFraction;
    public final Duration shuffleWithin;
    public final double malformedFraction;
    public final long seed;
    /** At most this many records of the file; {@code Long.MAX_VALUE} for all. */
    public final long limit;
    public final KafkaEventWriter.Partitioning partitioning;
    public final String compression;
    public final int shuffleBuffer;
    public final Duration progressInterval;
    /** Extra producer settings ({@code --producer-property}), applied over the tuned ones. */
    public final Map<String, String> producerProperties;

    private ReplayOptions(Builder b) {
        this.file = b.file;
        this.bootstrapServers = b.bootstrapServers;
        this.topic = b.topic;
        this.speed = b.speed;
        this.duplicateFraction = b.duplicateFraction;
        this.shuffleWithin = b.shuffleWithin;
        this.malformedFraction = b.malformedFraction;
        this.seed = b.seed;
        this.limit = b.limit;
        this.partitioning = b.partitioning;
        this.compression = b.compression;
        this.shuffleBuffer = b.shuffleBuffer;
        this.progressInterval = b.progressInterval;
        this.producerProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.producerProperties));
    }

    /** The writer these options describe: servers, topic, compression, partitioning, producer properties. */
    public KafkaEventWriter kafkaWriter() {
        return new KafkaEventWriter(bootstrapServers, topic, compression, partitioning, producerProperties,
                KafkaEventWriter.DEFAULT_MAX_BLOCK);
    }

    public boolean paced() {
        return speed > 0;
    }

    public boolean shuffled() {
        return !shuffleWithin.isZero();
    }

    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /** The options, to be validated by {@link #build()}. */
    public static final class Builder {
        private final Path file;
        private String bootstrapServers = DEFAULT_BOOTSTRAP_SERVERS;
        private String topic = DEFAULT_TOPIC;
        private double speed;
        private double duplicateFraction;
        private Duration shuffleWithin = Duration.ZERO;
        private double malformedFraction;
        private long seed;
        private long limit = Long.MAX_VALUE;
        private KafkaEventWriter.Partitioning partitioning = KafkaEventWriter.Partitioning.KEY;
        private String compression = DEFAULT_COMPRESSION;
        private int shuffleBuffer = DEFAULT_SHUFFLE_BUFFER;
        private Duration progressInterval = DEFAULT_PROGRESS_INTERVAL;
        private final Map<String, String> producerProperties = new LinkedHashMap<>();
        private boolean speedSet;

        private Builder(Path file) {
            this.file = file;
        }

        public Builder bootstrapServers(String v) { this.bootstrapServers = v; return this; }
        public Builder topic(String v) { this.topic = v; return this; }
        /** A factor of event time; not calling this replays as fast as possible. */
        public Builder speed(double v) { this.speed = v; this.speedSet = true; return this; }
        public Builder duplicate(double v) { this.duplicateFraction = v; return this; }
        public Builder shuffleWithin(Duration v) { this.shuffleWithin = v; return this; }
        public Builder malformed(double v) { this.malformedFraction = v; return this; }
        public Builder seed(long v) { this.seed = v; return this; }
        public Builder limit(long v) { this.limit = v; return this; }
        public Builder partitioning(KafkaEventWriter.Partitioning v) { this.partitioning = v; return this; }
        public Builder compression(String v) { this.compression = v; return this; }
        public Builder shuffleBuffer(int v) { this.shuffleBuffer = v; return this; }
        public Builder progressInterval(Duration v) { this.progressInterval = v; return this; }
        public Builder producerProperty(String key, String value) { this.producerProperties.put(key, value); return this; }

        public ReplayOptions build() {
            if (file == null) {
                throw new IllegalArgumentException("FILE is required: the JSONL file to replay");
            }
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("FILE: no such file: " + file);
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException("FILE: not a readable file: " + file);
            }
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new IllegalArgumentException("--bootstrap-servers must not be empty");
            }
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("--topic must not be empty");
            }
            if (speedSet && (!(speed > 0) || Double.isInfinite(speed))) {
                throw new IllegalArgumentException("--speed must be a number > 0 (leave it out to replay as fast"
                        + " as possible), got " + speed);
            }
            fraction("--duplicate", duplicateFraction);
            fraction("--malformed", malformedFraction);
            if (shuffleWithin == null || shuffleWithin.isNegative()) {
                throw new IllegalArgumentException("--shuffle-within must be a duration ≥ 0, got " + shuffleWithin);
            }
            if (!shuffleWithin.isZero() && shuffleWithin.toMillis() < 1) {
                throw new IllegalArgumentException("--shuffle-within must be 0 or at least 1ms, got " + shuffleWithin);
            }
            if (limit < 1) {
                throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
            }
            if (compression == null || !COMPRESSIONS.contains(compression.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("--compression must be one of none, lz4, zstd, snappy, gzip, got "
                        + compression);
            }
            compression = compression.toLowerCase(Locale.ROOT);
            if (shuffleBuffer < 1) {
                throw new IllegalArgumentException("--shuffle-buffer must be at least 1, got " + shuffleBuffer);
            }
            if (progressInterval == null || progressInterval.isNegative()) {
                throw new IllegalArgumentException("--progress-interval must be a duration ≥ 0, got " + progressInterval);
            }
            for (Map.Entry<String, String> e : producerProperties.entrySet()) {
                if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null) {
                    throw new IllegalArgumentException("--producer-property must be KEY=VALUE, got " + e);
                }
            }
            if (partitioning == null) {
                throw new IllegalArgumentException("--partitions-by must be key or round-robin");
            }
            return new ReplayOptions(this);
        }

        private static void fraction(String option, double v) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(option + " must be a fraction in [0, 1], got " + v);
            }
        }
    }
}
