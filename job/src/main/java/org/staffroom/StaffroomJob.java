package org.staffroom;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Optional;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateChangelogOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.staffroom.chats.AssignChatSessions;
import org.staffroom.chats.ChatScopes;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.dedup.DeduplicatePosts;
import org.staffroom.model.ParsedRecord;
import org.staffroom.model.Post;
import org.staffroom.model.PostDeletion;
import org.staffroom.model.RejectedPost;
import org.staffroom.model.WindowMetrics;
import org.staffroom.sink.OpenRows;
import org.staffroom.sink.Outputs;
import org.staffroom.sink.PostgresSinks;
import org.staffroom.source.BoundedInput;
import org.staffroom.source.KafkaPostSource;
import org.staffroom.source.RouteRejected;
import org.staffroom.state.StateBackend;
import org.staffroom.windows.EngagementWindows;
import org.staffroom.windows.ExplodeHashtags;
import org.staffroom.windows.HashtagScopes;

/**
 * Staffroom: post events from Kafka → parse → de-duplicate → per-hashtag windows and chat
 * sessions → PostgreSQL.
 * Every operator has a fixed uid so that state survives upgrades from a savepoint.
 */
public final class StaffroomJob {
    private static final Logger LOG = LoggerFactory.getLogger(StaffroomJob.class);

    private StaffroomJob() {}

    /** Runs the job on Kafka and PostgreSQL as configured, until it ends (bounded) or is cancelled. */
    public static void run(StaffroomConfig config) throws Exception {
        LOG.info("Starting Staffroom: {}", config);
        config.kafkaProperties().warnOfLiteralSecrets(System.err);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfiguration(config));
        // the environment's configuration holds the cluster's (the client's config.yaml, or the JobManager's for a
        // REST submission) merged with the job's
        inMemoryCheckpointsRefusal(env.getConfiguration()).ifPresent(message -> {
            throw new IllegalStateException(message);
        });
        if (env.getConfiguration().getOptional(StateRecoveryOptions.SAVEPOINT_PATH).isEmpty()
                && !config.startWithoutState()) {
            OpenRows.refuseAFreshStartOver(config.jdbc());
        }
        Optional<BoundedInput> input = build(env, config);
        // a detached client exits once the job is submitted, and a REST submission's main() runs in the JobManager,
        // which closes the jar's class loader after it: only an attached client can watch
        if (env.getConfiguration().get(DeploymentOptions.ATTACHED)) {
            env.registerJobListener(RestartLoopWatch.of(env.getConfiguration()));
            env.registerJobListener(JobProgress.of(config, input, new PrintWriter(System.err, true, UTF_8)));
        }
        env.execute("staffroom");
    }

    /**
     * Why the job must not start with this Flink configuration, if it must not: when checkpoints would be kept in the
     * JobManager's memory (no checkpoint directory, or {@code execution.checkpointing.storage: jobmanager}), which
     * takes at most 5 MiB of state; beyond that every checkpoint fails, and the job fails and restarts from the last
     * checkpoint that fitted (or from the beginning), for ever.
     */
    public static Optional<String> inMemoryCheckpointsRefusal(ReadableConfig flink) {
        Optional<String> storage = flink.getOptional(CheckpointingOptions.CHECKPOINT_STORAGE);
        boolean inMemory = storage.map(s -> s.equalsIgnoreCase("jobmanager"))
                .orElse(flink.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).isEmpty());
        if (!inMemory) {
            return Optional.empty();
        }
        return Optional.of("staffroom-job: checkpoints would be kept in the JobManager's memory, which holds at most 5 MiB "
                + "of state; beyond that every checkpoint fails, and the job fails and restarts, for ever. Pass "
                + "--checkpoint-dir URI (file:///..., s3://...) or set execution.checkpointing.dir in the cluster's "
                + "config.yaml" + storage.map(s -> " (and execution.checkpointing.storage: filesystem, not " + s + ")")
                .orElse("") + ".");
    }

    /**
     * Flink settings that follow from the config: checkpoints in --checkpoint-dir if given, kept on cancellation so a
     * user can resume from the last one; the state backend, without the changelog; no silent Kryo fallback, and object
     * reuse, since without it every chained operator deep-copies each post (four copies of every post, the
     * largest part of the job's serializer time). Safe here: no operator changes a record it was
     * given or keeps one past the call, and the JDBC sinks copy what they buffer when reuse is on.
     */
    public static Configuration flinkConfiguration(StaffroomConfig config) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        conf.set(StateBackendOptions.STATE_BACKEND, config.stateBackend().flinkName);
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, config.stateBackend() == StateBackend.rocksdb);
        // the heap layout of the windows changes state objects in place, which the changelog (it logs puts) would miss
        conf.set(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, false);
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        // a Flink this JVM starts itself (the local stack, mvn -pl job exec:exec) serves its REST API and web UI,
        // which can submit and cancel jobs, to this host only; a cluster binds where its own configuration says
        conf.set(RestOptions.BIND_ADDRESS, "localhost");
        if (config.checkpointDir() != null) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, config.checkpointDir().toString());
        }
        return conf;
    }

    /**
     * Wires the pipeline onto {@code env}, reading Kafka and writing PostgreSQL as configured; returns what a bounded
     * run will read (empty for an unbounded run).
     */
    public static Optional<BoundedInput> build(StreamExecutionEnvironment env, StaffroomConfig config)
            throws SQLException {
        Outputs outputs = PostgresSinks.prepare(config.sinkSettings(), config.chatCalendar());
        Optional<BoundedInput> input = config.bounded()
                ? Optional.of(KafkaPostSource.boundedInput(config.sourceSettings())) : Optional.empty();
        build(env, config, KafkaPostSource.create(config.sourceSettings()),
                input.map(BoundedInput::partitions).orElse(0), outputs);
        return input;
    }

    /**
     * Wires the pipeline onto {@code env}.
     *
     * @param maxReaders at most this many source readers (0: as many as the job's parallelism)
     */
    static void build(StreamExecutionEnvironment env, StaffroomConfig config,
            Source<ParsedRecord, ?, ?> source, int maxReaders, Outputs outputs) {
        env.enableCheckpointing(config.checkpointInterval().toMillis());
        if (config.parallelism() > 0) {
            env.setParallelism(config.parallelism());
        }

        SingleOutputStreamOperator<ParsedRecord> records = env
                .fromSource(source, KafkaPostSource.watermarks(config.sourceSettings()),
                        "posts")
                .uid("posts-source");
        SingleOutputStreamOperator<Post> posts = records
                .process(new RouteRejected(config.outOfOrderness().toMillis()))
                .name("route-rejected")
                .uid("route-rejected");
        DataStreamSink<RejectedPost> rejectedSink = posts.getSideOutput(RouteRejected.REJECTED)
                .sinkTo(outputs.rejectedPosts())
                .name("rejected-posts-sink")
                .uid("rejected-posts-sink");

        DataStreamSink<PostDeletion> deletedSink = posts.getSideOutput(RouteRejected.DELETED)
                .sinkTo(outputs.deletedPosts())
                .name("deleted-posts-sink")
                .uid("deleted-posts-sink");

        if (maxReaders > 0 && maxReaders < env.getParallelism()) {
            LOG.info("This bounded run reads its {} partitions with {} source readers rather than {}: a reader "
                    + "without a partition would hold event time back", maxReaders, maxReaders, env.getParallelism());
            // the parser and the sinks of its side outputs stay chained to their reader
            records.setParallelism(maxReaders);
            posts.setParallelism(maxReaders);
            rejectedSink.setParallelism(maxReaders);
            deletedSink.setParallelism(maxReaders);
        }

        DataStream<Post> uniquePosts = posts
                .keyBy(DeduplicatePosts::bucketOf)
                .process(new DeduplicatePosts(config.dedupHorizon().toMillis()))
                .name("deduplicate")
                .uid("deduplicate");

        SingleOutputStreamOperator<WindowMetrics> hashtagMetrics = uniquePosts
                .flatMap(new ExplodeHashtags())
                .name("explode-hashtags")
                .uid("explode-hashtags")
                .keyBy(p -> p.scope)
                .process(new EngagementWindows(new HashtagScopes(config.windowSchemes()),
                        config.allowedLateness().toMillis(), 0, config.stateBackend()))
                .name("hashtag-windows")
                .uid("hashtag-windows");

        SingleOutputStreamOperator<WindowMetrics> chatMetrics = uniquePosts
                .flatMap(AssignChatSessions.inSessions(config.chatCalendar()))
                .name("assign-chat-sessions")
                .uid("assign-chat-sessions")
                .keyBy(p -> p.scope)
                .process(new EngagementWindows(ChatScopes.sessions(config.chatCalendar()),
                        config.allowedLateness().toMillis(), config.liveRefresh().toMillis(), config.stateBackend()))
                .name("chat-sessions")
                .uid("chat-sessions");

        SingleOutputStreamOperator<WindowMetrics> chatWeekMetrics = uniquePosts
                .flatMap(AssignChatSessions.outsideSessions(config.chatCalendar()))
                .name("assign-chat-weeks")
                .uid("assign-chat-weeks")
                .keyBy(p -> p.scope)
                .process(new EngagementWindows(ChatScopes.restOfWeek(config.chatCalendar()),
                        config.allowedLateness().toMillis(), 0, config.stateBackend()))
                .name("chat-weeks")
                .uid("chat-weeks");

        // the hashtag rows' sinks in tasks of their own: chained, the windows waited for every batch
        // PostgreSQL wrote, and with many hashtags (a row per 1.6 posts, each written open and then
        // final) the job ran at the database's pace plus its own
        hashtagMetrics.sinkTo(outputs.hashtagMetrics()).name("hashtag-metrics-sink").uid("hashtag-metrics-sink")
                .disableChaining();
        hashtagMetrics.getSideOutput(EngagementWindows.PLATFORM_ROWS)
                .sinkTo(outputs.hashtagPlatformMetrics())
                .name("hashtag-platform-metrics-sink")
                .uid("hashtag-platform-metrics-sink")
                .disableChaining();
        chatMetrics.sinkTo(outputs.chatSessionMetrics()).name("chat-session-sink").uid("chat-session-sink");
        chatMetrics.getSideOutput(EngagementWindows.PLATFORM_ROWS)
                .sinkTo(outputs.chatSessionPlatformMetrics())
                .name("chat-session-platform-sink")
                .uid("chat-session-platform-sink");
        chatWeekMetrics.sinkTo(outputs.chatWeekMetrics()).name("chat-week-sink").uid("chat-week-sink");
        hashtagMetrics.getSideOutput(EngagementWindows.TOP_ACCOUNTS)
                .union(chatMetrics.getSideOutput(EngagementWindows.TOP_ACCOUNTS))
                .sinkTo(outputs.topAccounts())
                .name("top-accounts-sink")
                .uid("top-accounts-sink");
        hashtagMetrics.getSideOutput(EngagementWindows.LATE)
                .union(chatMetrics.getSideOutput(EngagementWindows.LATE),
                        chatWeekMetrics.getSideOutput(EngagementWindows.LATE))
                .sinkTo(outputs.latePosts())
                .name("late-posts-sink")
                .uid("late-posts-sink");
    }
}
