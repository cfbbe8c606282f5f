package org.staffroom;

import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.dedup.DeduplicatePosts;
import org.staffroom.model.HashtagPost;
import org.staffroom.model.HashtagWindowMetrics;
import org.staffroom.model.ParsedRecord;
import org.staffroom.model.Post;
import org.staffroom.sink.Outputs;
import org.staffroom.sink.PostgresSinks;
import org.staffroom.source.KafkaPostSource;
import org.staffroom.source.RouteRejected;
import org.staffroom.windows.ExplodeHashtags;
import org.staffroom.windows.HashtagWindows;

/**
 * Staffroom: post events from Kafka → parse → de-duplicate → per-hashtag windows → PostgreSQL.
 * Every operator has a fixed uid so that state survives upgrades from a savepoint.
 */
public final class StaffroomJob {
    private static final Logger LOG = LoggerFactory.getLogger(StaffroomJob.class);

    private StaffroomJob() {}

    /** Runs the job on Kafka and PostgreSQL as configured, until it ends (bounded) or is cancelled. */
    public static void run(StaffroomConfig config) throws Exception {
        LOG.info("Starting Staffroom: {}", config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfiguration(config));
        build(env, config, KafkaPostSource.create(config), PostgresSinks.create(config));
        env.execute("staffroom");
    }

    /** Flink settings that follow from the config: checkpoints always, and no silent Kryo fallback. */
    public static Configuration flinkConfiguration(StaffroomConfig config) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return conf;
    }

    /** Wires the pipeline onto {@code env}; tests call this with their own source or outputs. */
    public static void build(StreamExecutionEnvironment env, StaffroomConfig config,
            Source<ParsedRecord, ?, ?> source, Outputs outputs) {
        env.enableCheckpointing(config.checkpointInterval().toMillis());
        if (config.parallelism() > 0) {
            env.setParallelism(config.parallelism());
        }

        SingleOutputStreamOperator<Post> posts = env
                .fromSource(source, KafkaPostSource.watermarks(config.outOfOrderness(), config.idleTimeout()),
                        "posts")
                .uid("posts-source")
                .process(new RouteRejected())
                .name("route-rejected")
                .uid("route-rejected");

        posts.getSideOutput(RouteRejected.REJECTED)
                .sinkTo(outputs.rejectedPosts())
                .name("rejected-posts-sink")
                .uid("rejected-posts-sink");

        DataStream<HashtagPost> hashtagPosts = posts
                .keyBy(Post::identity)
                .process(new DeduplicatePosts(config.dedupHorizon().toMillis()))
                .name("deduplicate")
                .uid("deduplicate")
                .flatMap(new ExplodeHashtags())
                .name("explode-hashtags")
                .uid("explode-hashtags");

        SingleOutputStreamOperator<HashtagWindowMetrics> hashtagMetrics = hashtagPosts
                .keyBy(hp -> hp.hashtag)
                .process(new HashtagWindows(config.windowSchemes(), config.allowedLateness().toMillis()))
                .name("hashtag-windows")
                .uid("hashtag-windows");

        hashtagMetrics
                .sinkTo(outputs.hashtagMetrics())
                .name("hashtag-metrics-sink")
                .uid("hashtag-metrics-sink");

        hashtagMetrics.getSideOutput(HashtagWindows.LATE)
                .sinkTo(outputs.latePosts())
                .name("late-posts-sink")
                .uid("late-posts-sink");
    }
}
