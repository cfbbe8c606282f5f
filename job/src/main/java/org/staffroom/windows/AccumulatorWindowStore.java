package org.staffroom.windows;

import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.staffroom.metrics.AuthorActivity;
import org.staffroom.metrics.WindowTotals;
import org.staffroom.model.Post;
import org.staffroom.state.EventTimeSerializer;
import org.staffroom.state.MapStates;

/**
 * Windows laid out for the heap: one accumulator per window, with its participants and mentions
 * inside. On the heap a state read returns the object itself, so a post costs a few hash lookups
 * and a row reads its window directly; one entry per participant (the RocksDB layout) cost the job
 * a sixth of its throughput here, in extra lookups and scans.
 *
 * <p>An accumulator read is changed in place, not put back: the heap backend hands out the stored
 * object, copied first where a running snapshot still holds it, so the change is the write. Only
 * Flink's changelog would miss it (it logs puts), and the job runs without it
 * ({@code StaffroomJob.flinkConfiguration}).
 */
final class AccumulatorWindowStore implements WindowStore {
    private final MapState<Long, WindowAccumulator> windows;

    AccumulatorWindowStore(RuntimeContext context, String label) {
        windows = context.getMapState(new MapStateDescriptor<>(
                "windows-" + label, EventTimeSerializer.INSTANCE, WindowAccumulatorSerializer.INSTANCE));
    }

    @Override
    public WindowTotals add(long start, long end, Post post, String participant, long earliest, boolean cotag,
            boolean ranksAccounts) throws Exception {
        WindowAccumulator acc = windows.get(start);
        if (acc == null) {
            acc = new WindowAccumulator();
            acc.totals.end = end;
            windows.put(start, acc);
        }
        return count(acc, start, post, participant, earliest, cotag, ranksAccounts);
    }

    @Override
    public WindowTotals addToOpen(long start, long end, Post post, String participant, long earliest,
            boolean cotag, boolean ranksAccounts) throws Exception {
        WindowAccumulator acc = windows.get(start);
        return acc == null || acc.totals.end > end ? null
                : count(acc, start, post, participant, earliest, cotag, ranksAccounts);
    }

    private static WindowTotals count(WindowAccumulator acc, long start, Post post, String participant,
            long earliest, boolean cotag, boolean ranksAccounts) {
        acc.totals.add(post, cotag);
        acc.authors.computeIfAbsent(participant, k -> new AuthorActivity()).add(post, earliest >= start, ranksAccounts);
        if (ranksAccounts) {
            for (String account : post.mentions) {
                acc.mentions.merge(account, 1L, Long::sum);
            }
        }
        return acc.totals;
    }

    @Override
    public WindowTotals totals(long start) throws Exception {
        WindowAccumulator acc = windows.get(start);
        return acc == null ? null : acc.totals;
    }

    @Override
    public void update(long start, WindowTotals totals) throws Exception {
        windows.get(start).totals = totals;
    }

    @Override
    public List<Long> starts() throws Exception {
        return MapStates.sortedKeys(windows);
    }

    @Override
    public List<Long> startsEndedBy(long time) throws Exception {
        return MapStates.sortedKeys(windows, (start, acc) -> acc.totals.end - 1 <= time);
    }

    @Override
    public Map<String, AuthorActivity> participants(long start) throws Exception {
        return windows.get(start).authors;
    }

    @Override
    public Map<String, Long> mentioned(long start) throws Exception {
        return windows.get(start).mentions;
    }

    @Override
    public void keepNew(long start, String participant) throws Exception {
        WindowAccumulator acc = windows.get(start);
        AuthorActivity activity = acc.authors.get(participant);
        if (activity != null) {
            activity.keptNew = true;
        }
    }

    @Override
    public void earliestPostLeft(long start, String participant) throws Exception {
        AuthorActivity activity = windows.get(start).authors.get(participant);
        if (activity != null) {
            activity.firstPostHere = false;
        }
    }

    @Override
    public void remove(long start) throws Exception {
        windows.remove(start);
    }
}
