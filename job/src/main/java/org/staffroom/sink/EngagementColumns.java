package org.staffroom.sink;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.staffroom.metrics.EngagementCounts;

/** The count columns shared by hashtag_window_metrics and chat_session_metrics, in binding order. */
final class EngagementColumns {
    static final List<String> NAMES = List.of("posts", "originals", "retweets", "replies", "quotes", "with_link",
            "with_mention", "with_cotag", "brokering", "questions", "participants", "contributors",
            "new_participants", "returning_participants", "reach");

    private EngagementColumns() {}

    /** Binds the counts from parameter {@code first}; returns the next free parameter index. */
    static int bind(PreparedStatement ps, int first, EngagementCounts c) throws SQLException {
        long[] values = {c.posts, c.originals, c.retweets, c.replies, c.quotes, c.withLink, c.withMention,
                c.withCotag, c.brokering, c.questions, c.participants, c.contributors, c.newParticipants,
                c.returningParticipants, c.reach};
        int i = first;
        for (long v : values) {
            ps.setLong(i++, v);
        }
        return i;
    }
}
