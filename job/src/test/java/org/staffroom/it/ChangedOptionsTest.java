package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.model.Post;
import org.staffroom.parse.ParserSettings;
import org.staffroom.parse.PostParser;

/**
 * The job stopped with a savepoint in the middle of #UKEdChat's second session and restarted with
 * another calendar or other window options (contract §4): it keeps running, rows that were final
 * stay as a run without the change has them, what was open is finalised with the end it had, and
 * what comes after follows the new settings. Expectations are counted from the posts themselves.
 */
class ChangedOptionsTest {
    /** In #UKEdChat's session of Thursday 16 January 2025, 20:00–20:30 UK time (= UTC in winter). */
    private static final Instant SPLIT = Instant.parse("2025-01-16T20:10:00Z");
    private static final Instant SESSION = Instant.parse("2025-01-16T20:00:00Z");
    /** #primedchat gone; #UKEdChat on Saturdays from 00:00 for a day, India time (18:30Z the evening before). */
    private static final String MOVED = "{\"chats\": ["
            + "{\"id\": \"sltchat\", \"hashtag\": \"#SLTchat\", \"day\": \"sunday\", \"start\": \"20:00\", \"zone\": \"Europe/London\"},"
            + "{\"id\": \"ukedchat\", \"hashtag\": \"#UKEdChat\", \"day\": \"saturday\", \"start\": \"00:00\", \"duration\": \"1d\", "
            + "\"zone\": \"Asia/Kolkata\"}]}";
    private static final Instant MOVED_START = Instant.parse("2025-01-17T18:30:00Z");

    private static TestStack stack;
    private static FaultRig rig;
    private static List<byte[]> records;
    private static List<Post> posts;
    private static int split;
    private static String cleanDb;

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.start();
        rig = new FaultRig(stack.kafka.bootstrapServers(), stack.postgres.port(), stack.postgres.user(),
                stack.postgres.password());
        records = FaultRig.posts();
        PostParser parser = new PostParser(new ParserSettings(Duration.ofDays(1), Instant.parse("2000-01-01T00:00:00Z")));
        posts = new ArrayList<>();
        for (byte[] record : records) {
            posts.add(parser.read(record, "t", 0, 0, System.currentTimeMillis()).post);
        }
        split = 0;
        while (posts.get(split).createdAt < SPLIT.toEpochMilli()) {
            split++;
        }
        String topic = stack.topic(1);
        stack.write(topic, 0, records);
        cleanDb = stack.database();
        rig.runBounded(rig.config(topic, cleanDb, "--bounded", "--parallelism", "2", "--window-sizes", "30m,1h,1d"));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (rig != null) {
                rig.close();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    /** Runs the posts before the split, stops with a savepoint, and the rest with {@code after}; returns the database. */
    private static String runChangedAtTheSplit(Path savepoints, String[] before, String[] after) throws Exception {
        String topic = stack.topic(2);
        String db = stack.database();
        StaffroomConfig first = rig.config(topic, db, concat(FaultRig.live(), before));
        rig.write(topic, records, 0, split);
        JobClient job = rig.submit(first, "staffroom-before");
        rig.awaitConsumed(first);
        String savepoint = job.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(FaultRig.WAIT.toMillis(), TimeUnit.MILLISECONDS);

        StaffroomConfig changed = rig.config(topic, db, concat(FaultRig.live(), after));
        JobClient resumed = rig.submit(changed, "staffroom-after", savepoint);
        rig.write(topic, records, split, records.size());
        rig.awaitConsumed(changed);
        assertThat(rig.restarts(resumed)).as("restarts after the change").isZero();
        FaultRig.drain(resumed, savepoints);
        return db;
    }

    private static String[] concat(String[] a, String[] b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(new String[0]);
    }

    @Test
    void aChatRemovedAndAChatMovedKeepTheirPastAndFollowTheNewCalendar(@TempDir Path dir) throws Exception {
        Path moved = Files.writeString(dir.resolve("chats.json"), MOVED);
        String db = runChangedAtTheSplit(dir, new String[] {"--window-sizes", "30m,1h,1d"},
                new String[] {"--window-sizes", "30m,1h,1d", "--chats", moved.toString()});

        String ended = "SELECT * FROM chat_session_metrics WHERE session_end <= '" + SPLIT
                + "' ORDER BY chat_id, session_start";
        List<String> past = rig.rows(cleanDb, ended);
        assertThat(past).as("sessions over before the change").isNotEmpty();
        assertThat(withoutUpdatedAt(rig.rows(db, ended))).isEqualTo(withoutUpdatedAt(past));

        Set<String> inSession = authors(0, split, SESSION, SESSION.plus(Duration.ofMinutes(30)));
        Set<String> inMoved = authors(split, posts.size(), MOVED_START, MOVED_START.plus(Duration.ofDays(1)));
        assertThat(inMoved).as("the moved chat has posts to count").isNotEmpty();
        Set<String> retained = new HashSet<>(inSession);
        retained.retainAll(inMoved);
        assertThat(rig.rows(db, "SELECT session_start, session_end, participants, retained_from_previous, is_final "
                + "FROM chat_session_metrics WHERE chat_id = 'ukedchat' AND session_end > '" + SPLIT
                + "' ORDER BY session_start")).containsExactly(
                "session_start=2025-01-16 20:00:00+00|session_end=2025-01-16 20:30:00+00|participants="
                        + inSession.size() + "|retained_from_previous=" + retainedFromWeekBefore(inSession)
                        + "|is_final=t",
                "session_start=2025-01-17 18:30:00+00|session_end=2025-01-18 18:30:00+00|participants="
                        + inMoved.size() + "|retained_from_previous=" + retained.size() + "|is_final=t");
        assertThat(rig.rows(db, "SELECT 1 FROM chat_session_metrics WHERE chat_id = 'primedchat' AND session_end > '"
                + SPLIT + "'")).as("no session of the removed chat after it left").isEmpty();
        assertThat(rig.rows(db, "SELECT chat_id, active FROM chats ORDER BY chat_id")).containsExactly(
                "chat_id=primedchat|active=f", "chat_id=sltchat|active=t", "chat_id=ukedchat|active=t");
        assertThat(openRows(db)).as("every window final once event time passed it").isZero();
    }

    @Test
    void aWindowSizeRemovedAndAnotherDayZoneKeepWhatWasCountedAndFollowTheNewOptions(@TempDir Path dir)
            throws Exception {
        String db = runChangedAtTheSplit(dir, new String[] {"--window-sizes", "30m,1h,1d"},
                new String[] {"--window-sizes", "30m,1d", "--day-zone", "Asia/Kolkata"});

        String ended = "SELECT * FROM hashtag_window_metrics WHERE window_end <= '" + SPLIT
                + "' ORDER BY hashtag, window_size, window_start";
        assertThat(withoutUpdatedAt(rig.rows(db, ended))).isEqualTo(withoutUpdatedAt(rig.rows(cleanDb, ended)));

        Instant hour = Instant.parse("2025-01-16T20:00:00Z");
        assertThat(rig.rows(db, "SELECT window_start, posts, is_final FROM hashtag_window_metrics "
                + "WHERE hashtag = 'ukedchat' AND window_size = '1h' AND window_end > '" + SPLIT + "'"))
                .as("the hour open at the change, with what it had counted; no hour after it").containsExactly(
                        "window_start=2025-01-16 20:00:00+00|posts=" + count("ukedchat", 0, split, hour,
                                hour.plus(Duration.ofHours(1))) + "|is_final=t");
        Instant utcDay = Instant.parse("2025-01-16T00:00:00Z");
        Instant indianDay = Instant.parse("2025-01-16T18:30:00Z");
        assertThat(rig.rows(db, "SELECT window_start, window_end, posts FROM hashtag_window_metrics "
                + "WHERE hashtag = 'ukedchat' AND window_size = '1d' AND window_start >= '" + utcDay
                + "' AND window_start <= '" + indianDay + "' ORDER BY window_start")).containsExactly(
                "window_start=2025-01-16 00:00:00+00|window_end=2025-01-17 00:00:00+00|posts="
                        + count("ukedchat", 0, split, utcDay, utcDay.plus(Duration.ofDays(1))),
                "window_start=2025-01-16 18:30:00+00|window_end=2025-01-17 18:30:00+00|posts="
                        + count("ukedchat", split, posts.size(), indianDay, indianDay.plus(Duration.ofDays(1))));
        assertThat(openRows(db)).as("every window final once event time passed it").isZero();
    }

    /** Distinct authors of #ukedchat posts {@code from} (inclusive) to {@code to} created in [start, end). */
    private static Set<String> authors(int from, int to, Instant start, Instant end) {
        Set<String> authors = new HashSet<>();
        for (Post p : tagged("ukedchat", from, to, start, end)) {
            authors.add(p.authorId);
        }
        return authors;
    }

    private static long count(String hashtag, int from, int to, Instant start, Instant end) {
        return tagged(hashtag, from, to, start, end).size();
    }

    /** The posts {@code from} (inclusive) to {@code to} for the hashtag, created in [start, end). */
    private static List<Post> tagged(String hashtag, int from, int to, Instant start, Instant end) {
        return posts.subList(from, to).stream().filter(p -> List.of(p.hashtags).contains(hashtag)
                && p.createdAt >= start.toEpochMilli() && p.createdAt < end.toEpochMilli()).toList();
    }

    /** The participants of the session a week before the split's who are in it again. */
    private static long retainedFromWeekBefore(Set<String> inSession) {
        Instant weekBefore = SESSION.minus(Duration.ofDays(7));
        Set<String> before = authors(0, split, weekBefore, weekBefore.plus(Duration.ofMinutes(30)));
        before.retainAll(inSession);
        return before.size();
    }

    private static long openRows(String db) throws Exception {
        long open = 0;
        for (String table : List.of("hashtag_window_metrics", "chat_session_metrics", "chat_week_metrics")) {
            open += rig.rows(db, "SELECT 1 FROM " + table + " WHERE NOT is_final").size();
        }
        return open;
    }

    private static List<String> withoutUpdatedAt(List<String> rows) {
        return rows.stream().map(r -> r.replaceAll("\\|updated_at=[^|]*", "")).toList();
    }
}
