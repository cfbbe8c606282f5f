package org.staffroom.chats;

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

    private final ChatCalendar calendar;
    private final boolean inSession;

    private AssignChatSessions(ChatCalendar calendar, boolean inSession) {
        this.calendar = calendar;
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
            for (ChatSchedule chat : calendar.forHashtag(hashtag)) {
                if ((chat.sessionContaining(post.createdAt) != ChatSchedule.NONE) == inSession) {
                    out.collect(new ScopedPost(chat.chatId(), post));
                }
            }
        }
    }
}
