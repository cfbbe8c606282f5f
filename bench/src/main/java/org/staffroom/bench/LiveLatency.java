package org.staffroom.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.embedded.Database;

/**
 * Live latency: the job runs unbounded with a calendar whose one chat is in session now; a feeder
 * posts to the chat at a chat's pace, then in a burst, with {@code createdAt} = now; a poller reads
 * the session's row every 20 ms. For the i-th post, the latency is the first moment the row shows
 * at least i posts minus the moment Kafka appended post i (LogAppendTime).
 */
final class LiveLatency {
    static final String TOPIC = "bench.live";
    private static final String CHAT = "bench";
    private static final long POLL_MS = 20;
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(120);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

    private LiveLatency() {}

    record Phase(String name, double rate, int posts, int seen, long[] sortedLatencies) {
        long percentile(double p) {
            if (sortedLatencies.length == 0) {
                return -1;
            }
            int rank = (int) Math.ceil(p / 100.0 * sortedLatencies.length);
            return sortedLatencies[Math.max(0, Math.min(sortedLatencies.length - 1, rank - 1))];
        }

        long max() {
            return sortedLatencies.length == 0 ? -1 : sortedLatencies[sortedLatencies.length - 1];
        }
    }

    record Result(int parallelism, Phase steady, Phase burst, int warmUpPosts, double warmUpSeconds) {
        /** The worse of the two phases' 99th percentiles. */
        long p99() {
            return Math.max(steady.percentile(99), burst.percentile(99));
        }
    }

    static Result run(Infrastructure infra, int parallelism, double steadyRate, Duration steady, double burstRate,
            Duration burst, List<String> extraJobArgs) throws Exception {
        infra.createTopic(TOPIC, 4);
        useLogAppendTime(infra.bootstrapServers(), TOPIC);
        Path calendar = calendarInSessionNow();
        try {
            Database db = infra.newDatabase("live");
            List<String> args = new ArrayList<>(infra.connectionArgs(TOPIC, "bench-live-" + System.nanoTime(), db));
            args.addAll(List.of("--starting-offsets", "earliest", "--parallelism", String.valueOf(parallelism),
                    "--chats", calendar.toString(), "--live-refresh", "1s", "--sink-flush-interval", "100ms"));
            args.addAll(extraJobArgs);
            StaffroomConfig config = StaffroomConfig.of(args.toArray(new String[0]));
            try (FlinkCluster flink = FlinkCluster.start(config, parallelism);
                    Feeder feeder = new Feeder(infra.bootstrapServers(), (int) (steadyRate * steady.toSeconds()
                            + burstRate * burst.toSeconds() + 10_000));
                    Poller poller = new Poller(db)) {
                JobClient job = flink.submit(config, "staffroom-bench-live");
                try {
                    awaitRunning(job);
                    poller.start();
                    // warm-up: a trickle until the first live row shows, then until it shows every post so far
                    long warmStart = System.nanoTime();
                    long deadline = warmStart + WARM_UP_LIMIT.toNanos();
                    while (poller.posts() < 1) {
                        feeder.send();
                        Thread.sleep(100);
                        check(job, deadline, "no live row for the warm-up posts");
                    }
                    int warmUp = feeder.sent();
                    feeder.flush();
                    while (poller.posts() < warmUp) {
                        Thread.sleep(POLL_MS);
                        check(job, deadline, "the live row did not catch up with the warm-up posts");
                    }
                    double warmUpSeconds = (System.nanoTime() - warmStart) / 1e9;
                    Console.progress(String.format(Locale.ROOT, "  live row up after %.1f s (%d warm-up posts);"
                            + " steady %.0f posts/s for %d s, then a burst of %.0f posts/s for %d s",
                            warmUpSeconds, warmUp, steadyRate, steady.toSeconds(), burstRate, burst.toSeconds()));
                    int steadyFrom = feeder.sent();
                    feeder.paced(steadyRate, steady);
                    int burstFrom = feeder.sent();
                    feeder.paced(burstRate, burst);
                    int total = feeder.sent();
                    feeder.flush();
                    long drainDeadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
                    while (poller.posts() < total && System.nanoTime() < drainDeadline) {
                        Thread.sleep(POLL_MS);
                    }
                    poller.stopPolling();
                    Phase steadyPhase = phase("steady", steadyRate, steadyFrom, burstFrom, feeder, poller);
                    Phase burstPhase = phase("burst", burstRate, burstFrom, total, feeder, poller);
                    return new Result(parallelism, steadyPhase, burstPhase, warmUp, warmUpSeconds);
                } finally {
                    cancel(job);
                }
            }
        } finally {
            Files.deleteIfExists(calendar);
        }
    }

    /** Latencies of posts {@code from} (inclusive) to {@code to} (exclusive), in send order. */
    private static Phase phase(String name, double rate, int from, int to, Feeder feeder, Poller poller) {
        long[] latencies = new long[to - from];
        int seen = 0;
        for (int i = from; i < to; i++) {
            long appended = feeder.appendTime(i);
            long shown = poller.firstTimeShowing(i + 1);
            if (appended > 0 && shown > 0) {
                latencies[seen++] = Math.max(0, shown - appended);
            }
        }
        long[] sorted = Arrays.copyOf(latencies, seen);
        Arrays.sort(sorted);
        return new Phase(name, rate, to - from, seen, sorted);
    }

    /** A calendar with one chat, in UTC, that started two minutes ago and lasts an hour. */
    private static Path calendarInSessionNow() throws Exception {
        ZonedDateTime start = ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(2).truncatedTo(ChronoUnit.MINUTES);
        String json = String.format(Locale.ROOT, "{\"chats\":[{\"id\":\"%s\",\"hashtag\":\"#benchchat\",\"day\":\"%s\","
                + "\"start\":\"%02d:%02d\",\"duration\":\"1h\",\"zone\":\"UTC\"}]}%n", CHAT,
                start.getDayOfWeek().name().toLowerCase(Locale.ROOT), start.getHour(), start.getMinute());
        Path file = Files.createTempFile("staffroom-bench-chats", ".json");
        Files.writeString(file, json);
        return file;
    }

    private static void useLogAppendTime(String bootstrapServers, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry("message.timestamp.type", "LogAppendTime"), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitRunning(JobClient job) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (job.getJobStatus().get() != JobStatus.RUNNING) {
            check(job, deadline, "the live job is not running");
            Thread.sleep(50);
        }
    }

    private static void check(JobClient job, long deadline, String message) throws Exception {
        JobStatus status = job.getJobStatus().get();
        if (status.isGloballyTerminalState()) {
            job.getJobExecutionResult().get(); // throws the failure
            throw new IllegalStateException("the live job ended: " + status);
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(message);
        }
    }

    private static void cancel(JobClient job) {
        try {
            if (!job.getJobStatus().get().isGloballyTerminalState()) {
                job.cancel().get(1, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            Console.progress("cancelling the live job: " + e);
        }
    }

    /** Posts to the chat, recording each one's append time. */
    private static final class Feeder implements AutoCloseable {
        private final KafkaProducer<byte[], byte[]> producer;
        private final long[] appendTimes;
        private final String run = Long.toString(System.currentTimeMillis(), 36);
        private int sent;
        private final AtomicLong failures = new AtomicLong();

        Feeder(String bootstrapServers, int capacity) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "staffroom-bench-live");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
            this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
            this.appendTimes = new long[capacity];
        }

        int sent() {
            return sent;
        }

        /** Kafka's append time of the i-th post (0-based), or 0 if not acknowledged. */
        long appendTime(int i) {
            synchronized (appendTimes) {
                return appendTimes[i];
            }
        }

        void send() {
            int i = sent++;
            producer.send(new ProducerRecord<>(TOPIC, post(i)), (metadata, e) -> {
                if (e != null) {
                    failures.incrementAndGet();
                    return;
                }
                synchronized (appendTimes) {
                    appendTimes[i] = metadata.timestamp();
                }
            });
        }

        /** Sends at {@code rate} posts a second for {@code length}, each at its due time. */
        void paced(double rate, Duration length) {
            int count = (int) Math.round(rate * length.toNanos() / 1e9);
            long start = System.nanoTime();
            for (int k = 0; k < count; k++) {
                long due = start + (long) (k * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                send();
            }
        }

        void flush() {
            producer.flush();
            if (failures.get() > 0) {
                throw new IllegalStateException(failures.get() + " live posts were not acknowledged");
            }
        }

        /** A chat post: answers, replies, questions and mentions of the host, by a few hundred people. */
        private byte[] post(int i) {
            int author = 1 + (int) ((i * 2654435761L) % 400);
            String createdAt = Instant.ofEpochMilli(System.currentTimeMillis()).toString();
            String text;
            switch (i % 5) {
                case 0 -> text = "A" + (1 + i % 4) + " feedback works best when it is timely #benchchat";
                case 1 -> text = "Q" + (1 + i % 4) + " how do you make time for feedback? #BenchChat @bench_host";
                case 2 -> text = "Great point, we tried this https://eef.org.uk/feedback #benchchat";
                case 3 -> text = "RT @bench_host: welcome to tonight's chat #benchchat";
                default -> text = "Agree with @bench_" + author + " on this one #benchchat #edchat";
            }
            StringBuilder json = new StringBuilder(320).append("{\"id\":\"bench-").append(run).append('-').append(i)
                    .append("\",\"platform\":\"twitter\",\"createdAt\":\"").append(createdAt)
                    .append("\",\"author\":{\"id\":\"").append(7_000_000 + author).append("\",\"handle\":\"bench_")
                    .append(author).append("\",\"followers\":").append(37 * author % 5000).append("},\"text\":\"")
                    .append(text).append('"');
            if (i % 5 == 2) {
                json.append(",\"replyTo\":\"bench-").append(run).append('-').append(Math.max(0, i - 3)).append('"');
            }
            if (i % 5 == 3) {
                json.append(",\"retweetOf\":\"bench-").append(run).append("-0\"");
            }
            if (i % 2 == 0) {
                // like an API client that forwards the platform's entities; the others leave extraction to the job
                json.append(",\"hashtags\":[\"#benchchat\"").append(i % 5 == 4 ? ",\"#edchat\"" : "").append(']')
                        .append(",\"mentions\":[").append(i % 5 == 1 || i % 5 == 3 ? "\"bench_host\""
                                : i % 5 == 4 ? "\"bench_" + author + "\"" : "").append(']')
                        .append(",\"urls\":[").append(i % 5 == 2 ? "\"https://eef.org.uk/feedback\"" : "").append(']');
            }
            return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(10));
        }
    }

    /** Reads the session's row every 20 ms and keeps the moments its post count grew. */
    private static final class Poller implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement query;
        private final List<long[]> growth = new ArrayList<>(); // {wall millis, posts}
        private volatile long posts;
        private volatile boolean polling = true;
        private Thread thread;

        Poller(Database db) throws Exception {
            this.connection = db.connect();
            this.query = connection.prepareStatement(
                    "SELECT coalesce(sum(posts), 0) FROM chat_session_metrics WHERE chat_id = '" + CHAT + "'");
        }

        void start() {
            thread = new Thread(this::loop, "bench-live-poller");
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            while (polling) {
                long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MS);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    long n = rs.getLong(1);
                    long now = System.currentTimeMillis();
                    if (n > posts) {
                        synchronized (growth) {
                            growth.add(new long[] {now, n});
                        }
                        posts = n;
                    }
                } catch (Exception e) {
                    Console.progress("polling the live row: " + e.getMessage());
                }
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }

        long posts() {
            return posts;
        }

        /** The first poll (wall millis) at which the row showed at least {@code count} posts, or 0. */
        long firstTimeShowing(long count) {
            synchronized (growth) {
                int lo = 0;
                int hi = growth.size() - 1;
                long found = 0;
                while (lo <= hi) {
                    int mid = (lo + hi) >>> 1;
                    if (growth.get(mid)[1] >= count) {
                        found = growth.get(mid)[0];
                        hi = mid - 1;
                    } else {
                        lo = mid + 1;
                    }
                }
                return found;
            }
        }

        void stopPolling() throws InterruptedException {
            polling = false;
            if (thread != null) {
                thread.join(5_000);
            }
        }

        @Override
        public void close() throws Exception {
            stopPolling();
            query.close();
            connection.close();
        }
    }
}
