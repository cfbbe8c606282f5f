package org.staffroom.datagen;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.staffroom.datagen.replay.DurationConverter;
import org.staffroom.datagen.replay.Pacer;
import org.staffroom.datagen.replay.Replay;
import org.staffroom.datagen.replay.ReplayOptions;
import org.staffroom.datagen.replay.ReplaySummary;
import org.staffroom.platforms.publish.DeliveryException;
import org.staffroom.platforms.publish.KafkaEventWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code datagen replay FILE}: sends a JSONL file of post events (contract §1, one per line) to a
 * Kafka topic, as fast as possible or paced by event time, optionally with duplicates,
 * bounded disorder and malformed records. Exit code 0 when every record was acknowledged, 1 when
 * the replay failed (a record not acknowledged, the file unreadable), 2 for bad usage.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = {
            "Replay a JSONL file of post events (one per line) into a Kafka topic.",
            "As fast as possible by default, or paced by event time with --speed. Faults for testers:"
                    + " --duplicate, --shuffle-within, --malformed, all decided by --seed.",
            "Prints progress to stderr every 2 s and a summary at the end; exits 0 only when every record"
                    + " was acknowledged by Kafka (1: the replay failed, 2: bad usage)."
        })
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The JSONL file: one post event per line.")
    Path file;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,…]",
            description = "Kafka brokers (default: ${DEFAULT-VALUE}).")
    String bootstrapServers = ReplayOptions.DEFAULT_BOOTSTRAP_SERVERS;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "The topic to write to (default: ${DEFAULT-VALUE}).")
    String topic = ReplayOptions.DEFAULT_TOPIC;

    @Option(names = "--speed", paramLabel = "FACTOR",
            description = {"Pace by createdAt at FACTOR × real time (1: real time, 60: an hour of event time"
                    + " per minute), relative to the first line's createdAt. Lines without a readable"
                    + " createdAt go at once. Absent: as fast as possible."})
    Double speed;

    @Option(names = "--duplicate", paramLabel = "FRACTION",
            description = {"Deliver exactly round(FRACTION × records) records twice: the second time right after"
                    + " the first, or with --shuffle-within at a random place within the bound (default: 0)."})
    double duplicate;

    @Option(names = "--shuffle-within", paramLabel = "DURATION", converter = DurationConverter.class,
            description = {"Reorder deliveries: sort by createdAt + a random delay in [0, DURATION). No record is"
                    + " delivered after one whose createdAt is DURATION or more later than its own (for a file in"
                    + " event-time order): the job's --out-of-orderness contract; for example 30s (default: 0, none)."})
    Duration shuffleWithin = Duration.ZERO;

    @Option(names = "--malformed", paramLabel = "FRACTION",
            description = {"Insert exactly round(FRACTION × records) extra malformed records, a mix of truncated"
                    + " JSON, not an object, missing required field, wrong type, bad createdAt, invalid UTF-8"
                    + " and NUL bytes. Good records are never replaced (default: 0)."})
    double malformed;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice: same file, options and seed,"
            + " same records in the same order (default: random, printed in the summary).")
    Long seed;

    @Option(names = "--limit", paramLabel = "N", description = "Replay at most the first N records of FILE.")
    Long limit;

    @Option(names = "--partitions-by", paramLabel = "key|round-robin", converter = PartitioningConverter.class,
            description = {"key: Kafka's default partitioner on the key, the post id (records without a readable"
                    + " id spread by Kafka's sticky partitioner); round-robin: record i to partition i mod n"
                    + " (default: key)."})
    KafkaEventWriter.Partitioning partitionsBy = KafkaEventWriter.Partitioning.KEY;

    @Option(names = "--compression", paramLabel = "none|lz4|zstd|snappy|gzip",
            description = "Producer compression (default: ${DEFAULT-VALUE}: the least CPU, the fastest into a"
                    + " broker on this machine; lz4 sends fewer bytes to a broker across a network).")
    String compression = ReplayOptions.DEFAULT_COMPRESSION;

    @Option(names = "--producer-property", paramLabel = "KEY=VALUE",
            description = {"A Kafka producer setting, applied over the tuned ones (e.g. security.protocol=SSL,"
                    + " linger.ms=20); repeatable. acks=all and idempotence are on unless overridden here."})
    Map<String, String> producerProperties = new LinkedHashMap<>();

    @Option(names = "--shuffle-buffer", paramLabel = "N",
            description = "At most N records held back for --shuffle-within; beyond, the earliest leave early"
                    + " (the guarantee holds, there is just less disorder) (default: ${DEFAULT-VALUE}).")
    int shuffleBuffer = ReplayOptions.DEFAULT_SHUFFLE_BUFFER;

    @Option(names = "--progress-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often progress is printed to stderr; 0: never (default: 2s).")
    Duration progressInterval = ReplayOptions.DEFAULT_PROGRESS_INTERVAL;

    @Override
    public Integer call() {
        ReplayOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (KafkaEventWriter writer = options.kafkaWriter()) {
            ReplaySummary summary = new Replay(options, writer, Pacer.Clock.SYSTEM, err).run();
            out.print(summary.format());
            out.flush();
            return 0;
        } catch (DeliveryException e) {
            err.println("replay failed: " + e.getMessage());
            err.flush();
            return 1;
        } catch (KafkaException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof ConfigException) {
                    // a bad --producer-property, an unresolvable --bootstrap-servers: bad usage
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "invalid Kafka producer setting: " + c.getMessage(), e);
                }
            }
            StringBuilder message = new StringBuilder("replay failed: ");
            for (Throwable c = e; c != null; c = c.getCause()) {
                message.append(c == e ? "" : ": ").append(c.getClass().getSimpleName())
                        .append(c.getMessage() == null ? "" : " (" + c.getMessage() + ")");
            }
            err.println(message);
            err.flush();
            return 1;
        }
    }

    /** The validated options; a bad value is a usage error (exit code 2). */
    ReplayOptions options() {
        ReplayOptions.Builder b = ReplayOptions.builder(file)
                .bootstrapServers(bootstrapServers)
                .topic(topic)
                .duplicate(duplicate)
                .shuffleWithin(shuffleWithin)
                .malformed(malformed)
                .seed(seed != null ? seed : ThreadLocalRandom.current().nextLong())
                .partitioning(partitionsBy)
                .compression(compression)
                .shuffleBuffer(shuffleBuffer)
                .progressInterval(progressInterval);
        producerProperties.forEach(b::producerProperty);
        if (speed != null) {
            b.speed(speed);
        }
        if (limit != null) {
            b.limit(limit);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** {@code key} or {@code round-robin}. */
    static final class PartitioningConverter implements CommandLine.ITypeConverter<KafkaEventWriter.Partitioning> {
        @Override
        public KafkaEventWriter.Partitioning convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "key" -> KafkaEventWriter.Partitioning.KEY;
                case "round-robin", "roundrobin" -> KafkaEventWriter.Partitioning.ROUND_ROBIN;
                default -> throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not key or round-robin");
            };
        }
    }

    /** Runs {@code replay} on its own (the {@code datagen} command holds it as a subcommand too). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ReplayCommand()).execute(args));
    }
}
