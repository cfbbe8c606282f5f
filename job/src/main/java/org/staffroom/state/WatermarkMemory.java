package org.staffroom.state;

import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.streaming.api.TimerService;

/**
 * The event time an operator had reached at its last checkpoint. Flink does not restore
 * watermarks: after a restore every operator is at {@code Long.MIN_VALUE} until the sources emit
 * again, and a post later than the bound, read again in that gap, would look on time. Operators
 * take {@link #current} instead of the timer service's watermark.
 *
 * <p>The end of the input (a bounded source's end, a drained stop) is signalled by a watermark of
 * {@code Long.MAX_VALUE}; it is never remembered, so that a run resumed from a drained savepoint
 * goes on from the last real event time.
 */
public final class WatermarkMemory {
    public static final long END_OF_INPUT = Long.MAX_VALUE;

    private ListState<Long> stored;
    /** The watermark restored from the last checkpoint. */
    private long floor = Long.MIN_VALUE;
    /** The highest real watermark seen since. */
    private long seen = Long.MIN_VALUE;
    /** The operator's timer service, the same for every key: read once more at a checkpoint. */
    private TimerService timers;

    /** From the operator's {@code initializeState}. */
    public void initialize(FunctionInitializationContext context) throws Exception {
        // union: after rescaling every subtask sees every old subtask's value; they are equal but for
        // idle inputs, and the smallest is the safe one
        stored = context.getOperatorStateStore().getUnionListState(
                new ListStateDescriptor<>("watermark", Types.LONG));
        if (context.isRestored()) {
            long restored = Long.MAX_VALUE;
            for (Long w : stored.get()) {
                restored = Math.min(restored, w);
            }
            floor = restored == Long.MAX_VALUE ? Long.MIN_VALUE : restored;
        }
    }

    /** The operator's event time: its watermark, but never earlier than at the last checkpoint. */
    public long current(TimerService timerService) {
        timers = timerService;
        long w = timerService.currentWatermark();
        if (w != END_OF_INPUT && w > seen) {
            seen = w;
        }
        return Math.max(w, floor);
    }

    /** Whether {@code watermark} says the input has ended rather than that event time reached it. */
    public static boolean isEndOfInput(long watermark) {
        return watermark == END_OF_INPUT;
    }

    /** From the operator's {@code snapshotState}. */
    public void snapshot() throws Exception {
        long w = Math.max(floor, seen);
        if (timers != null && timers.currentWatermark() != END_OF_INPUT) {
            w = Math.max(w, timers.currentWatermark());
        }
        stored.update(List.of(w));
    }
}
