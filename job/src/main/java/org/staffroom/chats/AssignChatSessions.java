package org.staffroom.chats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.staffroom.model.Post;
import org.staffroom.model.ScopedPost;

/**
 * A post belongs to a chat's session when it counts for the chat's hashtag and its event time lies
 * in one of the chat's occurrences (contract §3). One instance passes those, one per chat; the
 * other passes the chat hashtag's posts outside every session, for the rest-of-week comparison.
 */
public class AssignChatSessions implements FlatMapFunction<Post, ScopedPost> {
    private static final long serialVersionUID = 1L;

    /** Looked up for every hashtag of every post, so built once: hashtag → its chats. */
    private final Map<String, List<ChatSchedule>> chatsByHashtag = new HashMap<>();
    private final boolean inSession;

    private AssignChatSessions(ChatCalendar calendar, boolean inSession) {
        for (ChatSchedule chat : calendar.chats()) {
            chatsByHashtag.computeIfAbsent(chat.hashtag(), calendar::forHashtag);
        }
        this.inSession = inSession;
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
                }
            }
        }
    }
}
