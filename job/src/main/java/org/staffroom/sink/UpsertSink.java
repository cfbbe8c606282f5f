package org.staffroom.sink;

import java.io.IOException;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.datasource.connections.SimpleJdbcConnectionProvider;
import org.staffroom.options.PasswordSource;

/**
 * A Sink V2 that upserts into one table at least once (see {@link UpsertWriter}). Not the
 * connector's JdbcSink: its writer hides the batch, so it cannot find the row of a batch that
 * PostgreSQL refused, and it fails the task on it, for ever.
 */
final class UpsertSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final JdbcConnectionOptions connection;
    private final PasswordSource password;
    private final JdbcExecutionOptions execution;
    private final UpsertStatement<T> statement;

    /** @param connection everything but the password: the sink is part of the job graph, the password is not */
    UpsertSink(JdbcConnectionOptions connection, PasswordSource password, JdbcExecutionOptions execution,
            UpsertStatement<T> statement) {
        this.connection = connection;
        this.password = password;
        this.execution = execution;
        this.statement = statement;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        UpsertBatches<T> batches = new UpsertBatches<>(new SimpleJdbcConnectionProvider(withPassword()), statement);
        try {
            batches.connect();
        } catch (SQLException e) {
            batches.close();
            throw new IOException("Cannot connect to PostgreSQL to write " + statement.table, e);
        }
        // as the connector's JdbcOutputSerializer: copy only when object reuse lets the sender change the record
        TypeSerializer<T> serializer = context.createInputSerializer();
        UnaryOperator<T> keep = context.isObjectReuseEnabled() ? serializer::copy : UnaryOperator.identity();
        return new UpsertWriter<>(batches, statement, execution, keep, context.getProcessingTimeService(),
                context.metricGroup());
    }

    /** The connection options with the password read here, on the TaskManager. */
    private JdbcConnectionOptions withPassword() {
        JdbcConnectionOptions.JdbcConnectionOptionsBuilder b = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                .withUrl(connection.getDbURL())
                .withDriverName(connection.getDriverName())
                .withConnectionCheckTimeoutSeconds(connection.getConnectionCheckTimeoutSeconds());
        connection.getProperties().forEach((key, value) -> b.withProperty((String) key, (String) value));
        String secret = password.read();
        if (secret != null) {
            b.withPassword(secret);
        }
        return b.build();
    }
}
