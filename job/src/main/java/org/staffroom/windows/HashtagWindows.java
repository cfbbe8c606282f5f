package org.staffroom.windows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.staffroom.metrics.WindowAccumulator;
import org.staffroom.model.HashtagPost;
import org.staffroom.model.HashtagWindowMetrics;
import org.staffroom.model.LatePost;
import org.staffroom.model.Post;

/**
 * The per-hashtag tumbling windows of every configured size, keyed by hashtag.
 *
 * <p>One operator holds all sizes because "new participant" needs, per (hashtag, author), the
 * earliest post ever seen, shared by every size and kept beyond any window. A window writes its row
 * when the watermark passes its end, and its final row when the watermark passes end + allowed
 * lateness; posts for a final window go to the late output instead. Since all posts earlier than a
 * window's end arrive before the watermark passes it (the out-of-orderness bound), a participant is
 * new exactly when their earliest post seen so far lies in the window, whatever the arrival order.
 */
public class HashtagWindows extends KeyedProcessFunction<String, HashtagPost, HashtagWindowMetrics> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<LatePost> LATE = new OutputTag<>("late-hashtag-posts") {};

    private final List<WindowScheme> schemes;
    private final long allowedLatenessMillis;

    private transient List<MapState<Long, WindowAccumulator>> windows;
    private transient MapState<String, Long> firstSeen;

    public HashtagWindows(List<WindowScheme> schemes, long allowedLatenessMillis) {
        this.schemes = List.copyOf(schemes);
        this.allowedLatenessMillis = allowedLatenessMillis;
    }

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext openContext) {
        windows = new ArrayList<>();
        for (WindowScheme scheme : schemes) {
            windows.add(getRuntimeContext().getMapState(new MapStateDescriptor<>(
                    "windows-" + scheme.label(), Types.LONG, TypeInformation.of(WindowAccumulator.class))));
        }
        firstSeen = getRuntimeContext().getMapState(new MapStateDescriptor<>("first-seen", Types.STRING, Types.LONG));
    }

    @Override
    public void processElement(HashtagPost element, Context ctx, Collector<HashtagWindowMetrics> out)
            throws Exception {
        Post post = element.post;
        long t = post.createdAt;
        long watermark = ctx.timerService().currentWatermark();
        String hashtag = ctx.getCurrentKey();

        Long previousFirst = firstSeen.get(post.authorId);
        if (previousFirst == null || t < previousFirst) {
            firstSeen.put(post.authorId, t);
        }

        List<String> missed = null;
        for (int i = 0; i < schemes.size(); i++) {
            WindowScheme scheme = schemes.get(i);
            long start = scheme.startOf(t);
            long end = scheme.endOf(start);
            if (isFinal(end, watermark)) {
                missed = missed == null ? new ArrayList<>() : missed;
                missed.add(scheme.label() + "@" + Instant.ofEpochMilli(start));
                continue;
            }
            MapState<Long, WindowAccumulator> state = windows.get(i);
            WindowAccumulator acc = state.get(start);
            if (acc == null) {
                acc = new WindowAccumulator();
                ctx.timerService().registerEventTimeTimer(end - 1);
                ctx.timerService().registerEventTimeTimer(end - 1 + allowedLatenessMillis);
            }
            acc.add(post, element.hasCotag());
            state.put(start, acc);
            if (acc.emitted) {
                // a late post within the allowed lateness: the row already written changes
                out.collect(row(hashtag, scheme, start, acc, false));
            }
        }

        if (previousFirst != null && t < previousFirst) {
            rewriteWindowsOf(hashtag, previousFirst, t, out);
        }
        if (missed != null) {
            ctx.output(LATE, late(hashtag, post, missed));
        }
    }

    /**
     * An author's earliest post moved back from {@code oldFirst} to {@code newFirst}: a written,
     * not yet final window holding the old earliest post now counts them as returning.
     */
    private void rewriteWindowsOf(String hashtag, long oldFirst, long newFirst, Collector<HashtagWindowMetrics> out)
            throws Exception {
        for (int i = 0; i < schemes.size(); i++) {
            WindowScheme scheme = schemes.get(i);
            long start = scheme.startOf(oldFirst);
            if (start == scheme.startOf(newFirst)) {
                continue;
            }
            WindowAccumulator acc = windows.get(i).get(start);
            if (acc != null && acc.emitted) {
                out.collect(row(hashtag, scheme, start, acc, false));
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<HashtagWindowMetrics> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        String hashtag = ctx.getCurrentKey();
        for (int i = 0; i < schemes.size(); i++) {
            WindowScheme scheme = schemes.get(i);
            MapState<Long, WindowAccumulator> state = windows.get(i);
            List<Long> done = new ArrayList<>();
            for (Map.Entry<Long, WindowAccumulator> e : state.entries()) {
                long start = e.getKey();
                long end = scheme.endOf(start);
                if (end - 1 > watermark) {
                    continue;
                }
                WindowAccumulator acc = e.getValue();
                if (isFinal(end, watermark)) {
                    out.collect(row(hashtag, scheme, start, acc, true));
                    done.add(start);
                } else if (!acc.emitted) {
                    acc.emitted = true;
                    out.collect(row(hashtag, scheme, start, acc, false));
                    state.put(start, acc);
                }
            }
            for (Long start : done) {
                state.remove(start);
            }
        }
    }

    private boolean isFinal(long windowEnd, long watermark) {
        return windowEnd - 1 + allowedLatenessMillis <= watermark;
    }

    private HashtagWindowMetrics row(String hashtag, WindowScheme scheme, long start, WindowAccumulator acc,
            boolean isFinal) throws Exception {
        return new HashtagWindowMetrics(hashtag, scheme.label(), start, scheme.endOf(start),
                acc.counts(author -> isFirstPostIn(author, start)), isFinal);
    }

    private boolean isFirstPostIn(String author, long windowStart) {
        try {
            Long first = firstSeen.get(author);
            return first != null && first >= windowStart;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read first-seen state", e);
        }
    }

    private static LatePost late(String scope, Post post, List<String> missed) {
        LatePost late = new LatePost();
        late.platform = post.platform;
        late.id = post.id;
        late.scope = scope;
        late.createdAt = post.createdAt;
        late.receivedAt = post.receivedAt;
        late.hashtags = post.hashtags;
        late.missed = missed.toArray(new String[0]);
        return late;
    }
}
