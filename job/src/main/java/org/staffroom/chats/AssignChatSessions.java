package org.staffroom.chats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.Collector;
import org.staffroom.model.Post;
import org.staffroom.model.ScopedPost;

/**
 * A post belongs to a chat's session when it counts for the chat's hashtag and its event time lies
 * in one of the chat's occurrences (contract §3). One instance passes those, one per chat; the
 * other passes the chat hashtag's posts outside every session, for the rest-of-week comparison.
 *
 * <p>The sessions' instance gives operators, per chat (label {@code chat}), {@code sessionPosts},
 * the posts it passed, and {@code sessionOpen}, 1 while the calendar says a session is on by
 * the wall clock: together, the alert "no posts counted during a scheduled chat session".
 */
public class AssignChatSessions extends RichFlatMapFunction<Post, ScopedPost> {
    private static final long serialVersionUID = 1L;

    /** Looked up for every hashtag of every post, so built once: hashtag → its chats. */
    private final Map<String, List<ChatSchedule>> chatsByHashtag = new HashMap<>();
    private final boolean inSession;
    private final List<ChatSchedule> chats;
    /** chat id → its counter; empty for the instance outside the sessions. */
    private transient Map<String, Counter> sessionPosts;

    private AssignChatSessions(ChatCalendar calendar, boolean inSession) {
        for (ChatSchedule chat : calendar.chats()) {
            chatsByHashtag.computeIfAbsent(chat.hashtag(), calendar::forHashtag);
        }
        this.inSession = inSession;
        this.chats = List.copyOf(calendar.chats());
    }

    @Override
    public void open(OpenContext openContext) {
        sessionPosts = new HashMap<>();
        if (!inSession) {
            return;
        }
        for (ChatSchedule chat : chats) {
            MetricGroup group = getRuntimeContext().getMetricGroup().addGroup("chat", chat.chatId());
            sessionPosts.put(chat.chatId(), group.counter("sessionPosts"));
            group.gauge("sessionOpen", (Gauge<Integer>) () ->
                    chat.sessionContaining(System.currentTimeMillis()) != ChatSchedule.NONE ? 1 : 0);
        }
    }

    public static AssignChatSessions inSessions(ChatCalendar calendar) {
        return new AssignChatSessions(calendar, true);
    }

    public static AssignChatSessions outsideSessions(ChatCalendar calendar) {
        return new AssignChatSessions(calendar, false);
    }

    @Override
    public void flatMap(Post post, Collector<ScopedPost> out) {
        for (String hashtag : post.hashtags) {
            for (ChatSchedule chat : chatsByHashtag.getOrDefault(hashtag, List.of())) {
                if ((chat.sessionContaining(post.createdAt) != ChatSchedule.NONE) == inSession) {
                    out.collect(new ScopedPost(chat.chatId(), post));
                    if (inSession) {
                        sessionPosts.get(chat.chatId()).inc();
                    }
                }
            }
        }
    }
}
