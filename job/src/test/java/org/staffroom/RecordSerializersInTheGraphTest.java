package org.staffroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamEdge;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.model.LatePost;
import org.staffroom.model.PostDeletion;
import org.staffroom.model.RejectedPost;
import org.staffroom.model.TopAccount;
import org.staffroom.model.WindowMetrics;
import org.staffroom.sink.Outputs;
import org.staffroom.source.KafkaPostSource;

/**
 * The job as built: every record an operator emits, a side output carries or a sink takes has a
 * serializer of its own, none Flink's reflective POJO serializer or Kryo.
 */
class RecordSerializersInTheGraphTest {

    @Test
    void everyRecordBetweenOperatorsHasItsOwnSerializer() {
        StaffroomConfig config = StaffroomConfig.of();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                StaffroomJob.flinkConfiguration(config));
        StaffroomJob.build(env, config, KafkaPostSource.create(config.sourceSettings()), 0, new Discarding());
        StreamGraph graph = env.getStreamGraph();
        SerializerConfig serializerConfig = env.getConfig().getSerializerConfig();

        List<TypeSerializer<?>> serializers = new ArrayList<>();
        for (StreamNode node : graph.getStreamNodes()) {
            serializers.add(node.getTypeSerializerOut());
            serializers.addAll(List.of(node.getTypeSerializersIn()));
            for (StreamEdge edge : node.getOutEdges()) {
                if (edge.getOutputTag() != null) {
                    serializers.add(edge.getOutputTag().getTypeInfo().createSerializer(serializerConfig));
                }
            }
        }
        Set<String> names = new TreeSet<>();
        serializers.stream().filter(Objects::nonNull).forEach(s -> names.add(s.getClass().getName()));

        // besides ours, only what every sink's writer emits for a committer, whether the sink has one or not
        assertThat(names).containsExactly("org.apache.flink.streaming.api.connector.sink2.CommittableMessageTypeInfo$1",
                "org.staffroom.model.LatePostSerializer", "org.staffroom.model.ParsedRecordSerializer",
                "org.staffroom.model.PostDeletionSerializer", "org.staffroom.model.PostSerializer",
                "org.staffroom.model.RejectedPostSerializer", "org.staffroom.model.ScopedPostSerializer",
                "org.staffroom.model.TopAccountSerializer", "org.staffroom.model.WindowMetricsSerializer");
    }

    /** A sink per table that drops what it gets: the graph is what is looked at. */
    private static final class Discarding implements Outputs {
        @Override
        public Sink<WindowMetrics> hashtagMetrics() {
            return new DiscardingSink<>();
        }

        @Override
        public Sink<WindowMetrics> hashtagPlatformMetrics() {
            return new DiscardingSink<>();
        }

        @Override
        public Sink<WindowMetrics> chatSessionMetrics() {
            return new DiscardingSink<>();
        }

        @Override
        public Sink<WindowMetrics> chatSessionPlatformMetrics() {
            return new DiscardingSink<>();
        }

        @Override
        public Sink<WindowMetrics> chatWeekMetrics() {
            return new DiscardingSink<>();
        }

        @Override
        public Sink<TopAccount> topAccounts() {
            return new DiscardingSink<>();
        }

        @Override
        public Sink<RejectedPost> rejectedPosts() {
            return new DiscardingSink<>();
        }

        @Override
        public Sink<LatePost> latePosts() {
            return new DiscardingSink<>();
        }

        @Override
        public Sink<PostDeletion> deletedPosts() {
            return new DiscardingSink<>();
        }
    }
}
