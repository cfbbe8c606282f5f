package org.staffroom.windows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.staffroom.config.StateBackend;
import org.staffroom.metrics.AuthorActivity;
import org.staffroom.metrics.TopAccounts;
import org.staffroom.metrics.WindowTotals;
import org.staffroom.model.LatePost;
import org.staffroom.model.Post;
import org.staffroom.model.ScopedPost;
import org.staffroom.model.TopAccount;
import org.staffroom.model.WindowMetrics;

/**
 * The windows of one kind of scope — every size of a hashtag, or a chat's sessions — keyed by the
 * scope.
 *
 * <p>One operator holds all of a scope's windows because "new participant" needs, per (scope,
 * author), the earliest post ever seen, shared by every window and kept beyond any of them. A
 * window writes its row when the watermark passes its end, and its final row when the watermark
 * passes end + allowed lateness; posts for a final window go to the late output instead. Since all
 * posts earlier than a window's end arrive before the watermark passes it (the out-of-orderness
 * bound), a participant is new exactly when their earliest post seen so far lies in the window,
 * whatever the arrival order.
 *
 * <p>With a live refresh interval, windows that are still running are also written on a
 * processing-time clock, so a dashboard shows a chat as it happens.
 */
public class EngagementWindows extends KeyedProcessFunction<String, ScopedPost, WindowMetrics> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<LatePost> LATE = new OutputTag<>("late-posts") {};
    public static final OutputTag<TopAccount> TOP_ACCOUNTS = new OutputTag<>("top-accounts") {};

    private final ScopeWindows scopes;
    private final long allowedLatenessMillis;
    private final long liveRefreshMillis;
    private final StateBackend backend;

    private transient Map<String, WindowStore> windows;
    private transient Map<String, MapState<Long, String[]>> pastParticipants;
    private transient MapState<String, Long> firstSeen;
    private transient ValueState<Long> nextRefresh;

    /**
     * @param liveRefreshMillis how often running windows are written; 0 for only when they end
     * @param backend the state backend the job runs on, which the window state is laid out for
     */
    public EngagementWindows(ScopeWindows scopes, long allowedLatenessMillis, long liveRefreshMillis,
            StateBackend backend) {
        this.scopes = scopes;
        this.allowedLatenessMillis = allowedLatenessMillis;
        this.liveRefreshMillis = liveRefreshMillis;
        this.backend = backend;
    }

    @Override
    public void open(OpenContext openContext) {
        windows = new HashMap<>();
        pastParticipants = new HashMap<>();
        for (String label : scopes.labels()) {
            windows.put(label, WindowStore.open(backend, getRuntimeContext(), label));
            pastParticipants.put(label, getRuntimeContext().getMapState(new MapStateDescriptor<>(
                    "past-participants-" + label, Types.LONG, Types.OBJECT_ARRAY(Types.STRING))));
        }
        firstSeen = getRuntimeContext().getMapState(new MapStateDescriptor<>("first-seen", Types.STRING, Types.LONG));
        nextRefresh = getRuntimeContext().getState(new ValueStateDescriptor<>("next-refresh", Types.LONG));
    }

    @Override
    public void processElement(ScopedPost element, Context ctx, Collector<WindowMetrics> out) throws Exception {
        Post post = element.post;
        long t = post.createdAt;
        long watermark = ctx.timerService().currentWatermark();
        String scope = ctx.getCurrentKey();
        List<WindowScheme> schemes = scopes.schemesFor(scope);

        Long previousFirst = firstSeen.get(post.authorId);
        if (previousFirst == null || t < previousFirst) {
            firstSeen.put(post.authorId, t);
        }

        List<String> missed = null;
        for (WindowScheme scheme : schemes) {
            long start = scheme.startOf(t);
            long end = scheme.endOf(start);
            if (isFinal(end, watermark)) {
                missed = missed == null ? new ArrayList<>() : missed;
                missed.add(scheme.label() + "@" + Instant.ofEpochMilli(start));
                continue;
            }
            WindowStore store = windows.get(scheme.label());
            WindowTotals totals = store.add(start, post, element.hasCotag(), scheme.ranksAccounts());
            if (totals.posts.posts == 1) {
                ctx.timerService().registerEventTimeTimer(end - 1);
                ctx.timerService().registerEventTimeTimer(end - 1 + allowedLatenessMillis);
            }
            if (totals.emitted) {
                // a late post within the allowed lateness: the row already written changes
                out.collect(row(scope, scheme, start, totals, store.participants(start), false));
            } else {
                scheduleRefresh(ctx.timerService().currentProcessingTime(), ctx.timerService());
            }
        }

        if (previousFirst != null && t < previousFirst) {
            rewriteWindowsOf(scope, schemes, previousFirst, t, out);
        }
        if (missed != null) {
            ctx.output(LATE, late(scope, post, missed));
        }
    }

    /**
     * An author's earliest post moved back from {@code oldFirst} to {@code newFirst}: a written,
     * not yet final window holding the old earliest post now counts them as returning.
     */
    private void rewriteWindowsOf(String scope, List<WindowScheme> schemes, long oldFirst, long newFirst,
            Collector<WindowMetrics> out) throws Exception {
        for (WindowScheme scheme : schemes) {
            long start = scheme.startOf(oldFirst);
            if (start == scheme.startOf(newFirst)) {
                continue;
            }
            WindowStore store = windows.get(scheme.label());
            WindowTotals totals = store.totals(start);
            if (totals != null && totals.emitted) {
                out.collect(row(scope, scheme, start, totals, store.participants(start), false));
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WindowMetrics> out) throws Exception {
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            refreshRunningWindows(ctx, out);
            return;
        }
        long watermark = ctx.timerService().currentWatermark();
        String scope = ctx.getCurrentKey();
        for (WindowScheme scheme : scopes.schemesFor(scope)) {
            WindowStore store = windows.get(scheme.label());
            // oldest first, so that rows reach the sink in event-time order
            for (long start : store.starts()) {
                long end = scheme.endOf(start);
                if (end - 1 > watermark) {
                    continue;
                }
                WindowTotals totals = store.totals(start);
                if (isFinal(end, watermark)) {
                    Map<String, AuthorActivity> participants = store.participants(start);
                    out.collect(row(scope, scheme, start, totals, participants, true));
                    if (scheme.ranksAccounts()) {
                        String topScope = scopes.kind().equals("chat") ? TopAccount.SESSION : TopAccount.HASHTAG_DAY;
                        TopAccounts.of(topScope, scope, start, store.mentioned(start), participants)
                                .forEach(top -> ctx.output(TOP_ACCOUNTS, top));
                    }
                    archive(scheme, start, participants.keySet());
                    store.remove(start);
                } else if (!totals.emitted) {
                    totals.emitted = true;
                    out.collect(row(scope, scheme, start, totals, store.participants(start), false));
                    store.update(start, totals);
                }
            }
        }
    }

    /** Writes every window whose end the watermark has not reached yet; keeps the clock going while there are any. */
    private void refreshRunningWindows(OnTimerContext ctx, Collector<WindowMetrics> out) throws Exception {
        nextRefresh.clear();
        long watermark = ctx.timerService().currentWatermark();
        String scope = ctx.getCurrentKey();
        boolean running = false;
        for (WindowScheme scheme : scopes.schemesFor(scope)) {
            WindowStore store = windows.get(scheme.label());
            for (long start : store.starts()) {
                if (scheme.endOf(start) - 1 > watermark) {
                    out.collect(row(scope, scheme, start, store.totals(start), store.participants(start), false));
                    running = true;
                }
            }
        }
        if (running) {
            scheduleRefresh(ctx.timerService().currentProcessingTime(), ctx.timerService());
        }
    }

    private void scheduleRefresh(long now, org.apache.flink.streaming.api.TimerService timers) throws Exception {
        if (liveRefreshMillis <= 0 || nextRefresh.value() != null) {
            return;
        }
        // aligned to the interval, so the rows of all scopes refresh together
        long at = (now / liveRefreshMillis + 1) * liveRefreshMillis;
        timers.registerProcessingTimeTimer(at);
        nextRefresh.update(at);
    }

    /** Keeps a final window's participants while a later occurrence may still ask who came back. */
    private void archive(WindowScheme scheme, long start, Set<String> participants) throws Exception {
        if (scheme.previousStart(start) == WindowScheme.NONE) {
            return;
        }
        MapState<Long, String[]> past = pastParticipants.get(scheme.label());
        past.put(start, participants.toArray(new String[0]));
        long stillNeeded = scheme.previousStart(start);
        List<Long> old = new ArrayList<>();
        for (Long s : past.keys()) {
            if (s < stillNeeded) {
                old.add(s);
            }
        }
        for (Long s : old) {
            past.remove(s);
        }
    }

    private boolean isFinal(long windowEnd, long watermark) {
        return windowEnd - 1 + allowedLatenessMillis <= watermark;
    }

    private WindowMetrics row(String scope, WindowScheme scheme, long start, WindowTotals totals,
            Map<String, AuthorActivity> participants, boolean isFinal) throws Exception {
        return new WindowMetrics(scope, scheme.label(), start, scheme.endOf(start),
                totals.counts(participants, author -> isFirstPostIn(author, start)),
                retained(scheme, start, participants), isFinal);
    }

    /** Participants of the previous scheduled occurrence who are also in this one. */
    private long retained(WindowScheme scheme, long start, Map<String, AuthorActivity> participants)
            throws Exception {
        long previous = scheme.previousStart(start);
        if (previous == WindowScheme.NONE) {
            return 0;
        }
        WindowStore store = windows.get(scheme.label());
        String[] before = store.totals(previous) != null ? store.participants(previous).keySet().toArray(new String[0])
                : pastParticipants.get(scheme.label()).get(previous);
        long retained = 0;
        if (before != null) {
            for (String author : before) {
                retained += participants.containsKey(author) ? 1 : 0;
            }
        }
        return retained;
    }

    private boolean isFirstPostIn(String author, long windowStart) {
        try {
            Long first = firstSeen.get(author);
            return first != null && first >= windowStart;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read first-seen state", e);
        }
    }

    private LatePost late(String scope, Post post, List<String> missed) {
        LatePost late = new LatePost();
        late.platform = post.platform;
        late.id = post.id;
        late.scope = scopes.kind() + ":" + scope;
        late.createdAt = post.createdAt;
        late.receivedAt = post.receivedAt;
        late.hashtags = post.hashtags;
        late.missed = missed.toArray(new String[0]);
        return late;
    }
}
