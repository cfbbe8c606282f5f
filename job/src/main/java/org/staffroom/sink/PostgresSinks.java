package org.staffroom.sink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.model.HashtagWindowMetrics;
import org.staffroom.model.LatePost;
import org.staffroom.model.RejectedPost;

/**
 * The JDBC sinks (Sink V2) for every output table. Upserts make the effect exactly-once: a replay
 * or a restart from a checkpoint rewrites the same rows with the same values.
 */
public final class PostgresSinks implements Outputs {
    private final JdbcConnectionOptions connection;
    private final JdbcExecutionOptions execution;

    public PostgresSinks(JdbcConnectionOptions connection, JdbcExecutionOptions execution) {
        this.connection = connection;
        this.execution = execution;
    }

    public static PostgresSinks create(StaffroomConfig config) {
        JdbcConnectionOptions.JdbcConnectionOptionsBuilder connection =
                new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                        .withUrl(config.jdbc().url())
                        .withDriverName("org.postgresql.Driver")
                        .withUsername(config.jdbc().user());
        String password = config.jdbc().password();
        if (password != null) {
            connection.withPassword(password);
        }
        JdbcExecutionOptions execution = JdbcExecutionOptions.builder()
                .withBatchSize(config.sinkBatchSize())
                .withBatchIntervalMs(config.sinkFlushInterval().toMillis())
                .withMaxRetries(config.sinkMaxRetries())
                .build();
        return new PostgresSinks(connection.build(), execution);
    }

    @Override
    public Sink<HashtagWindowMetrics> hashtagMetrics() {
        return sink(HashtagMetricsStatement.SQL, new HashtagMetricsStatement());
    }

    @Override
    public Sink<RejectedPost> rejectedPosts() {
        return sink(RejectedPostStatement.SQL, new RejectedPostStatement());
    }

    @Override
    public Sink<LatePost> latePosts() {
        return sink(LatePostStatement.SQL, new LatePostStatement());
    }

    private <T> Sink<T> sink(String sql, JdbcStatementBuilder<T> statement) {
        return JdbcSink.<T>builder()
                .withQueryStatement(sql, statement)
                .withExecutionOptions(execution)
                .buildAtLeastOnce(connection);
    }
}
