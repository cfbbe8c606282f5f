package org.staffroom;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.JobListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.platforms.publish.Progress;
import org.staffroom.source.BoundedInput;

/**
 * Progress lines on stderr while the client that submitted the job waits for it (a {@code --bounded} run, the local
 * stack), every {@code --progress-interval}, and the totals when it ends:
 *
 * <pre>
 * staffroom: 1,234,567 read, 21,345 records/s, event time 2025-01-09T20:15:00Z, 45.1% of 2,737,000, 00:01:12 left
 * staffroom: read 2,737,000 records from edu.posts in 130.2 s (21,022 records/s)
 * </pre>
 *
 * <p>The figures are the job's accumulators, fetched through the {@link JobClient}, rather than Flink's REST metrics:
 * the client reaches the job wherever it runs (a MiniCluster in this JVM, a cluster over REST) with no address or
 * operator name to know, and the job's result carries their final values exactly, so the last line says the whole
 * input; metrics are fetched from the TaskManagers on a period and not after the job ends. While it runs, the figures
 * are as fresh as the TaskManagers' last heartbeat ({@code heartbeat.interval}, 10 s by default).
 *
 * <p>After a restart they count from the checkpoint the job resumed from: Flink keeps the accumulators of the running
 * attempt only.
 */
public final class JobProgress implements JobListener {
    private static final Logger LOG = LoggerFactory.getLogger(JobProgress.class);

    private final Duration interval;
    private final String topic;
    private final PrintWriter err;
    private final JobPosition position;
    private volatile JobClient job;
    private volatile Progress progress;
    private boolean unreadable;

    private JobProgress(Duration interval, String topic, Optional<BoundedInput> input, PrintWriter err) {
        this.interval = interval;
        this.topic = topic;
        this.err = err;
        this.position = new JobPosition(input);
    }

    /** @param input what a bounded run will read ({@link StaffroomJob#build}); empty for an unbounded run */
    public static JobProgress of(StaffroomConfig config, Optional<BoundedInput> input, PrintWriter err) {
        return new JobProgress(config.progressInterval(), config.topic(), input, err);
    }

    /** The lines of a job at {@code position}, timed by {@code nanoTime}. */
    static Progress lines(JobPosition position, LongSupplier nanoTime) {
        return new Progress("staffroom", "read", "records", position, nanoTime);
    }

    @Override
    public void onJobSubmitted(JobClient job, Throwable failure) {
        if (job == null || interval.isZero()) {
            return;
        }
        this.job = job;
        progress = lines(position, System::nanoTime);
        progress.startPrinting(err, interval, this::refresh);
    }

    @Override
    public void onJobExecuted(JobExecutionResult result, Throwable failure) {
        if (result != null) {
            finished(result);
        } else if (progress != null) {
            progress.close();
        }
    }

    /** Stops the lines and prints the last ones, with the job's final figures; for a client that waits itself. */
    public void finished(JobExecutionResult result) {
        Progress lines = progress;
        if (lines == null) {
            return;
        }
        lines.close();
        position.update(result.getAllAccumulatorResults());
        lines.update(position.read());
        err.println(lines.line());
        err.println(lines.closingLine("read", "from " + topic));
        err.flush();
    }

    /** Runs on the printing thread before each line; a poll that fails is logged once and never touches the job. */
    private void refresh() {
        try {
            position.update(job.getAccumulators().get(interval.toMillis() + 5000, TimeUnit.MILLISECONDS));
            progress.update(position.read());
        } catch (InterruptedException e) {
            // the lines are stopping
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (!unreadable) {
                LOG.info("staffroom: cannot read the job's progress ({}); the lines keep the last figures read",
                        e.toString());
            }
            unreadable = true;
        }
    }
}
