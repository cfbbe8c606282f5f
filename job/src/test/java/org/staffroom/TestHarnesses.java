package org.staffroom;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.state.rocksdb.RocksDBKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.StreamFlatMap;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.staffroom.chats.AssignChatSessions;
import org.staffroom.chats.ChatCalendar;
import org.staffroom.model.Post;
import org.staffroom.model.ScopedPost;
import org.staffroom.model.WindowMetrics;
import org.staffroom.state.StateBackend;
import org.staffroom.windows.EngagementWindows;

/** Operator harnesses on the state backend they are laid out for. */
public final class TestHarnesses {
    private TestHarnesses() {}

    /** An open harness of a window operator keyed by scope, on the heap or in RocksDB. */
    public static KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> open(
            EngagementWindows windows, StateBackend backend) throws Exception {
        return restore(windows, backend, null);
    }

    /**
     * As {@link #open}, from a snapshot of an earlier harness (null for none): a restart, with
     * the operator's watermark back at {@code Long.MIN_VALUE}, as Flink restores it.
     */
    public static KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> restore(
            EngagementWindows windows, StateBackend backend, OperatorSubtaskState snapshot) throws Exception {
        return start(new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(windows), sp -> sp.scope,
                Types.STRING), backend, snapshot);
    }

    /** As {@link #restore}, in the given environment: one that keeps the operator's metrics, say. */
    public static KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> restore(
            EngagementWindows windows, StateBackend backend, OperatorSubtaskState snapshot,
            MockEnvironment environment) throws Exception {
        return start(new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(windows), sp -> sp.scope,
                Types.STRING, environment), backend, snapshot);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> start(
            KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> h, StateBackend backend,
            OperatorSubtaskState snapshot) throws Exception {
        if (backend == StateBackend.rocksdb) {
            h.setStateBackend(new EmbeddedRocksDBStateBackend());
        }
        if (snapshot != null) {
            h.initializeState(snapshot);
        }
        h.open();
        return h;
    }

    /**
     * The keyed state left: on the heap one entry per key and state, in RocksDB one per key and map
     * entry (the harness counts only the heap's).
     */
    public static int keyedStateEntries(KeyedOneInputStreamOperatorTestHarness<?, ?, ?> h) {
        KeyedStateBackend<?> backend = ((AbstractStreamOperator<?>) h.getOperator()).getKeyedStateBackend();
        return backend instanceof RocksDBKeyedStateBackend<?> rocksDb ? rocksDb.numKeyValueStateEntries()
                : h.numKeyedStateEntries();
    }

    /** How many keys have an entry in the named keyed state. */
    public static long keysWith(KeyedOneInputStreamOperatorTestHarness<?, ?, ?> h, String state) {
        KeyedStateBackend<?> backend = ((AbstractStreamOperator<?>) h.getOperator()).getKeyedStateBackend();
        try (var keys = backend.getKeys(state, VoidNamespace.INSTANCE)) {
            return keys.count();
        }
    }

    /** Each post once per hashtag, as the job's hashtag explosion hands it on. */
    public static void feedHashtags(KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> h,
            Post... posts) throws Exception {
        for (Post p : posts) {
            for (String tag : p.hashtags) {
                h.processElement(new ScopedPost(tag, p), p.createdAt);
            }
        }
    }

    /** Posts through the real session assignment of {@code calendar}, as the job does. */
    public static void feedChats(KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> h,
            ChatCalendar calendar, Post... posts) throws Exception {
        // opened as the job opens it (it registers its metrics)
        try (OneInputStreamOperatorTestHarness<Post, ScopedPost> assign =
                new OneInputStreamOperatorTestHarness<>(new StreamFlatMap<>(AssignChatSessions.inSessions(calendar)))) {
            assign.open();
            for (Post p : posts) {
                assign.processElement(p, p.createdAt);
                for (ScopedPost sp : assign.extractOutputValues()) {
                    h.processElement(sp, p.createdAt);
                }
                assign.getOutput().clear();
            }
        }
    }
}
