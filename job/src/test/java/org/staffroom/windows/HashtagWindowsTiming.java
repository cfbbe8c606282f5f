package org.staffroom.windows;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.staffroom.TestHarnesses;
import org.staffroom.model.Post;
import org.staffroom.model.ScopedPost;
import org.staffroom.model.WindowMetrics;
import org.staffroom.state.StateBackend;

/**
 * The hashtag windows alone, timed on one thread, for changes to them that a whole-job benchmark
 * on shared cores cannot tell apart: posts of an archive of many hashtags (each post 1 or 2 of
 * 5,000 tags, 1.6 on average, the k-th most popular with weight 1/k; 50,000 authors; one post every
 * 300 ms of event time, in order) through the operator on a test harness, the watermark following
 * every 1,000 posts, then the end of input; per second of wall time and of the thread's CPU time
 * (robust to other processes on shared cores). Not a test: run its main,
 * {@code java -cp "job/target/test-classes:job/target/classes:<test classpath>" org.staffroom.windows.HashtagWindowsTiming [posts] [heap|rocksdb] [rounds]}.
 */
public final class HashtagWindowsTiming {
    private static final int HASHTAGS = 5_000;
    private static final int AUTHORS = 50_000;
    private static final long STEP_MILLIS = 300;
    private static final int WATERMARK_EVERY = 1_000;

    /** CPU time of the thread: robust to other processes on shared cores, unlike wall time. */
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    private HashtagWindowsTiming() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        StateBackend backend = args.length > 1 ? StateBackend.valueOf(args[1]) : StateBackend.heap;
        // more rounds where the load swings: their best is the steadiest figure
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Post> posts = posts(n);
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            long cpuStart = THREAD.getCurrentThreadCpuTime();
            long rows = run(posts, backend);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (THREAD.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf("%s %,d posts in %.2f s: %,.0f posts/s, %,.0f per CPU second (%,d rows)%n",
                    round == 0 ? "warm-up " : "measured", n, seconds, n / seconds, n / cpuSeconds, rows);
        }
    }

    private static long run(List<Post> posts, StateBackend backend) throws Exception {
        List<WindowScheme> sizes = WindowSizes.parse(List.of("30m", "1d"), ZoneOffset.UTC);
        KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> h = TestHarnesses.open(
                new EngagementWindows(new HashtagScopes(sizes), Duration.ofMinutes(5).toMillis(), 0, backend), backend);
        long rows = 0;
        int i = 0;
        for (Post p : posts) {
            for (String tag : p.hashtags) {
                h.processElement(new ScopedPost(tag, p), p.createdAt);
            }
            if (++i % WATERMARK_EVERY == 0) {
                h.processWatermark(new Watermark(p.createdAt - 1));
                rows += drain(h);
            }
        }
        h.processWatermark(new Watermark(Long.MAX_VALUE));
        rows += drain(h);
        h.close();
        return rows;
    }

    /** Rows written since the last call; the harness would otherwise keep them all. */
    private static long drain(KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> h) {
        long rows = h.getOutput().stream().filter(o -> o instanceof StreamRecord)
                .count();
        h.getOutput().clear();
        for (var tag : List.of(EngagementWindows.PLATFORM_ROWS, EngagementWindows.TOP_ACCOUNTS, EngagementWindows.LATE)) {
            var side = h.getSideOutput(tag);
            if (side != null) {
                side.clear();
            }
        }
        return rows;
    }

    static List<Post> posts(int n) {
        SplittableRandom random = new SplittableRandom(42);
        double[] cumulative = new double[HASHTAGS];
        double sum = 0;
        for (int k = 1; k <= HASHTAGS; k++) {
            sum += 1.0 / k;
            cumulative[k - 1] = sum;
        }
        long t = Instant.parse("2025-01-06T00:00:00Z").toEpochMilli();
        List<Post> posts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Post p = new Post();
            p.platform = "x";
            p.id = Integer.toString(i);
            p.createdAt = t + i * STEP_MILLIS;
            p.receivedAt = p.createdAt;
            p.eventTimeAtRead = p.createdAt - 1;
            p.authorId = Integer.toString(random.nextInt(AUTHORS));
            p.authorHandle = "a" + p.authorId;
            p.followers = random.nextInt(10_000);
            p.flags = random.nextInt(64);
            p.mentions = new String[0];
            String first = tag(cumulative, random);
            String second = random.nextDouble() < 0.6 ? tag(cumulative, random) : first;
            p.hashtags = second.equals(first) ? new String[] {first} : new String[] {first, second};
            posts.add(p);
        }
        return posts;
    }

    private static String tag(double[] cumulative, SplittableRandom random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return "topic" + (i >= 0 ? i : -i - 1);
    }
}
