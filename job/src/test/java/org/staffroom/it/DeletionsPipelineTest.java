package org.staffroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.platforms.DeletionEvent;
import org.staffroom.platforms.PostEvent;

/**
 * Issue 13 item 4 on Kafka, a MiniCluster and PostgreSQL: posts, late posts and rejected records of
 * posts, then their deletions (one of them before its late post, one before its rejected record):
 * afterwards no content table holds them, and the metric rows are those of the same stream without
 * the deletions.
 */
class DeletionsPipelineTest extends StackTest {
    private static final List<String> METRIC_TABLES = SameRows.TABLES.stream()
            .filter(t -> !t.startsWith("late_posts")).toList();
    private static final String LATE = "SELECT id, scope FROM late_posts ORDER BY id, scope";
    private static final String REJECTED = "SELECT \"offset\", reason FROM rejected_posts ORDER BY \"offset\"";

    @TempDir
    Path dir;

    private static byte[] post(String id, String createdAt, String author, String text) {
        return PostEvent.of(id, createdAt, author).platform("twitter").text(text).toBytes();
    }

    private static byte[] deletion(String id, String reportedAt) {
        return new DeletionEvent("twitter", id, reportedAt).toBytes();
    }

    private static byte[] json(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void deletedPostsLeaveNoContentAndTheCountsStay() throws Exception {
        // --allowed-lateness 0s: once carol's post at 21:00 is read, the 20:00 session and half hour are final
        List<byte[]> posts = List.of(
                post("p1", "2025-01-09T20:01:00Z", "alice", "Q1 feedback #ukedchat"),
                post("p2", "2025-01-09T20:02:00Z", "bob", "A1 retrieval #ukedchat"),
                post("p3", "2025-01-09T21:00:00Z", "carol", "after the chat #edchat #ukedchat"),
                post("late1", "2025-01-09T20:10:00Z", "dave", "late to #ukedchat"),
                post("late2", "2025-01-09T20:12:00Z", "erin", "later to #ukedchat"),
                post("late3", "2025-01-09T20:15:00Z", "frank", "latest to #ukedchat"),
                json("{\"id\":\"r1\",\"platform\":\"twitter\",\"createdAt\":\"2025-13-01\",\"author\":{\"id\":\"gina\"},"
                        + "\"text\":\"my address is … #ukedchat\"}"),
                json("{\"conversionError\":\"x-v2: created_at is missing (tweets.jsonl line 7)\","
                        + "\"source\":{\"id\":\"r2\",\"author_id\":\"9\",\"text\":\"my phone is … #ukedchat\"}}"));
        List<byte[]> withDeletions = new ArrayList<>(posts);
        // late2's deletion before late2, r2's before its rejected record; the others after
        withDeletions.add(4, deletion("late2", "2025-01-10T08:00:00Z"));
        withDeletions.add(7, deletion("r2", null));
        withDeletions.addAll(List.of(
                deletion("p1", "2025-01-10T09:00:00Z"),
                deletion("late1", null),
                deletion("r1", "2025-01-10T09:30:00Z"),
                json("{\"deleted\":true,\"platform\":\"twitter\",\"createdAt\":\"2025-01-10T10:00:00Z\"}")));
        String plainTopic = stack.topic(1);
        stack.write(plainTopic, 0, posts);
        String deletingTopic = stack.topic(1);
        stack.write(deletingTopic, 0, withDeletions);
        String plain = stack.database();
        String deleting = stack.database();

        stack.runJob(plainTopic, plain, "--allowed-lateness", "0s");
        stack.runJob(deletingTopic, deleting, "--allowed-lateness", "0s");

        // without deletions, the late posts and the rejected records are kept
        assertThat(stack.rows(plain, LATE)).containsExactly(
                "id=late1|scope=chat:ukedchat", "id=late1|scope=hashtag:ukedchat",
                "id=late2|scope=chat:ukedchat", "id=late2|scope=hashtag:ukedchat",
                "id=late3|scope=chat:ukedchat", "id=late3|scope=hashtag:ukedchat");
        assertThat(stack.rows(plain, REJECTED)).containsExactly(
                "offset=6|reason=createdAt: '2025-13-01' is not an ISO-8601 instant with Z or an offset "
                        + "(e.g. 2025-03-30T19:00:00Z)",
                "offset=7|reason=not converted from its platform's format: x-v2: created_at is missing "
                        + "(tweets.jsonl line 7)");

        // with them, only what was not deleted, and the malformed deletion
        assertThat(stack.rows(deleting, LATE)).containsExactly(
                "id=late3|scope=chat:ukedchat", "id=late3|scope=hashtag:ukedchat");
        assertThat(stack.rows(deleting, REJECTED)).containsExactly(
                "offset=13|reason=deletion event: id: required field is missing");
        assertThat(stack.rows(deleting, "SELECT platform, id, deleted_at FROM deleted_posts ORDER BY id"))
                .containsExactly(
                        "platform=twitter|id=late1|deleted_at=null",
                        "platform=twitter|id=late2|deleted_at=2025-01-10 08:00:00+00",
                        "platform=twitter|id=p1|deleted_at=2025-01-10 09:00:00+00",
                        "platform=twitter|id=r1|deleted_at=2025-01-10 09:30:00+00",
                        "platform=twitter|id=r2|deleted_at=null");

        // the counts stay: p1 in its half hour and day, the late posts in their day (carol's is the chat's week)
        for (String table : METRIC_TABLES) {
            List<String> expected = stack.rows(plain, "SELECT * FROM " + table);
            assertThat(expected).as(table).isNotEmpty();
            SameRows.assertSame(table, expected, stack.rows(deleting, "SELECT * FROM " + table));
        }
        // under pseudonyms a deletion names its post by the pseudonym, as late_posts does; a raw record holds the
        // real id, so the rejected records of r1 and r2 stay until --keep-payloads (README, Security and privacy)
        Path key = dir.resolve("study.key");
        Files.write(key, "the key of this study, 32 bytes!".getBytes(StandardCharsets.UTF_8));
        String hidden = stack.database();
        stack.runJob(deletingTopic, hidden, "--allowed-lateness", "0s", "--pseudonymise-key-file", key.toString());
        assertThat(stack.rows(hidden, "SELECT scope FROM late_posts ORDER BY scope"))
                .containsExactly("scope=chat:ukedchat", "scope=hashtag:ukedchat");
        assertThat(stack.rows(hidden, "SELECT \"offset\" FROM rejected_posts ORDER BY \"offset\""))
                .containsExactly("offset=8", "offset=9", "offset=13");

        assertThat(stack.rows(deleting, "SELECT window_size, posts, participants FROM hashtag_window_metrics "
                + "WHERE hashtag = 'ukedchat' ORDER BY window_size, window_start")).containsExactly(
                "window_size=1d|posts=6|participants=6", "window_size=30m|posts=2|participants=2",
                "window_size=30m|posts=1|participants=1");
    }
}
