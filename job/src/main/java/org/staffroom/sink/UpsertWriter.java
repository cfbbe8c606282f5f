package org.staffroom.sink;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers rows for one table and writes them in batches: when the batch is full, when
 * {@code --sink-flush-interval} has passed since its first row, and before every checkpoint
 * barrier and at the end of input (Flink calls {@link #flush}), so that every row received
 * before a checkpoint is in the database when the checkpoint completes (at-least-once; the
 * upserts make a row written twice harmless).
 *
 * <p>A row PostgreSQL refuses for its data goes to dead_letters, is counted in the metric
 * {@value #DEAD_LETTERED_ROWS} and logged, and the job goes on. Rows written are counted in
 * {@value #ROWS_WRITTEN} (with those a later row of their key replaced within the batch, also counted in
 * {@value #ROWS_COALESCED}: see {@link PendingRows}), and the last batch's time in {@value #LAST_BATCH_MILLIS}. Any other failure is retried
 * {@code --sink-max-retries} times with a growing pause, on a new connection; then the task fails
 * and Flink's restarts wait the outage out, writing again from the last checkpoint.
 *
 * <p>Everything runs in the task's thread (the timer too), so nothing is shared. {@link #close}
 * writes nothing and never throws: Flink 2.2 stops the whole TaskManager when closing a failed
 * task throws, and the rows still buffered are written again after the restart anyway.
 */
final class UpsertWriter<T> implements SinkWriter<T> {
    static final String DEAD_LETTERED_ROWS = "deadLetteredRows";
    static final String ROWS_WRITTEN = "rowsWritten";
    static final String ROWS_COALESCED = "rowsCoalesced";
    static final String LAST_BATCH_MILLIS = "lastBatchMillis";
    private static final Logger LOG = LoggerFactory.getLogger(UpsertWriter.class);
    private static final long BACKOFF_MS = 1_000;
    /** Key and error in the log, on one line and cut here: a refused key can be thousands of characters. */
    private static final int LOGGED_CHARS = 300;

    private final UpsertBatches<T> batches;
    private final String table;
    private final JdbcExecutionOptions options;
    private final UnaryOperator<T> keep;
    private final ProcessingTimeService time;
    private final Counter deadLettered;
    private final Counter written;
    private final Counter coalesced;
    /** Read by the metric reporter's thread. */
    private volatile long lastBatchMillis;
    private final PendingRows<T> buffer;
    private boolean flushScheduled;

    /**
     * @param keep what to buffer of a row handed in: a copy when Flink's object reuse is on, since
     *     the sender may then change the object after handing it on
     */
    UpsertWriter(UpsertBatches<T> batches, UpsertStatement<T> statement, JdbcExecutionOptions options,
            UnaryOperator<T> keep, ProcessingTimeService time, MetricGroup metrics) {
        this.batches = batches;
        this.table = statement.table;
        this.buffer = new PendingRows<>(statement);
        this.options = options;
        this.keep = keep;
        this.time = time;
        this.deadLettered = metrics.counter(DEAD_LETTERED_ROWS);
        this.written = metrics.counter(ROWS_WRITTEN);
        this.coalesced = metrics.counter(ROWS_COALESCED);
        metrics.gauge(LAST_BATCH_MILLIS, (Gauge<Long>) () -> lastBatchMillis);
    }

    @Override
    public void write(T row, Context context) throws IOException, InterruptedException {
        try {
            buffer.add(keep.apply(row));
        } catch (SQLException e) {
            throw new IOException("cannot read the key of a row of " + table, e);
        }
        if (buffer.size() >= options.getBatchSize()) {
            writeBuffer();
        } else if (!flushScheduled && options.getBatchIntervalMs() > 0) {
            flushScheduled = true;
            time.registerTimer(time.getCurrentProcessingTime() + options.getBatchIntervalMs(), now -> {
                flushScheduled = false;
                writeBuffer();
            });
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        writeBuffer();
    }

    private void writeBuffer() throws IOException, InterruptedException {
        if (buffer.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                long start = System.nanoTime();
                List<DeadLetter> refused = batches.write(buffer.rows());
                lastBatchMillis = (System.nanoTime() - start) / 1_000_000;
                written.inc(buffer.received() - refused.size());
                coalesced.inc(buffer.received() - buffer.size());
                buffer.clear();
                refused.forEach(this::report);
                return;
            } catch (SQLException e) {
                int attempts = options.getMaxRetries() + 1;
                if (attempt >= attempts) {
                    throw new IOException(String.format("Writing %d rows to %s failed %d times; the job restarts "
                            + "from its last checkpoint", buffer.size(), table, attempts), e);
                }
                LOG.warn("Writing {} rows to {} failed (attempt {} of {}), trying again in {} ms", buffer.size(),
                        table, attempt, attempts, attempt * BACKOFF_MS, e);
                Thread.sleep(attempt * BACKOFF_MS);
            }
        }
    }

    private void report(DeadLetter letter) {
        deadLettered.inc();
        LOG.warn("PostgreSQL refused a row of {} with key {}: {} {}; it is in dead_letters", table,
                cut(letter.key()), letter.sqlState(), cut(letter.error()));
    }

    private static String cut(String text) {
        String line = text.replace('\n', ' ');
        return line.length() <= LOGGED_CHARS ? line
                : line.substring(0, LOGGED_CHARS) + "… (" + line.length() + " characters)";
    }

    @Override
    public void close() {
        batches.close();
    }
}
