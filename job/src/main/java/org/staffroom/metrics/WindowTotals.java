package org.staffroom.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.staffroom.model.EngagementCounts;
import org.staffroom.model.ParticipantKey;
import org.staffroom.model.Post;
import org.staffroom.model.PostFlags;

/**
 * The post-level counts of one window, per platform; its participants are kept beside it (inside a
 * {@code WindowAccumulator} on the heap, as state entries of their own in RocksDB: see
 * {@code WindowStore}). Order-insensitive by construction: sums only.
 */
public class WindowTotals {
    /**
     * The post-level counts by platform; the participant-level ones are derived from the
     * participants on output. A one-platform window holds one set of counts, as before platforms
     * were compared; the all-platform counts are the sum.
     */
    public Map<String, EngagementCounts> byPlatform = new HashMap<>();
    /**
     * Where the window ends, fixed when it opens: a window opened under an earlier calendar, day
     * zone or duration ends where it was going to.
     */
    public long end;
    /** Whether a row for this window has been written (later changes must rewrite it). */
    public boolean emitted;

    public WindowTotals() {}

    public WindowTotals copy() {
        WindowTotals c = new WindowTotals();
        byPlatform.forEach((platform, counts) -> c.byPlatform.put(platform, counts.copy()));
        c.end = end;
        c.emitted = emitted;
        return c;
    }

    public void add(Post post, boolean cotag) {
        int f = post.flags;
        EngagementCounts c = byPlatform.computeIfAbsent(post.platform, p -> new EngagementCounts());
        c.posts++;
        c.originals += PostFlags.isOriginal(f) ? 1 : 0;
        c.retweets += PostFlags.has(f, PostFlags.RETWEET) ? 1 : 0;
        c.replies += PostFlags.has(f, PostFlags.REPLY) ? 1 : 0;
        c.quotes += PostFlags.has(f, PostFlags.QUOTE) ? 1 : 0;
        c.withLink += PostFlags.has(f, PostFlags.LINK) ? 1 : 0;
        c.withMention += PostFlags.has(f, PostFlags.MENTION) ? 1 : 0;
        c.withCotag += cotag ? 1 : 0;
        c.brokering += PostFlags.isBrokering(f) ? 1 : 0;
        c.questions += PostFlags.has(f, PostFlags.QUESTION) ? 1 : 0;
    }

    /** Posts in the window, on every platform. */
    public long posts() {
        long posts = 0;
        for (EngagementCounts c : byPlatform.values()) {
            posts += c.posts;
        }
        return posts;
    }

    /**
     * The window's counts per platform, by platform name in alphabetical order, given its
     * participants by {@link ParticipantKey}; {@code firstPostInWindow} tells whether a participant's
     * earliest post (for this hashtag or chat, on their platform) falls in this window, where their
     * activity does not know ({@link AuthorActivity#isNew}).
     */
    public Map<String, EngagementCounts> countsByPlatform(Map<String, AuthorActivity> participants,
            Predicate<String> firstPostInWindow) {
        if (byPlatform.size() == 1) {
            // one platform, the usual case: no key needs taking apart, no map needs sorting
            Map.Entry<String, EngagementCounts> only = byPlatform.entrySet().iterator().next();
            EngagementCounts c = only.getValue().copy();
            participants.forEach((participant, a) -> count(c, participant, a, firstPostInWindow));
            c.returningParticipants = c.participants - c.newParticipants;
            return Map.of(only.getKey(), c);
        }
        Map<String, EngagementCounts> counts = new TreeMap<>();
        byPlatform.forEach((platform, c) -> counts.put(platform, c.copy()));
        String[] platforms = counts.keySet().toArray(new String[0]);
        EngagementCounts[] platformCounts = counts.values().toArray(new EngagementCounts[0]);
        participants.forEach((participant, a) -> {
            int i = 0;
            // a few platforms: comparing in place is cheaper than cutting the platform out of every key
            while (!ParticipantKey.isOn(participant, platforms[i])) {
                i++;
            }
            count(platformCounts[i], participant, a, firstPostInWindow);
        });
        counts.values().forEach(c -> c.returningParticipants = c.participants - c.newParticipants);
        return counts;
    }

    private static void count(EngagementCounts c, String participant, AuthorActivity a,
            Predicate<String> firstPostInWindow) {
        c.participants++;
        c.contributors += a.nonRetweetPosts > 0 ? 1 : 0;
        c.reach += Math.max(0, a.maxFollowers);
        c.newParticipants += a.isNew(participant, firstPostInWindow) ? 1 : 0;
    }
}
