package org.staffroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.staffroom.RestartLoop.Failure;

/** The counting of {@link RestartLoop} over a history read again and again, as the watch reads it. */
class RestartLoopUnitTest {
    private static final String SIZE = "org.apache.flink.util.FlinkRuntimeException: Exceeded checkpoint tolerable "
            + "failure threshold.\n\tat org.apache.flink.runtime.checkpoint.CheckpointFailureManager.x(X.java:1)\n"
            + "Caused by: java.io.IOException: Size of the state is larger than the maximum permitted memory-backed "
            + "state. Size=%d , maxSize=5242880 .\n\tat org.apache.flink.runtime.state.Y.y(Y.java:2)\n\t... 3 more";
    private static final String BROKER = "org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a "
            + "node assignment.\n\tat org.apache.kafka.Z.z(Z.java:3)";

    @Test
    void theThirdFailureOfAKindIsToldOnceWithItsRootCause() {
        RestartLoop loop = new RestartLoop();
        List<Failure> history = new ArrayList<>();
        history.add(0, new Failure(1_000, SIZE.formatted(5_300_001)));
        assertThat(loop.observe(history)).isEmpty();
        history.add(0, new Failure(2_000, SIZE.formatted(5_300_002)));
        // read again with nothing new: still two
        assertThat(loop.observe(history)).isEmpty();
        assertThat(loop.observe(history)).isEmpty();
        history.add(0, new Failure(3_000, SIZE.formatted(5_300_003)));
        assertThat(loop.observe(history)).contains("staffroom: the job has failed 3 times in a row with the same "
                + "cause: java.io.IOException: Size of the state is larger than the maximum permitted memory-backed "
                + "state. Size=5300003 , maxSize=5242880 .; it keeps restarting");
        history.add(0, new Failure(4_000, SIZE.formatted(5_300_004)));
        assertThat(loop.observe(history)).isEmpty();
    }

    @Test
    void anotherCauseBetweenStartsTheCountAgain() {
        RestartLoop loop = new RestartLoop();
        // newest first, as Flink gives them; two failures of the broker between the state's
        List<Failure> history = List.of(new Failure(5_000, SIZE.formatted(1)), new Failure(4_000, BROKER),
                new Failure(3_000, BROKER), new Failure(2_000, SIZE.formatted(2)), new Failure(1_000, SIZE.formatted(3)));
        assertThat(loop.observe(history)).isEmpty();
        assertThat(loop.observe(List.of(new Failure(7_000, BROKER), new Failure(6_000, BROKER))))
                .as("the broker after one failure of the state: 2 in a row").isEmpty();
        assertThat(loop.observe(List.of(new Failure(8_000, BROKER)))).contains("staffroom: the job has failed 3 "
                + "times in a row with the same cause: org.apache.kafka.common.errors.TimeoutException: Timed out "
                + "waiting for a node assignment.; it keeps restarting");
    }
}
