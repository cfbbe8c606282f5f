package org.staffroom.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.staffroom.model.EngagementCounts;
import org.staffroom.model.TopAccount;
import org.staffroom.model.WindowMetrics;

/** A batch holds one row per key, the one the table would keep; PostgresSchemaTest checks the SQL's own rule. */
class PendingRowsTest {
    private static final long HALF_HOUR = 30 * 60_000L;

    @Test
    void aFinalRowReplacesTheOpenRowOfItsWindowInTheSameBatch() throws Exception {
        PendingRows<WindowMetrics> rows = new PendingRows<>(HashtagMetricsStatement.allPlatforms());
        WindowMetrics open = row("ukedchat", 0, 3, false);
        WindowMetrics otherWindow = row("ukedchat", HALF_HOUR, 1, false);
        WindowMetrics last = row("ukedchat", 0, 4, true);

        rows.add(open);
        rows.add(otherWindow);
        rows.add(last);

        assertThat(rows.rows()).containsExactly(last, otherWindow);
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.received()).isEqualTo(3);
    }

    @Test
    void nothingReplacesAFinalRow() throws Exception {
        PendingRows<WindowMetrics> rows = new PendingRows<>(HashtagMetricsStatement.allPlatforms());
        WindowMetrics last = row("ukedchat", 0, 4, true);

        rows.add(last);
        rows.add(row("ukedchat", 0, 5, false));
        rows.add(row("ukedchat", 0, 6, true));

        assertThat(rows.rows()).containsExactly(last);
    }

    @Test
    void rowsOfOtherHashtagsOrSizesOrPlatformsAreOtherKeys() throws Exception {
        PendingRows<WindowMetrics> rows = new PendingRows<>(HashtagMetricsStatement.perPlatform());
        WindowMetrics x = row("ukedchat", 0, 1, false);
        WindowMetrics bluesky = row("ukedchat", 0, 1, false);
        bluesky.platform = "bluesky";
        WindowMetrics otherTag = row("sltchat", 0, 1, false);
        WindowMetrics day = row("ukedchat", 0, 1, false);
        day.windowSize = "1d";

        rows.add(x);
        rows.add(bluesky);
        rows.add(otherTag);
        rows.add(day);

        assertThat(rows.rows()).containsExactly(x, bluesky, otherTag, day);
    }

    @Test
    void whereTheFirstDeliveryWinsTheFirstRowStays() throws Exception {
        PendingRows<TopAccount> rows = new PendingRows<>(new TopAccountStatement());
        TopAccount first = top("amy");
        rows.add(first);
        rows.add(top("ben"));

        assertThat(rows.rows()).containsExactly(first);
        rows.clear();
        assertThat(rows.isEmpty()).isTrue();
        assertThat(rows.received()).isZero();
    }

    private static WindowMetrics row(String hashtag, long start, long posts, boolean isFinal) {
        EngagementCounts counts = new EngagementCounts();
        counts.posts = posts;
        WindowMetrics m = new WindowMetrics(hashtag, "30m", start, start + HALF_HOUR, counts, 0, isFinal);
        m.platform = "x";
        return m;
    }

    private static TopAccount top(String account) {
        TopAccount t = new TopAccount();
        t.scope = "hashtag";
        t.scopeKey = "ukedchat";
        t.windowStart = 0;
        t.kind = "mentioned";
        t.rank = 1;
        t.account = account;
        t.posts = 3;
        return t;
    }
}
