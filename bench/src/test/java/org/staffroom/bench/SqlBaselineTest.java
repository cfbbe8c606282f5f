package org.staffroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.staffroom.platforms.publish.KafkaEventWriter;

/**
 * The Flink SQL baseline on six posts, two hashtags, two half hours of one day, against a real
 * broker and PostgreSQL on a MiniCluster at parallelism 2: exactly the rows counted by hand.
 */
class SqlBaselineTest {
    private static final String TOPIC = "sql.baseline";
    private static final String[] POSTS = {
        // both hashtags, a link: brokering
        "{\"id\":\"1\",\"platform\":\"twitter\",\"createdAt\":\"2025-03-06T20:05:00Z\",\"author\":{\"id\":\"alice\"},"
                + "\"text\":\"x\",\"hashtags\":[\"#UKEdChat\",\"edchat\"],\"mentions\":[],\"urls\":[\"https://a.example/x\"]}",
        // no arrays: the hashtag and the mention from the text; a retweet
        "{\"id\":\"2\",\"platform\":\"twitter\",\"createdAt\":\"2025-03-06T20:10:00Z\",\"author\":{\"id\":\"bob\"},"
                + "\"text\":\"RT @alice: great #ukedchat\",\"retweetOf\":\"1\"}",
        // the same author id on another platform is another participant; full-width, with milliseconds; a reply
        "{\"id\":\"3\",\"platform\":\"mastodon\",\"createdAt\":\"2025-03-06T20:20:00.250Z\",\"author\":{\"id\":\"alice\"},"
                + "\"text\":\"y\",\"hashtags\":[\"＃ＵＫＥｄＣｈａｔ\"],\"mentions\":[\"bob\"],\"urls\":[],\"replyTo\":\"1\"}",
        // the next half hour; the arrays win over the text's mention; a quote
        "{\"id\":\"4\",\"platform\":\"twitter\",\"createdAt\":\"2025-03-06T20:40:00Z\",\"author\":{\"id\":\"carol\"},"
                + "\"text\":\"Quoting @bob\",\"hashtags\":[\"UKEDCHAT\"],\"mentions\":[],\"urls\":[],\"quoteOf\":\"2\"}",
        // bob only retweets #edchat: a participant, not a contributor
        "{\"id\":\"5\",\"platform\":\"twitter\",\"createdAt\":\"2025-03-06T20:45:00Z\",\"author\":{\"id\":\"bob\"},"
                + "\"text\":\"z\",\"hashtags\":[\"edchat\"],\"retweetOf\":\"4\"}",
        // no hashtag: no row
        "{\"id\":\"6\",\"platform\":\"twitter\",\"createdAt\":\"2025-03-06T20:50:00Z\",\"author\":{\"id\":\"dave\"},"
                + "\"text\":\"nothing here\"}",
    };

    private static Infrastructure infra;

    @BeforeAll
    static void start() {
        infra = Infrastructure.start();
        infra.createTopic(TOPIC, 2);
        try (KafkaEventWriter writer = new KafkaEventWriter(infra.bootstrapServers(), TOPIC, "none",
                KafkaEventWriter.Partitioning.ROUND_ROBIN)) {
            for (String post : POSTS) {
                writer.send(null, post.getBytes(StandardCharsets.UTF_8));
            }
            writer.finish();
        }
    }

    @AfterAll
    static void stop() {
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void writesTheCountsOfEachHashtagsHalfHoursAndDay() throws Exception {
        SqlBaseline.Result r = SqlBaseline.run(infra, TOPIC, POSTS.length, 2, Duration.ofMinutes(2), List.of());

        // hashtag, size, start: posts, retweets, replies, quotes, with_link, with_mention, brokering, participants, contributors
        assertThat(rows(r)).containsExactly(
                "edchat 1d 2025-03-06 00:00: 2 1 0 0 1 0 2 2 1",
                "edchat 30m 2025-03-06 20:00: 1 0 0 0 1 0 1 1 1",
                "edchat 30m 2025-03-06 20:30: 1 1 0 0 0 0 1 1 0",
                "ukedchat 1d 2025-03-06 00:00: 4 1 1 1 1 2 3 4 3",
                "ukedchat 30m 2025-03-06 20:00: 3 1 1 0 1 2 3 3 2",
                "ukedchat 30m 2025-03-06 20:30: 1 0 0 1 0 0 0 1 1");
        assertThat(r.rows()).isEqualTo(6);
        assertThat(r.dailyPosts()).isEqualTo(Map.of("edchat", 2L, "ukedchat", 4L));
        assertThat(r.posts()).isEqualTo(6);
    }

    private static List<String> rows(SqlBaseline.Result r) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = r.database().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT hashtag, window_size, to_char(window_start, 'YYYY-MM-DD HH24:MI'), "
                     + "window_end - window_start, posts, retweets, replies, quotes, with_link, with_mention, brokering, "
                     + "participants, contributors FROM " + SqlBaseline.TABLE + " ORDER BY 1, 2, 3")) {
            while (rs.next()) {
                String size = rs.getString(2);
                assertThat(rs.getString(4)).isEqualTo(size.equals("1d") ? "1 day" : "00:30:00");
                StringBuilder row = new StringBuilder(rs.getString(1) + " " + size + " " + rs.getString(3) + ":");
                for (int i = 5; i <= 13; i++) {
                    row.append(' ').append(rs.getLong(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
