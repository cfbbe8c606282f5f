package org.staffroom.chats;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.staffroom.model.Post;
import org.staffroom.model.ScopedPost;

/**
 * A post belongs to a chat's session when it counts for the chat's hashtag and its event time lies
 * in one of the chat's occurrences (contract §3): one element per such chat.
 */
public class AssignChatSessions implements FlatMapFunction<Post, ScopedPost> {
    private static final long serialVersionUID = 1L;

    private final ChatCalendar calendar;

    public AssignChatSessions(ChatCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void flatMap(Post post, Collector<ScopedPost> out) {
        for (String hashtag : post.hashtags) {
            for (ChatSchedule chat : calendar.forHashtag(hashtag)) {
                if (chat.sessionContaining(post.createdAt) != ChatSchedule.NONE) {
                    out.collect(new ScopedPost(chat.chatId(), post));
                }
            }
        }
    }
}
