package org.staffroom.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.jdbc.datasource.connections.JdbcConnectionProvider;

/**
 * Writes batches of rows to one table, each batch in one transaction. When PostgreSQL refuses a
 * batch for the data of a row ({@link RowRefusal}), the batch is written again row by row, each
 * row behind a savepoint, and the rows it refuses go to dead_letters in the same transaction: the
 * good rows and the dead letters of a batch are committed together or not at all, so a batch
 * written again after a lost connection leaves no dead letter twice.
 */
final class UpsertBatches<T> implements AutoCloseable {
    private final JdbcConnectionProvider connections;
    private final UpsertStatement<T> statement;
    private Connection connection;
    private PreparedStatement upsert;
    private PreparedStatement deadLetters;

    UpsertBatches(JdbcConnectionProvider connections, UpsertStatement<T> statement) {
        this.connections = connections;
        this.statement = statement;
    }

    /** Connects, unless connected. */
    void connect() throws SQLException {
        if (connection != null) {
            return;
        }
        try {
            connection = connections.getOrEstablishConnection();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the PostgreSQL driver is not on the classpath", e);
        }
        PositionalParameters.requireStatementsAsWritten(connection);
        connection.setAutoCommit(false);
        upsert = connection.prepareStatement(statement.sql);
        deadLetters = connection.prepareStatement(DeadLetter.INSERT.sql());
    }

    /**
     * Writes {@code rows} in order; returns the rows refused, once they are in dead_letters. Any
     * other failure is thrown, and the next call starts on a new connection.
     */
    List<DeadLetter> write(List<T> rows) throws SQLException {
        try {
            connect();
            return writeBatch(rows);
        } catch (SQLException | RuntimeException e) {
            // the server rolls back what the lost connection had begun
            close();
            throw e;
        }
    }

    private List<DeadLetter> writeBatch(List<T> rows) throws SQLException {
        try {
            for (T row : rows) {
                statement.accept(upsert, row);
                upsert.addBatch();
            }
            upsert.executeBatch();
            connection.commit();
            return List.of();
        } catch (SQLException e) {
            if (!RowRefusal.isRefusal(e)) {
                throw e;
            }
            connection.rollback();
            return writeRowByRow(rows);
        }
    }

    private List<DeadLetter> writeRowByRow(List<T> rows) throws SQLException {
        List<DeadLetter> refused = new ArrayList<>();
        for (T row : rows) {
            Savepoint before = connection.setSavepoint();
            try {
                statement.accept(upsert, row);
                upsert.executeUpdate();
            } catch (SQLException e) {
                if (!RowRefusal.isRefusal(e)) {
                    throw e;
                }
                connection.rollback(before);
                DeadLetter letter = new DeadLetter(statement.table, statement.keyJson(row), statement.valuesJson(row),
                        RowRefusal.sqlState(e), e.getMessage());
                letter.bind(deadLetters);
                deadLetters.addBatch();
                refused.add(letter);
            }
        }
        if (!refused.isEmpty()) {
            deadLetters.executeBatch();
        }
        connection.commit();
        return refused;
    }

    /** Closes the connection; logs and never throws, since nothing it held is lost (see {@link UpsertWriter}). */
    @Override
    public void close() {
        connection = null;
        connections.closeConnection();
    }
}
