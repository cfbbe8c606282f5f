package org.staffroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.embedded.Database;
import org.staffroom.state.StateBackend;

/**
 * The job's state for an input: run it unbounded over the topic until a checkpoint has completed
 * after everything was processed (the source commits its offsets when a checkpoint completes, so
 * committed = end offsets says exactly that), then read that checkpoint's size from the REST API,
 * in all and per task, and cancel. Divided by the distinct (hashtag, author) pairs of the input.
 */
final class StateSize {
    private StateSize() {}

    /**
     * @param stateBytes full size of the latest completed checkpoint ({@code state_size})
     * @param checkpointedBytes what that checkpoint wrote ({@code checkpointed_size}; less when incremental)
     * @param pairs distinct (hashtag, author) pairs in the posts the checkpoint covers
     * @param processedPosts posts covered by the checkpoint; fewer than {@code posts} when the time limit
     *     ran out first (then the figures are partial)
     */
    record Result(StateBackend backend, long posts, long pairs, long stateBytes, long checkpointedBytes,
            long checkpointId, double catchUpSeconds, long processedPosts, Map<String, Long> perTask,
            ResourceMeter.Usage usage, HotMethods.Analysis profile) {
        boolean caughtUp() {
            return processedPosts >= posts;
        }

        double bytesPerPair() {
            return pairs == 0 ? Double.NaN : (double) stateBytes / pairs;
        }
    }

    /**
     * @param pairsAfter distinct (hashtag, author) pairs in the first n posts of the topic
     * @param profileFile where to record JFR samples of the run, or null
     */
    static Result measure(Infrastructure infra, String topic, long posts, LongUnaryOperator pairsAfter,
            StateBackend backend, int parallelism, Duration checkpointInterval, Duration limit, Path profileFile,
            List<String> extraJobArgs) throws Exception {
        Database db = infra.newDatabase("state_" + backend);
        String group = "bench-state-" + backend + "-" + System.nanoTime();
        List<String> args = new ArrayList<>(infra.connectionArgs(topic, group, db));
        args.addAll(List.of("--starting-offsets", "earliest", "--parallelism", String.valueOf(parallelism),
                "--checkpoint-interval", checkpointInterval.toMillis() + "ms", "--state-backend", backend.name()));
        args.addAll(extraJobArgs);
        StaffroomConfig config = StaffroomConfig.of(args.toArray(new String[0]));
        try (FlinkCluster flink = FlinkCluster.start(config, parallelism);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()))) {
            Map<TopicPartition, Long> end = endOffsets(admin, topic);
            ResourceMeter meter = ResourceMeter.start(new PostgresCpu(infra.postgresPid()));
            Profiler profiler = profileFile == null ? null : Profiler.start(profileFile);
            long started = System.nanoTime();
            JobClient job = flink.submit(config, "staffroom-bench-state-" + backend);
            try {
                long deadline = started + limit.toNanos();
                long lastReport = started;
                long lag = posts;
                while (System.nanoTime() < deadline) {
                    if (job.getJobStatus().get().isGloballyTerminalState()) {
                        job.getJobExecutionResult().get();
                        throw new IllegalStateException("the job ended before catching up");
                    }
                    lag = lag(admin, group, end);
                    if (lag == 0) {
                        break;
                    }
                    if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(30)) {
                        lastReport = System.nanoTime();
                        Console.progress(String.format(Locale.ROOT, "  %s: %,d of %,d posts committed after %.0f s",
                                backend, posts - lag, posts, (lastReport - started) / 1e9));
                    }
                    Thread.sleep(250);
                }
                double catchUp = (System.nanoTime() - started) / 1e9;
                ResourceMeter.Usage usage = meter.stop();
                HotMethods.Analysis profile = null;
                if (profiler != null) {
                    profiler.stop();
                    profile = HotMethods.analyze(profileFile, profiler.started(), profiler.stopped());
                    profiler.close();
                    profiler = null;
                }
                FlinkRest rest = new FlinkRest(flink.restPort());
                String jobId = job.getJobID().toHexString();
                JsonNode latest = rest.get("/jobs/" + jobId + "/checkpoints").path("latest").path("completed");
                if (latest.isMissingNode() || latest.isNull()) {
                    throw new IllegalStateException("no completed checkpoint");
                }
                long id = latest.path("id").asLong();
                Map<String, Long> perTask = perTask(rest, jobId, id);
                long processed = posts - lag;
                return new Result(backend, posts, pairsAfter.applyAsLong(processed), latest.path("state_size").asLong(),
                        latest.path("checkpointed_size").asLong(), id, catchUp, processed, perTask, usage, profile);
            } finally {
                if (profiler != null) {
                    profiler.close();
                }
                try {
                    job.cancel().get(1, TimeUnit.MINUTES);
                } catch (Exception e) {
                    Console.progress("cancelling the state job: " + e.getMessage());
                }
            }
        }
    }

    /** State size per job vertex (the chained operators of one task), largest first. */
    private static Map<String, Long> perTask(FlinkRest rest, String jobId, long checkpointId) throws Exception {
        Map<String, String> names = new HashMap<>();
        for (JsonNode v : rest.get("/jobs/" + jobId).path("vertices")) {
            names.put(v.path("id").asText(), v.path("name").asText());
        }
        JsonNode tasks = rest.get("/jobs/" + jobId + "/checkpoints/details/" + checkpointId).path("tasks");
        List<Map.Entry<String, Long>> sizes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tasks.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            sizes.add(Map.entry(names.getOrDefault(e.getKey(), e.getKey()), e.getValue().path("state_size").asLong()));
        }
        sizes.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        Map<String, Long> out = new LinkedHashMap<>();
        sizes.forEach(e -> out.merge(e.getKey(), e.getValue(), Long::sum));
        return out;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> end.put(tp, info.offset()));
        return end;
    }

    /** Records not yet covered by a completed checkpoint (end offsets minus the group's committed offsets). */
    private static long lag(Admin admin, String group, Map<TopicPartition, Long> end) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            lag += e.getValue() - (c == null ? 0 : c.offset());
        }
        return lag;
    }
}
