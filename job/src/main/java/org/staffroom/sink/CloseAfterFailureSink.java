package org.staffroom.sink;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.connector.jdbc.core.datastream.sink.committer.JdbcCommitable;
import org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriterState;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC sink, whose writer may fail to close without taking the TaskManager down.
 *
 * <p>When the database goes away, the task fails; Flink then closes the writer, whose close()
 * flushes the failed batch once more and throws. Flink 2.2 treats an exception while cleaning up a
 * failed task as fatal and stops the whole TaskManager, so on a cluster without a supervisor the
 * job would wait for slots forever instead of restarting. Nothing is lost by logging it instead:
 * every row not yet written is written again after the restart from the last checkpoint.
 */
final class CloseAfterFailureSink<IN> implements Sink<IN>, SupportsWriterState<IN, JdbcWriterState>,
        SupportsCommitter<JdbcCommitable> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CloseAfterFailureSink.class);

    private final JdbcSink<IN> sink;
    private final String table;

    CloseAfterFailureSink(JdbcSink<IN> sink, String table) {
        this.sink = sink;
        this.table = table;
    }

    @Override
    public Writer<IN> createWriter(WriterInitContext context) throws IOException {
        return new Writer<>(sink.createWriter(context), table);
    }

    @Override
    public StatefulSinkWriter<IN, JdbcWriterState> restoreWriter(WriterInitContext context,
            Collection<JdbcWriterState> state) throws IOException {
        return new Writer<>(sink.restoreWriter(context, state), table);
    }

    @Override
    public SimpleVersionedSerializer<JdbcWriterState> getWriterStateSerializer() {
        return sink.getWriterStateSerializer();
    }

    @Override
    public Committer<JdbcCommitable> createCommitter(CommitterInitContext context) throws IOException {
        return sink.createCommitter(context);
    }

    @Override
    public SimpleVersionedSerializer<JdbcCommitable> getCommittableSerializer() {
        return sink.getCommittableSerializer();
    }

    /** The connector's writer, but for close(). */
    static final class Writer<IN> implements StatefulSinkWriter<IN, JdbcWriterState>,
            CommittingSinkWriter<IN, JdbcCommitable> {
        private final org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriter<IN> writer;
        private final String table;

        Writer(org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriter<IN> writer, String table) {
            this.writer = writer;
            this.table = table;
        }

        @Override
        public void write(IN element, Context context) throws IOException, InterruptedException {
            writer.write(element, context);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
            writer.flush(endOfInput);
        }

        @Override
        public void writeWatermark(Watermark watermark) throws IOException, InterruptedException {
            writer.writeWatermark(watermark);
        }

        @Override
        public List<JdbcWriterState> snapshotState(long checkpointId) throws IOException {
            return writer.snapshotState(checkpointId);
        }

        @Override
        public Collection<JdbcCommitable> prepareCommit() throws IOException, InterruptedException {
            return writer.prepareCommit();
        }

        @Override
        public void close() {
            try {
                writer.close();
            } catch (Exception | AssertionError e) {
                LOG.warn("Could not close the writer of {} cleanly ({}); the rows it still held are written again "
                        + "after the restart from the last checkpoint", table, e.toString());
            }
        }
    }
}
