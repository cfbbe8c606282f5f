package org.staffroom.windows;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.state.StateEntry;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.runtime.state.heap.StateTable;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.staffroom.TestHarnesses;
import org.staffroom.model.Post;
import org.staffroom.model.ScopedPost;
import org.staffroom.model.WindowMetrics;
import org.staffroom.state.StateBackend;

/**
 * Which of the hashtag windows' states holds the bytes of a heap checkpoint: the posts of
 * {@link HashtagWindowsTiming} (5,000 hashtags, 50,000 authors) through the operator on the heap,
 * the watermark following, and then, per state, the bytes its entries take in the heap backend's
 * snapshot format (namespace, key, value, each by the state's own serializers; without the few
 * bytes per key group). The benchmark measures only whole tasks. Not a test: run its main,
 * {@code ... org.staffroom.windows.HashtagStateBytes [posts]}, class path as for HashtagWindowsTiming.
 */
public final class HashtagStateBytes {
    private HashtagStateBytes() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<Post> posts = HashtagWindowsTiming.posts(n);
        List<WindowScheme> sizes = WindowSizes.parse(List.of("30m", "1d"), ZoneOffset.UTC);
        KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, WindowMetrics> h = TestHarnesses.open(
                new EngagementWindows(new HashtagScopes(sizes), Duration.ofMinutes(5).toMillis(), 0, StateBackend.heap),
                StateBackend.heap);
        java.util.Set<String> pairs = new java.util.HashSet<>();
        int i = 0;
        for (Post p : posts) {
            for (String tag : p.hashtags) {
                h.processElement(new ScopedPost(tag, p), p.createdAt);
                pairs.add(tag + '\u0000' + p.authorId);
            }
            if (++i % 1_000 == 0) {
                h.processWatermark(new Watermark(p.createdAt - 1));
                h.getOutput().clear();
            }
        }
        long total = 0;
        for (Map.Entry<String, Long> state : bytesByState(h).entrySet()) {
            System.out.printf("%-24s %,12d B  %5.1f B per (hashtag, author)%n", state.getKey(), state.getValue(),
                    (double) state.getValue() / pairs.size());
            total += state.getValue();
        }
        System.out.printf("%-24s %,12d B  %5.1f B per (hashtag, author); %,d pairs in %,d posts%n", "all", total,
                (double) total / pairs.size(), pairs.size(), n);
        h.close();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, Long> bytesByState(KeyedOneInputStreamOperatorTestHarness<?, ?, ?> h) throws Exception {
        HeapKeyedStateBackend<?> backend =
                (HeapKeyedStateBackend<?>) ((AbstractStreamOperator<?>) h.getOperator()).getKeyedStateBackend();
        Field tables = HeapKeyedStateBackend.class.getDeclaredField("registeredKVStates");
        tables.setAccessible(true);
        Map<String, Long> bytes = new TreeMap<>();
        for (Map.Entry<String, StateTable> table : ((Map<String, StateTable>) tables.get(backend)).entrySet()) {
            StateTable t = table.getValue();
            TypeSerializer keys = t.getKeySerializer();
            TypeSerializer namespaces = t.getNamespaceSerializer();
            TypeSerializer values = t.getStateSerializer();
            DataOutputSerializer out = new DataOutputSerializer(1 << 16);
            long sum = 0;
            for (Object e : t) {
                StateEntry entry = (StateEntry) e;
                out.clear();
                namespaces.serialize(entry.getNamespace(), out);
                keys.serialize(entry.getKey(), out);
                values.serialize(entry.getState(), out);
                sum += out.length();
            }
            bytes.put(table.getKey(), sum);
        }
        return bytes;
    }
}
