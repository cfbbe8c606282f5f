package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.staffroom.RestartLoopWatch;

/**
 * A job that fails on every attempt, on a real MiniCluster with Flink's restart strategy: twice for one cause, then
 * for another cause again and again. The watch the job is submitted with logs exactly one ERROR line, after the
 * third failure in a row of the second cause, naming it; none for the first cause, which came only twice.
 */
class RestartLoopTest {
    private static final Duration WAIT = Duration.ofMinutes(2);

    /** Fails as soon as it starts: for cause A in attempts 0 and 1, then for cause B, the attempt in its message. */
    static final class FailingMap extends RichMapFunction<Long, Long> {
        @Override
        public void open(OpenContext context) {
            int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            if (attempt < 2) {
                throw new IllegalArgumentException("provoked cause A");
            }
            throw new IllegalStateException("provoked cause B in attempt " + attempt);
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }

    @Test
    void theThirdFailureInARowWithTheSameCauseIsLoggedOnceAtError() throws Exception {
        try (LogCapture log = new LogCapture()) {
            MiniCluster flink = new MiniCluster(new MiniClusterConfiguration.Builder()
                    .setConfiguration(new Configuration()).setNumTaskManagers(1).setNumSlotsPerTaskManager(1).build());
            flink.start();
            try {
                Configuration conf = new Configuration();
                conf.set(DeploymentOptions.TARGET, "remote");
                conf.set(RestOptions.ADDRESS, "localhost");
                conf.set(RestOptions.PORT, flink.getRestAddress().get().getPort());
                // a second between attempts: the watch reads the history every 2 s, which keeps the last 16 failures
                conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
                conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1000);
                conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
                StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
                RestartLoopWatch watch = RestartLoopWatch.of(env.getConfiguration());
                env.registerJobListener(watch);
                env.fromSequence(1, 10).map(new FailingMap()).sinkTo(new DiscardingSink<>());
                JobClient job = env.executeAsync("restart-loop");

                FaultRig.await("the restart-loop line", WAIT, () -> log.count("times in a row") == 1);
                // two more failures of cause B after the line, which must not repeat it
                FaultRig.await("seven failures", WAIT, () -> watch.failuresOf(job.getJobID()) >= 7);
                job.cancel().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                FaultRig.await("the job cancelled", WAIT, () -> job.getJobStatus().get() == JobStatus.CANCELED);
                // the watch reads the history once more after the end, then stops
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t.getName().equals("staffroom-restart-watch-" + job.getJobID())) {
                        t.join(WAIT.toMillis());
                        assertThat(t.isAlive()).as("the watch stopped with the job").isFalse();
                    }
                }
            } finally {
                flink.close();
            }
            List<String> lines = log.lines().stream().filter(l -> l.contains("times in a row")).toList();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).endsWith(" ERROR RestartLoopWatch - staffroom: the job has failed 3 times in a "
                    + "row with the same cause: java.lang.IllegalStateException: provoked cause B in attempt 4; it "
                    + "keeps restarting");
            assertThat(log.count("provoked cause A;")).isZero();
        }
    }
}
