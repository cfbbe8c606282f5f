package org.staffroom.sink;

import java.sql.SQLException;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.staffroom.options.PasswordSource;
import org.staffroom.chats.ChatCalendar;
import org.staffroom.model.LatePost;
import org.staffroom.model.PostDeletion;
import org.staffroom.model.RejectedPost;
import org.staffroom.model.TopAccount;
import org.staffroom.model.WindowMetrics;

/**
 * The JDBC sinks (Sink V2) for every output table. Upserts make the effect exactly-once: a replay
 * or a restart from a checkpoint rewrites the same rows with the same values. Rows PostgreSQL
 * refuses for their data go to dead_letters instead of stopping the job ({@link UpsertWriter}).
 */
public final class PostgresSinks implements Outputs {
    private final JdbcConnectionOptions connection;
    private final PasswordSource password;
    private final JdbcExecutionOptions execution;
    /** chat id → hashtag, for every chat the chats table knows. */
    private final Map<String, String> chatHashtags;

    /** @param connection everything but the password, which {@code password} names */
    public PostgresSinks(JdbcConnectionOptions connection, PasswordSource password, JdbcExecutionOptions execution,
            Map<String, String> chatHashtags) {
        this.connection = connection;
        this.password = password;
        this.execution = execution;
        this.chatHashtags = Map.copyOf(chatHashtags);
    }

    /** Mirrors the calendar into the chats table, and returns the sinks of every output table. */
    public static PostgresSinks prepare(SinkSettings settings, ChatCalendar calendar) throws SQLException {
        Map<String, String> chatHashtags = ChatsTable.mirror(settings.jdbc(), calendar);
        JdbcConnectionOptions.JdbcConnectionOptionsBuilder connection =
                new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                        .withUrl(settings.jdbc().url())
                        .withDriverName("org.postgresql.Driver")
                        .withUsername(settings.jdbc().user());
        settings.jdbc().driverProperties().forEach(connection::withProperty);
        JdbcExecutionOptions execution = JdbcExecutionOptions.builder()
                .withBatchSize(settings.batchSize())
                .withBatchIntervalMs(settings.flushInterval().toMillis())
                .withMaxRetries(settings.maxRetries())
                .build();
        return new PostgresSinks(connection.build(), settings.jdbc().passwordSource(), execution, chatHashtags);
    }

    @Override
    public Sink<WindowMetrics> hashtagMetrics() {
        return sink(HashtagMetricsStatement.allPlatforms());
    }

    @Override
    public Sink<WindowMetrics> hashtagPlatformMetrics() {
        return sink(HashtagMetricsStatement.perPlatform());
    }

    @Override
    public Sink<WindowMetrics> chatSessionMetrics() {
        return sink(ChatRowStatement.sessions(chatHashtags));
    }

    @Override
    public Sink<WindowMetrics> chatSessionPlatformMetrics() {
        return sink(ChatRowStatement.platformSessions(chatHashtags));
    }

    @Override
    public Sink<WindowMetrics> chatWeekMetrics() {
        return sink(ChatRowStatement.weeks(chatHashtags));
    }

    @Override
    public Sink<TopAccount> topAccounts() {
        return sink(new TopAccountStatement());
    }

    @Override
    public Sink<RejectedPost> rejectedPosts() {
        return sink(new RejectedPostStatement());
    }

    @Override
    public Sink<LatePost> latePosts() {
        return sink(new LatePostStatement());
    }

    @Override
    public Sink<PostDeletion> deletedPosts() {
        return sink(new DeletedPostStatement());
    }

    private <T> Sink<T> sink(UpsertStatement<T> statement) {
        return new UpsertSink<>(connection, password, execution, statement);
    }
}
