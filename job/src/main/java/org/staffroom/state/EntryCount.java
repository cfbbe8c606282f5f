package org.staffroom.state;

import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.FunctionInitializationContext;

/**
 * How many entries of one kind an operator keeps in keyed state, as a gauge of that name. A
 * function cannot count its keyed state (it sees one key at a time), so the operator counts where
 * it adds and drops entries, in a plain field (no allocation per record), and carries the count
 * across restarts in operator state.
 *
 * <p>The count is a split-redistributed list: after rescaling, the subtasks' counts still add up to
 * the operator's entries, while one subtask's own count no longer matches the keys it was given.
 * A run resumed from a savepoint taken before the count existed starts it at zero.
 */
public final class EntryCount {
    private final String name;
    private ListState<Long> stored;
    /** Written by the task's thread, read by the reporter's: a stale value is a report late. */
    private long entries;

    /** @param name the gauge's name, and its operator state's */
    public EntryCount(String name) {
        this.name = name;
    }

    /** From the operator's {@code initializeState}. */
    public void initialize(FunctionInitializationContext context) throws Exception {
        stored = context.getOperatorStateStore().getListState(new ListStateDescriptor<>(name, Types.LONG));
        entries = 0;
        for (Long restored : stored.get()) {
            entries += restored;
        }
    }

    /** From the operator's {@code open}. */
    public void register(MetricGroup metrics) {
        metrics.gauge(name, (Gauge<Long>) () -> entries);
    }

    public void added() {
        entries++;
    }

    public void removed(long n) {
        entries -= n;
    }

    /** From the operator's {@code snapshotState}. */
    public void snapshot() throws Exception {
        stored.update(List.of(entries));
    }
}
