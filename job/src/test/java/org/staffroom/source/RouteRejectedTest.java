package org.staffroom.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.TestPosts.post;

import java.time.Instant;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.staffroom.model.ParsedRecord;
import org.staffroom.model.Post;

/** Each post's stamp is how far its own partition had got, the same after a restore. */
class RouteRejectedTest {
    private static final long BOUND = 30_000;

    private static OneInputStreamOperatorTestHarness<ParsedRecord, Post> harness(OperatorSubtaskState state)
            throws Exception {
        var h = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new RouteRejected(BOUND)));
        if (state != null) {
            h.initializeState(state);
        }
        h.open();
        return h;
    }

    private static ParsedRecord on(int partition, String id, String createdAt) {
        ParsedRecord r = ParsedRecord.accepted(post(id, createdAt, "alice").build());
        r.partition = partition;
        return r;
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void eachPostIsStampedWithItsPartitionsProgressAlsoAfterARestore() throws Exception {
        var before = harness(null);
        before.processElement(on(0, "a", "2025-01-09T21:00:00Z"), 0);
        before.processElement(on(1, "b", "2025-01-09T20:00:00Z"), 0);
        before.processElement(on(0, "late", "2025-01-09T20:15:00Z"), 0);
        long p0 = at("2025-01-09T21:00:00Z") - BOUND - 1;
        assertThat(before.extractOutputValues()).extracting(p -> p.id + " " + p.eventTimeAtRead).containsExactly(
                "a " + p0, "b " + (at("2025-01-09T20:00:00Z") - BOUND - 1), "late " + p0);
        OperatorSubtaskState snapshot = before.snapshot(1, 0);
        before.close();

        var after = harness(snapshot);
        after.processElement(on(0, "late-again", "2025-01-09T20:15:00Z"), 0);
        after.processElement(on(1, "c", "2025-01-09T20:05:00Z"), 0);

        assertThat(after.extractOutputValues()).extracting(p -> p.id + " " + p.eventTimeAtRead).containsExactly(
                "late-again " + p0, "c " + (at("2025-01-09T20:05:00Z") - BOUND - 1));
    }
}
