package org.staffroom.sink;

import java.sql.SQLException;
import java.util.List;
import org.staffroom.model.EngagementCounts;

/** The count columns shared by hashtag_window_metrics and the per-chat tables, in binding order. */
final class EngagementColumns {
    static final List<String> NAMES = List.of("posts", "originals", "retweets", "replies", "quotes", "with_link",
            "with_mention", "with_cotag", "brokering", "questions", "participants", "contributors",
            "new_participants", "returning_participants", "reach");

    private EngagementColumns() {}

    static void bind(Params p, EngagementCounts c) throws SQLException {
        p.number(c.posts).number(c.originals).number(c.retweets).number(c.replies).number(c.quotes)
                .number(c.withLink).number(c.withMention).number(c.withCotag).number(c.brokering)
                .number(c.questions).number(c.participants).number(c.contributors).number(c.newParticipants)
                .number(c.returningParticipants).number(c.reach);
    }
}
