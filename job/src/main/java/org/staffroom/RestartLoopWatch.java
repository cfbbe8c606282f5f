package org.staffroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.JobListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a restart loop visible. With checkpointing Flink restarts a failed job without limit, which waits out an
 * outage of Kafka or PostgreSQL; but a failure that comes back on every attempt then shows only as restarts. While
 * the job it was registered for runs, this listener reads the job's exception history from Flink's REST API every
 * {@link #POLL} and logs one line at ERROR when {@value RestartLoop#IN_A_ROW} failures in a row have the same cause
 * ({@link RestartLoop}).
 *
 * <p>Only the JobManager keeps failure causes: no hook in the job's own code sees them, and Flink's FailureEnricher
 * and JobStatusChangedListener are cluster settings (the latter gets no cause on a restart). So this runs in the
 * client that submitted the job, while it stays attached: the local stack, an attached {@code flink run}. A detached
 * {@code flink run -d} or a REST submission leaves no client; there Flink's exception history and
 * {@code numRestarts} show the loop.
 */
public final class RestartLoopWatch implements JobListener {
    private static final Logger LOG = LoggerFactory.getLogger(RestartLoopWatch.class);
    static final Duration POLL = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI rest;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RestartLoopWatch(URI rest) {
        this.rest = rest;
    }

    /** For the cluster the configuration submits to (its {@code rest.address} and {@code rest.port}). */
    public static RestartLoopWatch of(ReadableConfig flink) {
        return new RestartLoopWatch(URI.create("http://" + flink.getOptional(RestOptions.ADDRESS).orElse("localhost")
                + ":" + flink.get(RestOptions.PORT) + "/"));
    }

    @Override
    public void onJobSubmitted(JobClient job, Throwable failure) {
        if (job == null) {
            return;
        }
        Thread watch = new Thread(() -> watch(job), "staffroom-restart-watch-" + job.getJobID());
        // never keeps a client from exiting
        watch.setDaemon(true);
        watch.start();
    }

    @Override
    public void onJobExecuted(JobExecutionResult result, Throwable failure) {}

    private void watch(JobClient job) {
        RestartLoop loop = new RestartLoop();
        boolean unreadable = false;
        try {
            while (true) {
                JobStatus status = job.getJobStatus().get();
                try {
                    loop.observe(failures(job.getJobID())).ifPresent(LOG::error);
                } catch (IOException e) {
                    if (!unreadable) {
                        LOG.info("staffroom: cannot read the job's failures at {} ({}); restart loops are not reported",
                                rest, e.toString());
                    }
                    unreadable = true;
                }
                // read once more after the end, for the failures that ended it
                if (status.isGloballyTerminalState()) {
                    return;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the job's cluster is gone (the client or the local stack is closing)
            LOG.debug("staffroom: restart watch of {} ended: {}", job.getJobID(), e.toString());
        }
    }

    /** How many times the job has failed (and restarted, unless it ended with that failure). */
    public int failuresOf(JobID job) throws IOException, InterruptedException {
        return failures(job).size();
    }

    /** The job's exception history, as Flink's REST API gives it ({@code GET /jobs/:jobid/exceptions}). */
    List<RestartLoop.Failure> failures(JobID job) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(rest.resolve("jobs/" + job + "/exceptions"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        List<RestartLoop.Failure> failures = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(response.body()).path("exceptionHistory").path("entries")) {
            failures.add(new RestartLoop.Failure(entry.path("timestamp").asLong(), entry.path("stacktrace").asText()));
        }
        return failures;
    }
}
