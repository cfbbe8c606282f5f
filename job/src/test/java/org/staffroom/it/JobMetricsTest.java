package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.staffroom.platforms.PostEvent;

/**
 * The job's own metrics (README, "Operating Staffroom") after a stream with known duplicates,
 * rejections of each kind, a deletion, posts without hashtags and a post whose windows the end of
 * the input leaves open: each counter and each gauge of state has exactly the value counted by hand,
 * summed over subtasks, through Flink's metric system.
 */
class JobMetricsTest extends WithStack {
    /** Keeps the metrics of finished jobs. */
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void everyMetricHasTheHandCountedValue() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String future = now.plus(3, ChronoUnit.DAYS).toString();
        // within --max-future, and later than the clock posts (12 hours ahead): its windows stay open
        String tomorrow = now.plus(20, ChronoUnit.HOURS).toString();
        byte[] a = PostEvent.of("p1", "2025-01-07T10:01:00Z", "a").hashtags("#edchat").toBytes();
        byte[] b = PostEvent.of("p2", "2025-01-07T10:05:00Z", "b").hashtags("#edchat").urls("https://eef.org.uk").toBytes();
        String topic = stack.topic(2);
        stack.write(topic, 0, List.of(a, b, a, utf8("not json"),
                PostEvent.of("p4", "2025-01-07T12:00:00Z", "e").hashtags("#edchat").toBytes(),
                // late for the half hour at 10:00, final once p4 moved its partition's event time past it
                PostEvent.of("p5", "2025-01-07T10:02:00Z", "f").hashtags("#edchat").toBytes(),
                utf8("{\"id\": \"r1\", \"author\": {\"id\": \"u\"}}"),
                PostEvent.of("p3", "2025-01-07T10:07:00Z", "c").text("no tag here").toBytes()));
        stack.write(topic, 1, List.of(b,
                PostEvent.of("f1", future, "d").hashtags("#edchat").toBytes(),
                utf8("{\"conversionError\": \"created_at: required field is missing\", \"source\": {\"id\": \"9\"}}"),
                utf8("{\"deleted\": true, \"platform\": \"unknown\", \"id\": \"p3\"}"),
                PostEvent.of("t1", tomorrow, "a").hashtags("#maths").toBytes()));
        String db = stack.database();

        JobID job = stack.runJob(topic, db, "--allowed-lateness", "0s");

        // by hand: accepted p1, p2, p1 again, p4, p5, p3 (no hashtag) on partition 0; p2 again and t1 on 1; a
        // clock post on each
        assertThat(sum(job, "route-rejected", "postsAccepted")).isEqualTo(10);
        assertThat(sum(job, "route-rejected", "postsWithoutHashtags")).as("p3 and the two clock posts").isEqualTo(3);
        assertThat(sum(job, "route-rejected", "deletionsRead")).isEqualTo(1);
        assertThat(rejectedByReason(job)).isEqualTo(Map.of("malformed", 1L, "field", 1L, "event_time", 1L,
                "unconverted", 1L, "limit", 0L, "internal", 0L));
        assertThat(sum(job, "deduplicate", "duplicatesDropped")).as("p1 and p2 again").isEqualTo(2);
        assertThat(sum(job, "rejected-posts-sink", "rowsWritten")).isEqualTo(4);
        assertThat(sum(job, "deleted-posts-sink", "rowsWritten")).isEqualTo(1);
        // edchat: the half hours at 10:00 and 12:00 and the day, each written once (no lateness: the first row is
        // final); maths: t1's half hour and day, written open at the end of the input
        assertThat(sum(job, "hashtag-metrics-sink", "rowsWritten")).isEqualTo(5);
        assertThat(sum(job, "hashtag-windows", "latePosts")).as("p5, for the half hour at 10:00").isEqualTo(1);
        assertThat(sum(job, "chat-sessions", "latePosts")).isZero();
        assertThat(sum(job, "late-posts-sink", "rowsWritten")).isEqualTo(1);
        assertThat(sum(job, "hashtag-metrics-sink", "deadLetteredRows")).isZero();
        assertThat(gaugeSum(job, "hashtag-windows", "openWindows")).as("t1's half hour and day").isEqualTo(2);
        assertThat(gaugeSum(job, "hashtag-windows", "firstSeenEntries")).as("edchat: a, b, e, f (p5 late but seen); "
                + "maths: a").isEqualTo(5);
        for (String chats : List.of("chat-sessions", "chat-weeks")) {
            assertThat(gaugeSum(job, chats, "openWindows")).as("no chat's hashtag").isZero();
            assertThat(gaugeSum(job, chats, "firstSeenEntries")).isZero();
        }
        // the posts of 2025 are swept once the clock posts move event time on; posts without hashtags (p3, the
        // clock posts) never reach de-duplication
        assertThat(gaugeSum(job, "deduplicate", "postsRemembered")).as("t1").isEqualTo(1);
        assertThat(METRICS.findMetrics(job, "route-rejected.*\\.eventTimeLagMs$")).as("a lag gauge per subtask")
                .isNotEmpty().allSatisfy((name, gauge) -> assertThat(gauge).isInstanceOf(Gauge.class));
        assertThat(METRICS.findMetrics(job, "hashtag-metrics-sink.*\\.lastBatchMillis$")).isNotEmpty();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A counter of one operator, summed over its subtasks. */
    private static long sum(JobID job, String operator, String counter) {
        return ofEverySubtask(job, operator, counter).stream().mapToLong(m -> ((Counter) m).getCount()).sum();
    }

    /** A gauge of one operator, summed over its subtasks. */
    private static long gaugeSum(JobID job, String operator, String gauge) {
        return ofEverySubtask(job, operator, gauge).stream().mapToLong(m -> (Long) ((Gauge<?>) m).getValue()).sum();
    }

    private static Collection<Metric> ofEverySubtask(JobID job, String operator, String metric) {
        Map<String, Metric> found = METRICS.findMetrics(job, "\\Q" + operator + "\\E[^.]*\\..*\\." + metric + "$");
        assertThat(found).as("%s of %s", metric, operator).isNotEmpty();
        return found.values();
    }

    /** recordsRejected by its reason label, summed over subtasks. */
    private static Map<String, Long> rejectedByReason(JobID job) {
        Map<String, Long> byReason = new TreeMap<>();
        METRICS.findMetrics(job, "\\.reason\\.[a-z_]+\\.recordsRejected$").forEach((name, metric) -> {
            String[] parts = name.split("\\.");
            byReason.merge(parts[parts.length - 2], ((Counter) metric).getCount(), Long::sum);
        });
        return byReason;
    }
}
