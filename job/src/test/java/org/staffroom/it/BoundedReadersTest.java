package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.staffroom.JobProgress;
import org.staffroom.StaffroomJob;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.platforms.PostEvent;

/**
 * A bounded run with more parallelism than its topic has partitions reads with one reader per
 * partition: a reader without a partition held event time back until it ended, and when it ended
 * after the others had read everything, the run finalised no window (seen about once a full test
 * run, as rows written open). And a bounded run tells the client that waits for it how far it is.
 */
class BoundedReadersTest extends StackTest {

    @Test
    void aBoundedRunHasOneReaderPerPartition() throws Exception {
        Map<String, Integer> bounded = parallelismOfEachOperator(true);
        assertThat(bounded).containsEntry("Source: posts", 1).containsEntry("route-rejected", 1)
                .containsEntry("deduplicate", 2).containsEntry("hashtag-windows", 2);
        assertThat(parallelismOfEachOperator(false)).as("an unbounded run keeps idle readers: they go idle")
                .containsEntry("Source: posts", 2).containsEntry("route-rejected", 2);
    }

    @Test
    void aBoundedRunOnOnePartitionFinalisesItsWindows() throws Exception {
        String topic = stack.topic(1);
        String db = stack.database();
        stack.write(topic, 0, List.of(
                PostEvent.of("1", "2025-01-07T10:01:00Z", "a").hashtags("#edchat").toBytes(),
                PostEvent.of("2", "2025-01-07T10:12:00Z", "b").hashtags("#edchat").urls("https://eef.org.uk").toBytes(),
                PostEvent.of("3", "2025-01-07T10:29:59Z", "a").hashtags("#EdChat").retweetOf("1").toBytes()));

        stack.runJob(topic, db, "--parallelism", "2");

        assertThat(stack.rows(db, "SELECT hashtag, posts, retweets, with_link, participants, is_final "
                + "FROM hashtag_window_metrics WHERE window_size = '30m' ORDER BY window_start")).containsExactly(
                "hashtag=edchat|posts=3|retweets=1|with_link=1|participants=2|is_final=t");
    }

    @Test
    void aBoundedRunPrintsItsProgressUpToTheWholeInput() throws Exception {
        String topic = stack.topic(2);
        stack.write(topic, 0, List.of(
                PostEvent.of("1", "2025-01-07T10:01:00Z", "a").hashtags("#edchat").toBytes(),
                PostEvent.of("2", "2025-01-07T10:29:59Z", "b").hashtags("#edchat").toBytes(),
                "not json".getBytes(StandardCharsets.UTF_8)));
        stack.write(topic, 1, List.of(
                PostEvent.of("3", "2025-01-07T10:12:00Z", "c").hashtags("#edchat").toBytes(),
                PostEvent.of("4", "2025-01-07T10:05:00Z", "d").text("no tag here").toBytes()));
        StaffroomConfig config = stack.config(topic, stack.database(), "--parallelism", "2", "--bounded",
                "--progress-interval", "100ms");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(StaffroomJob.flinkConfiguration(config));
        StringWriter err = new StringWriter();
        env.registerJobListener(JobProgress.of(config, StaffroomJob.build(env, config), new PrintWriter(err)));

        env.execute("progress");

        List<String> lines = err.toString().lines().toList();
        // five records, the malformed one too; the latest createdAt of an accepted post is post 2's
        assertThat(lines.get(lines.size() - 2)).matches("staffroom: 5 read, [\\d,]+ records/s, "
                + "event time 2025-01-07T10:29:59Z, 100\\.0% of 5, 00:00:00 left");
        assertThat(lines.get(lines.size() - 1))
                .matches("staffroom: read 5 records from " + topic + " in [\\d.]+ s \\([\\d,]+ records/s\\)");
        List<Long> counts = lines.subList(0, lines.size() - 1).stream()
                .map(line -> Long.parseLong(line.replaceFirst("^staffroom: ([\\d,]+) read, .*", "$1").replace(",", "")))
                .toList();
        assertThat(counts).as("a line every 100 ms while the job ran, then the last").hasSizeGreaterThan(1)
                .isSorted();
    }

    private static Map<String, Integer> parallelismOfEachOperator(boolean bounded) throws Exception {
        String topic = stack.topic(1);
        StaffroomConfig config = bounded
                ? stack.config(topic, stack.database(), "--parallelism", "2", "--bounded")
                : stack.config(topic, stack.database(), "--parallelism", "2");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(StaffroomJob.flinkConfiguration(config));
        StaffroomJob.build(env, config);
        return env.getStreamGraph().getStreamNodes().stream()
                .collect(Collectors.toMap(StreamNode::getOperatorName, StreamNode::getParallelism, (a, b) -> a));
    }
}
