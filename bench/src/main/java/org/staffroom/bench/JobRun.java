package org.staffroom.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.embedded.Database;

/**
 * The full Staffroom job — parse, de-duplicate, every hashtag window, chat sessions and weeks, new
 * participants, top accounts, the real PostgreSQL sinks — in bounded mode over the whole topic,
 * on a MiniCluster at one parallelism, into a fresh database with a fresh consumer group.
 */
final class JobRun {
    private JobRun() {}

    /**
     * @param rowWrites rows inserted or updated in PostgreSQL per table, a row written open and then final twice
     * @param dailyPosts posts per hashtag over its 1d rows, which the SQL baseline's must equal
     */
    record Result(int parallelism, long posts, double seconds, ResourceMeter.Usage usage, Map<String, Long> rows,
            Map<String, Long> rowWrites, Map<String, Long> dailyPosts, HotMethods.Analysis profile, Path profileFile) {
        double postsPerSecond() {
            return posts / seconds;
        }

        long rowsWritten() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }

        long totalRowWrites() {
            return rowWrites.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * @param profileFile where to keep a JFR recording of the run, or null for none
     * @param extraJobArgs more job options (they win over the bench's)
     */
    static Result run(Infrastructure infra, String topic, long posts, int parallelism, Duration timeout,
            Path profileFile, List<String> extraJobArgs) throws Exception {
        Database db = infra.newDatabase("p" + parallelism);
        List<String> args = new ArrayList<>(infra.connectionArgs(topic, "bench-p" + parallelism + "-" + System.nanoTime(), db));
        args.addAll(List.of("--bounded", "--starting-offsets", "earliest", "--parallelism", String.valueOf(parallelism)));
        args.addAll(extraJobArgs);
        StaffroomConfig config = StaffroomConfig.of(args.toArray(new String[0]));
        try (FlinkCluster flink = FlinkCluster.start(config, parallelism)) {
            PostgresCpu dbCpu = new PostgresCpu(infra.postgresPid());
            ResourceMeter meter = ResourceMeter.start(dbCpu);
            Profiler profiler = profileFile == null ? null : Profiler.start(profileFile);
            long started = System.nanoTime();
            JobClient job = flink.submit(config, "staffroom-bench-p" + parallelism);
            try {
                FlinkCluster.await(job, timeout, "the bounded job at parallelism " + parallelism);
            } finally {
                if (profiler != null) {
                    profiler.stop();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            ResourceMeter.Usage usage = meter.stop();
            HotMethods.Analysis profile = null;
            if (profiler != null) {
                try {
                    profile = HotMethods.analyze(profileFile, profiler.started(), profiler.stopped());
                } finally {
                    profiler.close();
                }
            }
            Map<String, Long> rows = Infrastructure.rowCounts(db);
            return new Result(parallelism, posts, seconds, usage, rows, Infrastructure.rowWrites(db),
                    DailyPosts.byHashtag(db, "hashtag_window_metrics"), profile, profileFile);
        }
    }
}
