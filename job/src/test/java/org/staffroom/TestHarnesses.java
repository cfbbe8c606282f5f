package org.staffroom;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.staffroom.config.StateBackend;
import org.staffroom.model.ScopedPost;
import org.staffroom.model.WindowMetrics;
import org.staffroom.windows.EngagementWindows;

/** Operator harnesses on the state backend they are laid out for. */
public final class TestHarnesses {
    private TestHarnesses() {}

    /** An open harness of a window operator keyed by scope, on the heap or in RocksDB. */
    public static KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> open(
            EngagementWindows windows, StateBackend backend) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(windows, sp -> sp.scope, Types.STRING);
        if (backend == StateBackend.rocksdb) {
            h.setStateBackend(new EmbeddedRocksDBStateBackend());
        }
        h.open();
        return h;
    }
}
