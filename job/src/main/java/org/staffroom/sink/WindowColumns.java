package org.staffroom.sink;

import java.util.List;
import org.staffroom.model.WindowMetrics;

/** The columns shared by hashtag_window_metrics and the per-chat tables: the counts, and is_final. */
final class WindowColumns {
    static final List<Column<WindowMetrics>> COUNTS = List.of(
            Column.of("posts", (p, m) -> p.number(m.counts.posts)),
            Column.of("originals", (p, m) -> p.number(m.counts.originals)),
            Column.of("retweets", (p, m) -> p.number(m.counts.retweets)),
            Column.of("replies", (p, m) -> p.number(m.counts.replies)),
            Column.of("quotes", (p, m) -> p.number(m.counts.quotes)),
            Column.of("with_link", (p, m) -> p.number(m.counts.withLink)),
            Column.of("with_mention", (p, m) -> p.number(m.counts.withMention)),
            Column.of("with_cotag", (p, m) -> p.number(m.counts.withCotag)),
            Column.of("brokering", (p, m) -> p.number(m.counts.brokering)),
            Column.of("questions", (p, m) -> p.number(m.counts.questions)),
            Column.of("participants", (p, m) -> p.number(m.counts.participants)),
            Column.of("contributors", (p, m) -> p.number(m.counts.contributors)),
            Column.of("new_participants", (p, m) -> p.number(m.counts.newParticipants)),
            Column.of("returning_participants", (p, m) -> p.number(m.counts.returningParticipants)),
            Column.of("reach", (p, m) -> p.number(m.counts.reach)));

    /** The key column of the per-platform tables. */
    static final Column<WindowMetrics> PLATFORM = Column.of("platform", (p, m) -> p.text(m.platform));

    static final Column<WindowMetrics> IS_FINAL = Column.of("is_final", (p, m) -> p.flag(m.isFinal));

    private WindowColumns() {}
}
