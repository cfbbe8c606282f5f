package org.staffroom.datagen.replay;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.staffroom.platforms.publish.KafkaEventWriter;
import org.staffroom.platforms.publish.RecordSink;
import org.staffroom.embedded.EmbeddedKafka;

/**
 * Replay throughput into a local broker: not a unit test, a main.
 *
 * <pre>
 * mvn -o -q -pl datagen test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.staffroom.datagen.replay.ReplayBenchmark \
 *     -Dexec.args="--records 1000000 --partitions 4 --compression none,lz4 --runs 3"
 * </pre>
 *
 * Starts an {@link EmbeddedKafka} (in this JVM, so broker and producer share the machine's
 * cores), writes {@code --records} synthetic posts of about 300 bytes, measures reading and
 * scanning alone (a sink that drops records), then replays the file as fast as possible once per
 * compression and run, each into a new topic, and prints posts/s (reading, sending and waiting
 * for every acknowledgement; producer start-up excluded).
 */
public final class ReplayBenchmark {
    private ReplayBenchmark() {}

    public static void main(String[] args) throws Exception {
        int records = 1_000_000;
        int partitions = 4;
        int runs = 3;
        List<String> compressions = List.of(ReplayOptions.DEFAULT_COMPRESSION);
        java.util.Map<String, String> producerProperties = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--records" -> records = Integer.parseInt(args[++i]);
                case "--partitions" -> partitions = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--compression" -> compressions = List.of(args[++i].split(","));
                case "--producer-property" -> {
                    String[] kv = args[++i].split("=", 2);
                    producerProperties.put(kv[0], kv[1]);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (--records N, --partitions N, --runs N, --compression none,lz4,…, --producer-property K=V)");
            }
        }
        Path dir = Files.createTempDirectory("replay-benchmark-");
        Path file = dir.resolve("posts.jsonl");
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            long t = System.nanoTime();
            SyntheticPosts.write(file, records, 1, 500);
            long size = Files.size(file);
            System.out.printf(Locale.ROOT, "file: %,d posts, %,d bytes (%.0f bytes/post), written in %.1f s%n",
                    records, size, (double) size / records, (System.nanoTime() - t) / 1e9);

            for (int run = 0; run < 2; run++) {
                ReplaySummary s = new Replay(ReplayOptions.builder(file).progressInterval(java.time.Duration.ZERO)
                        .build(), new DropSink(), Pacer.Clock.SYSTEM, null).run();
                System.out.printf(Locale.ROOT, "read+scan only (no Kafka), run %d: %,.0f posts/s%n", run + 1,
                        s.recordsPerSecond());
            }

            List<String> results = new ArrayList<>();
            int topics = 0;
            // compressions interleaved (lz4, none, lz4, none, …) so that a busy spell of the machine
            // does not fall on one of them only
            for (int run = 1; run <= runs; run++) {
                for (String compression : compressions) {
                    String topic = "bench-" + (++topics) + "-" + compression;
                    kafka.createTopic(topic, partitions);
                    ReplayOptions.Builder b = ReplayOptions.builder(file).bootstrapServers(kafka.bootstrapServers())
                            .topic(topic).compression(compression);
                    producerProperties.forEach(b::producerProperty);
                    ReplayOptions o = b.build();
                    try (KafkaEventWriter writer = o.kafkaWriter()) {
                        Map<String, Long> cpuBefore = cpuByThreadGroup();
                        ReplaySummary s = new Replay(o, writer, Pacer.Clock.SYSTEM,
                                new PrintWriter(System.err, true)).run();
                        lastCpu = cpuShares(cpuBefore, cpuByThreadGroup(), s.elapsedNanos);
                        String line = String.format(Locale.ROOT,
                                "compression %-6s run %d: %,d posts in %.2f s = %,.0f posts/s (%.1f MB/s), %,d acknowledged",
                                compression, run, s.sent(), s.elapsedSeconds(), s.recordsPerSecond(),
                                s.bytesRead / 1e6 / s.elapsedSeconds(), s.acknowledged);
                        System.out.println(line + lastCpu.replace("\n", "\n    "));
                        results.add(line);
                    }
                }
            }
            System.out.println();
            System.out.printf("partitions %d, cores %d, heap max %,d MB, producer properties %s%n", partitions,
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, producerProperties);
            results.forEach(System.out::println);
            System.out.println("CPU of the last run, in cores busy on average (GC not counted): " + lastCpu);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
        System.exit(0);
    }

    private static String lastCpu = "";

    /** CPU time so far of this JVM's threads, grouped: replay thread, producer I/O, broker. */
    private static Map<String, Long> cpuByThreadGroup() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new TreeMap<>();
        long self = Thread.currentThread().getId();
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = mx.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            String name = info.getThreadName();
            String group = info.getThreadId() == self ? "replay thread (read, scan, send)"
                    : name.startsWith("kafka-producer-network-thread") ? "producer I/O thread"
                    : name.contains("request-handler") ? "broker request handlers"
                    : name.contains("network-thread") || name.contains("data-plane") ? "broker network"
                    : name.startsWith("replay-progress") ? "progress" : "other broker threads";
            out.merge(group, cpu, Long::sum);
        }
        return out;
    }

    private static String cpuShares(Map<String, Long> before, Map<String, Long> after, long elapsedNanos) {
        StringBuilder sb = new StringBuilder();
        after.forEach((group, cpu) -> {
            double cores = (cpu - before.getOrDefault(group, 0L)) / (double) elapsedNanos;
            if (cores >= 0.01) {
                sb.append(String.format(Locale.ROOT, "%n  %-34s %.2f", group, cores));
            }
        });
        return sb.toString();
    }

    /** Drops records: the cost of reading and scanning alone. */
    private static final class DropSink implements RecordSink {
        private long n;
        private long bytes;

        @Override
        public void send(byte[] key, byte[] value) {
            n++;
            bytes += value.length + (key == null ? 0 : key.length);
        }

        @Override
        public void finish() {}

        @Override
        public long acknowledged() {
            return n;
        }

        @Override
        public void close() {}
    }
}
