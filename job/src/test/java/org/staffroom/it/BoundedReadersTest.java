package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.staffroom.StaffroomJob;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.platforms.PostEvent;

/**
 * A bounded run with more parallelism than its topic has partitions reads with one reader per
 * partition: a reader without a partition held event time back until it ended, and when it ended
 * after the others had read everything, the run finalised no window (seen about once a full test
 * run, as rows written open).
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
