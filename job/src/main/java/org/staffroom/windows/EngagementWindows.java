package org.staffroom.windows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.base.GenericArraySerializer;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.staffroom.metrics.AuthorActivity;
import org.staffroom.metrics.TopAccounts;
import org.staffroom.metrics.WindowTotals;
import org.staffroom.model.EngagementCounts;
import org.staffroom.model.LatePost;
import org.staffroom.model.ParticipantKey;
import org.staffroom.model.Post;
import org.staffroom.model.ScopedPost;
import org.staffroom.model.TopAccount;
import org.staffroom.model.WindowMetrics;
import org.staffroom.state.EntryCount;
import org.staffroom.state.EventTimeSerializer;
import org.staffroom.state.PlatformIdSerializer;
import org.staffroom.state.StateBackend;
import org.staffroom.state.WatermarkMemory;

/**
 * The windows of one kind of scope — every size of a hashtag, or a chat's sessions — keyed by the
 * scope.
 *
 * <p>One operator holds all of a scope's windows because "new participant" needs, per (scope,
 * participant), the earliest post ever seen, shared by every window and kept beyond any of them. A
 * window writes its row when the watermark passes its end, and its final row when the watermark
 * passes end + allowed lateness; posts for a final window go to the late output instead. Since all
 * posts earlier than a window's end arrive before the watermark passes it (the out-of-orderness
 * bound), a participant is new exactly when their earliest post seen so far lies in the window,
 * whatever the arrival order.
 *
 * <p>A final row is final (contract §4), so finality never depends on what a restart forgets: the
 * watermark is remembered across restores ({@link WatermarkMemory}), each scope remembers the end of
 * its latest final window per label, and each window carries its own end, so a changed calendar,
 * day zone or lateness neither reopens nor misplaces a window. The end of the input is not the end
 * of event time: windows it cuts short are written open and stay in state, their timers re-armed
 * when a run resumes from that state.
 *
 * <p>A participant is a (platform, author id) ({@link ParticipantKey}), so first-seen, new and
 * retained are per platform. Where the kind compares platforms, every row written is written
 * per platform too ({@link #PLATFORM_ROWS}), from the same state: post counts are kept per
 * platform, and participants are grouped by their platform only when a row is written.
 *
 * <p>With a live refresh interval, windows that are still running are also written on a
 * processing-time clock, so a dashboard shows a chat as it happens.
 */
public class EngagementWindows extends KeyedProcessFunction<String, ScopedPost, WindowMetrics>
        implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EngagementWindows.class);

    public static final OutputTag<LatePost> LATE = new OutputTag<>("late-posts") {};
    public static final OutputTag<TopAccount> TOP_ACCOUNTS = new OutputTag<>("top-accounts") {};
    /** Each window's rows per platform (contract §4), beside its all-platform row on the main output. */
    public static final OutputTag<WindowMetrics> PLATFORM_ROWS = new OutputTag<>("platform-rows") {};

    private final ScopeWindows scopes;
    private final long allowedLatenessMillis;
    private final long liveRefreshMillis;
    private final StateBackend backend;

    private transient WatermarkMemory watermark;
    /** The metric {@code latePosts}: posts too late for a final window of theirs, per scope. */
    private transient Counter latePosts;
    /** The gauges {@code openWindows} and {@code firstSeenEntries}: windows in state, (scope, participant) entries. */
    private transient EntryCount openWindows;
    private transient EntryCount firstSeenEntries;
    /** Every label with state: the configured ones, and those of earlier runs whose windows may still be open. */
    private transient Set<String> labels;
    private transient ListState<String> storedLabels;
    private transient Map<String, WindowStore> windows;
    private transient Map<String, MapState<Long, String[]>> pastParticipants;
    private transient MapState<String, Long> firstSeen;
    /** label → end of the scope's latest final window of that label. */
    private transient MapState<String, Long> finalisedUntil;
    private transient ValueState<Long> nextRefresh;
    /** Set when the input ended with windows open: their timers have fired and are re-armed on resume. */
    private transient ValueState<Boolean> inputEnded;

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
    public void initializeState(FunctionInitializationContext context) throws Exception {
        watermark = new WatermarkMemory();
        watermark.initialize(context);
        openWindows = new EntryCount("openWindows");
        openWindows.initialize(context);
        firstSeenEntries = new EntryCount("firstSeenEntries");
        firstSeenEntries.initialize(context);
        labels = new LinkedHashSet<>(scopes.labels());
        storedLabels = context.getOperatorStateStore().getUnionListState(
                new ListStateDescriptor<>("window-labels", Types.STRING));
        for (String label : storedLabels.get()) {
            if (labels.add(label)) {
                LOG.info("{} windows of size {} are no longer configured: those still open are finalised as "
                        + "their ends pass, and no post opens a new one", scopes.kind().label(), label);
            }
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        watermark.snapshot();
        openWindows.snapshot();
        firstSeenEntries.snapshot();
        storedLabels.update(new ArrayList<>(labels));
    }

    @Override
    public void open(OpenContext openContext) {
        latePosts = getRuntimeContext().getMetricGroup().counter("latePosts");
        openWindows.register(getRuntimeContext().getMetricGroup());
        firstSeenEntries.register(getRuntimeContext().getMetricGroup());
        windows = new LinkedHashMap<>();
        pastParticipants = new HashMap<>();
        for (String label : labels) {
            windows.put(label, WindowStore.open(backend, getRuntimeContext(), label));
            if (scopes.retains(label)) {
                pastParticipants.put(label, getRuntimeContext().getMapState(new MapStateDescriptor<>(
                        "past-participants-" + label, EventTimeSerializer.INSTANCE,
                        new GenericArraySerializer<>(String.class, PlatformIdSerializer.INSTANCE))));
            }
        }
        firstSeen = getRuntimeContext().getMapState(new MapStateDescriptor<>(
                "first-seen", PlatformIdSerializer.INSTANCE, EventTimeSerializer.INSTANCE));
        finalisedUntil = getRuntimeContext().getMapState(new MapStateDescriptor<>(
                "finalised-until", StringSerializer.INSTANCE, EventTimeSerializer.INSTANCE));
        nextRefresh = getRuntimeContext().getState(new ValueStateDescriptor<>("next-refresh", Types.LONG));
        inputEnded = getRuntimeContext().getState(new ValueStateDescriptor<>("input-ended", Types.BOOLEAN));
    }

    @Override
    public void processElement(ScopedPost element, Context ctx, Collector<WindowMetrics> out) throws Exception {
        Post post = element.post;
        long t = post.createdAt;
        // whether a post is late is decided by its own partition's progress, the same in every run
        // (see RouteRejected); it is never behind this operator's watermark
        long now = Math.max(watermark.current(ctx.timerService()), post.eventTimeAtRead);
        String scope = ctx.getCurrentKey();
        List<WindowScheme> schemes = scopes.schemesFor(scope);

        String participant = ParticipantKey.of(post);
        Long previousFirst = firstSeen.get(participant);
        if (previousFirst == null || t < previousFirst) {
            firstSeen.put(participant, t);
        }
        if (previousFirst == null) {
            firstSeenEntries.added();
        }
        long earliest = previousFirst == null ? t : Math.min(previousFirst, t);

        List<String> missed = null;
        for (WindowScheme scheme : schemes) {
            String label = scheme.label();
            long start = scheme.startOf(t);
            long end = scheme.endOf(start);
            if (isFinal(end, now)) {
                missed = missed(missed, label, start);
                continue;
            }
            WindowStore store = windows.get(label);
            boolean ranksAccounts = scopes.ranksAccounts(label);
            // A window of this start in state that ends no later than `end` proves that the label
            // has no final window ending at or after `end` (what wasFinalised asks), by this
            // invariant: every window in state ends after the label's finalisedUntil. A window opens
            // only past wasFinalised, so beyond finalisedUntil, and keeps its end; finalisedUntil
            // rises only in finalise(), to the end of a window final at that timer's `now`, and every
            // window of the label ending no later is final at that `now` too (one lateness judges
            // them all) and ended by it, so the same onTimer finalises and removes it. Both are in
            // every snapshot, so restores keep it. A window of this start that ends later (the scheme
            // changed since it opened: a day zone, a calendar) proves nothing about `end`: then
            // finalisedUntil is read, as before (FinalityTest has such a post, late).
            WindowTotals totals = store.addToOpen(start, end, post, participant, earliest, element.hasCotag(),
                    ranksAccounts);
            if (totals == null) {
                if (wasFinalised(label, end)) {
                    missed = missed(missed, label, start);
                    continue;
                }
                totals = store.add(start, end, post, participant, earliest, element.hasCotag(), ranksAccounts);
                if (totals.posts() == 1) {
                    armTimers(ctx.timerService(), end);
                    openWindows.added();
                }
            }
            if (totals.emitted) {
                // a late post within the allowed lateness: the row already written changes
                emit(ctx, out, scope, label, start, totals, store.participants(start), false);
            } else {
                scheduleRefresh(ctx.timerService().currentProcessingTime(), ctx.timerService());
            }
        }

        if (previousFirst != null && t < previousFirst) {
            rewriteWindowsOf(ctx, out, scope, schemes, participant, previousFirst, t, now);
        }
        if (missed != null) {
            latePosts.inc();
            ctx.output(LATE, late(scope, post, missed));
        }
    }

    /** Adds a window the post came too late for to those it missed. */
    private static List<String> missed(List<String> missed, String label, long start) {
        List<String> all = missed == null ? new ArrayList<>() : missed;
        all.add(label + "@" + Instant.ofEpochMilli(start));
        return all;
    }

    /**
     * A participant's earliest post moved back from {@code oldFirst} to {@code newFirst}: a written,
     * not yet final window holding the old earliest post now counts them as returning. A window
     * already over by event time keeps them new, as a run that had finalised it first did.
     */
    private void rewriteWindowsOf(Context ctx, Collector<WindowMetrics> out, String scope, List<WindowScheme> schemes,
            String participant, long oldFirst, long newFirst, long now) throws Exception {
        for (WindowScheme scheme : schemes) {
            long start = scheme.startOf(oldFirst);
            if (start == scheme.startOf(newFirst)) {
                continue;
            }
            WindowStore store = windows.get(scheme.label());
            WindowTotals totals = store.totals(start);
            if (totals == null) {
                continue;
            }
            if (isFinal(totals.end, now)) {
                store.keepNew(start, participant);
                continue;
            }
            store.earliestPostLeft(start, participant);
            if (totals.emitted) {
                emit(ctx, out, scope, scheme.label(), start, totals, store.participants(start), false);
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WindowMetrics> out) throws Exception {
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            if (inputEnded.value() != null) {
                rearmAfterEndOfInput(ctx.timerService());
            }
            Long refresh = nextRefresh.value();
            if (refresh != null && refresh == timestamp) {
                refreshRunningWindows(ctx, out);
            }
            return;
        }
        long now = watermark.current(ctx.timerService());
        if (WatermarkMemory.isEndOfInput(now)) {
            writeOpenWindowsAtEndOfInput(ctx, out);
            return;
        }
        String scope = ctx.getCurrentKey();
        for (Map.Entry<String, WindowStore> labelled : windows.entrySet()) {
            String label = labelled.getKey();
            WindowStore store = labelled.getValue();
            // oldest first, so that rows reach the sink in event-time order; only the windows that
            // ended, not every open one at every timer
            for (long start : store.startsEndedBy(now)) {
                WindowTotals totals = store.totals(start);
                if (isFinal(totals.end, now)) {
                    finalise(ctx, out, scope, label, store, start, totals);
                    continue;
                }
                if (!totals.emitted) {
                    totals.emitted = true;
                    emit(ctx, out, scope, label, start, totals, store.participants(start), false);
                    store.update(start, totals);
                }
                // the allowed lateness may have changed since the window's timers were set
                ctx.timerService().registerEventTimeTimer(totals.end - 1 + allowedLatenessMillis);
            }
        }
    }

    private void finalise(OnTimerContext ctx, Collector<WindowMetrics> out, String scope, String label,
            WindowStore store, long start, WindowTotals totals) throws Exception {
        if (schemeFor(scope, label) == null) {
            LOG.info("{} {}: the {} window of {} is finalised, though {} no longer has such windows",
                    scopes.kind().label(), scope, label, Instant.ofEpochMilli(start), scope);
        }
        Map<String, AuthorActivity> participants = store.participants(start);
        emit(ctx, out, scope, label, start, totals, participants, true);
        if (scopes.ranksAccounts(label)) {
            TopAccounts.of(scopes.kind().topAccountsScope(), scope, start, store.mentioned(start), participants)
                    .forEach(top -> ctx.output(TOP_ACCOUNTS, top));
        }
        if (scopes.retains(label)) {
            archive(label, start, participants.keySet());
        }
        Long until = finalisedUntil.get(label);
        if (until == null || totals.end > until) {
            finalisedUntil.put(label, totals.end);
        }
        store.remove(start);
        openWindows.removed(1);
    }

    /**
     * The input ended (a bounded run, a drained stop) before event time reached the open windows:
     * they are written as counted, still open, and kept; every timer of the scope fires now, so the
     * first writes and the rest find the flag set.
     */
    private void writeOpenWindowsAtEndOfInput(OnTimerContext ctx, Collector<WindowMetrics> out) throws Exception {
        if (inputEnded.value() != null) {
            return;
        }
        inputEnded.update(true);
        String scope = ctx.getCurrentKey();
        for (Map.Entry<String, WindowStore> labelled : windows.entrySet()) {
            WindowStore store = labelled.getValue();
            for (long start : store.starts()) {
                WindowTotals totals = store.totals(start);
                if (!totals.emitted) {
                    emit(ctx, out, scope, labelled.getKey(), start, totals, store.participants(start), false);
                }
            }
        }
        // fires at once in a run resumed from this state (a drained savepoint); an event-time timer
        // set now would fire again within this end of input
        ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime());
    }

    private void rearmAfterEndOfInput(TimerService timers) throws Exception {
        inputEnded.clear();
        for (WindowStore store : windows.values()) {
            for (long start : store.starts()) {
                armTimers(timers, store.totals(start).end);
            }
        }
    }

    private void armTimers(TimerService timers, long end) {
        timers.registerEventTimeTimer(end - 1);
        timers.registerEventTimeTimer(end - 1 + allowedLatenessMillis);
    }

    /** Writes every window whose end the watermark has not reached yet; keeps the clock going while there are any. */
    private void refreshRunningWindows(OnTimerContext ctx, Collector<WindowMetrics> out) throws Exception {
        nextRefresh.clear();
        long now = watermark.current(ctx.timerService());
        String scope = ctx.getCurrentKey();
        boolean running = false;
        for (Map.Entry<String, WindowStore> labelled : windows.entrySet()) {
            WindowStore store = labelled.getValue();
            for (long start : store.starts()) {
                WindowTotals totals = store.totals(start);
                if (totals.end - 1 > now) {
                    emit(ctx, out, scope, labelled.getKey(), start, totals, store.participants(start), false);
                    running = true;
                }
            }
        }
        if (running) {
            scheduleRefresh(ctx.timerService().currentProcessingTime(), ctx.timerService());
        }
    }

    private void scheduleRefresh(long now, TimerService timers) throws Exception {
        if (liveRefreshMillis <= 0 || nextRefresh.value() != null) {
            return;
        }
        // aligned to the interval, so the rows of all scopes refresh together
        long at = (now / liveRefreshMillis + 1) * liveRefreshMillis;
        timers.registerProcessingTimeTimer(at);
        nextRefresh.update(at);
    }

    /** Keeps a final session's participants until the next one is final: it asks who came back. */
    private void archive(String label, long start, Set<String> participants) throws Exception {
        MapState<Long, String[]> past = pastParticipants.get(label);
        past.put(start, participants.toArray(new String[0]));
        List<Long> older = new ArrayList<>();
        for (Long s : past.keys()) {
            if (s < start) {
                older.add(s);
            }
        }
        for (Long s : older) {
            past.remove(s);
        }
    }

    private boolean isFinal(long windowEnd, long now) {
        return windowEnd - 1 + allowedLatenessMillis <= now;
    }

    /** Whether the scope already has a final window of this label ending at or after {@code end}. */
    private boolean wasFinalised(String label, long end) throws Exception {
        Long until = finalisedUntil.get(label);
        return until != null && end <= until;
    }

    /**
     * Writes the window's all-platform row, and where the kind compares platforms, its row per
     * platform: the all-platform counts are the platforms' sums, since a participant is on one
     * platform.
     */
    private void emit(Context ctx, Collector<WindowMetrics> out, String scope, String label, long start,
            WindowTotals totals, Map<String, AuthorActivity> participants, boolean isFinal) throws Exception {
        Map<String, EngagementCounts> byPlatform =
                totals.countsByPlatform(participants, participant -> isFirstPostIn(participant, start));
        Map<String, Long> retained = retained(scope, label, start, participants);
        EngagementCounts all = new EngagementCounts();
        long allRetained = 0;
        for (Map.Entry<String, EngagementCounts> platform : byPlatform.entrySet()) {
            all.add(platform.getValue());
            long retainedThere = retained.getOrDefault(platform.getKey(), 0L);
            allRetained += retainedThere;
            if (scopes.kind().comparesPlatforms()) {
                ctx.output(PLATFORM_ROWS, new WindowMetrics(scope, platform.getKey(), label, start, totals.end,
                        platform.getValue(), retainedThere, isFinal));
            }
        }
        out.collect(new WindowMetrics(scope, label, start, totals.end, all, allRetained, isFinal));
    }

    /** Participants of the previous occurrence who are also in this one, by platform. */
    private Map<String, Long> retained(String scope, String label, long start,
            Map<String, AuthorActivity> participants) throws Exception {
        if (!scopes.retains(label)) {
            return Map.of();
        }
        long previous = previousOccurrence(scope, label, start);
        if (previous == WindowScheme.NONE) {
            return Map.of();
        }
        WindowStore store = windows.get(label);
        Collection<String> before = store.totals(previous) != null ? store.participants(previous).keySet()
                : Arrays.asList(orEmpty(pastParticipants.get(label).get(previous)));
        Map<String, Long> retained = new HashMap<>();
        for (String participant : before) {
            if (participants.containsKey(participant)) {
                retained.merge(ParticipantKey.platformOf(participant), 1L, Long::sum);
            }
        }
        return retained;
    }

    /**
     * The occurrence a session is compared with: one week earlier on the chat's schedule (contract
     * §4); but where the latest earlier session was held on another schedule (the chat was moved,
     * or it left the calendar), that session, the last one that actually took place.
     */
    private long previousOccurrence(String scope, String label, long start) throws Exception {
        long latest = WindowScheme.NONE;
        for (long s : windows.get(label).starts()) {
            latest = s < start ? Math.max(latest, s) : latest;
        }
        for (Long s : pastParticipants.get(label).keys()) {
            latest = s < start ? Math.max(latest, s) : latest;
        }
        WindowScheme scheme = schemeFor(scope, label);
        if (scheme != null && scheme.isStart(start) && (latest == WindowScheme.NONE || scheme.isStart(latest))) {
            return scheme.previousStart(start);
        }
        return latest;
    }

    private WindowScheme schemeFor(String scope, String label) {
        for (WindowScheme scheme : scopes.schemesFor(scope)) {
            if (scheme.label().equals(label)) {
                return scheme;
            }
        }
        return null;
    }

    private static String[] orEmpty(String[] authors) {
        return authors == null ? new String[0] : authors;
    }

    private boolean isFirstPostIn(String participant, long windowStart) {
        try {
            Long first = firstSeen.get(participant);
            return first != null && first >= windowStart;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read first-seen state", e);
        }
    }

    private LatePost late(String scope, Post post, List<String> missed) {
        LatePost late = new LatePost();
        late.platform = post.platform;
        late.id = post.id;
        late.scope = scopes.kind().lateScope(scope);
        late.createdAt = post.createdAt;
        late.receivedAt = post.receivedAt;
        late.hashtags = post.hashtags;
        late.missed = missed.toArray(new String[0]);
        return late;
    }
}
