package org.staffroom.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.staffroom.model.Post;
import org.staffroom.model.PostFlags;

/**
 * Everything one window needs to produce its row: the post counts and, per participant, what the
 * participant-level metrics need. Order-insensitive by construction (sums, maxima, set members).
 */
public class WindowAccumulator {
    /** The post-level counts; the participant-level ones are derived from {@link #authors} on output. */
    public EngagementCounts posts = new EngagementCounts();
    public Map<String, AuthorActivity> authors = new HashMap<>();
    /** Posts mentioning each account; kept, like the participants' handles, only where top accounts are ranked. */
    public Map<String, Long> mentions = new HashMap<>();
    /** Whether a row for this window has been written (later changes must rewrite it). */
    public boolean emitted;

    public WindowAccumulator() {}

    public void add(Post post, boolean cotag, boolean ranksAccounts) {
        int f = post.flags;
        EngagementCounts c = posts;
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

        if (ranksAccounts) {
            for (String m : post.mentions) {
                mentions.merge(m, 1L, Long::sum);
            }
        }
        AuthorActivity a = authors.computeIfAbsent(post.authorId, k -> new AuthorActivity());
        a.maxFollowers = Math.max(a.maxFollowers, post.followers);
        a.nonRetweetPosts += PostFlags.has(f, PostFlags.RETWEET) ? 0 : 1;
        if (ranksAccounts && post.authorHandle != null && (post.createdAt > a.handleAt
                || post.createdAt == a.handleAt && post.authorHandle.compareTo(a.handle) < 0)) {
            a.handle = post.authorHandle;
            a.handleAt = post.createdAt;
        }
    }

    /**
     * The window's counts; {@code isNew} tells whether a participant's earliest post (for this
     * hashtag or chat) falls in this window.
     */
    public EngagementCounts counts(Predicate<String> isNew) {
        EngagementCounts c = posts.copy();
        for (Map.Entry<String, AuthorActivity> e : authors.entrySet()) {
            AuthorActivity a = e.getValue();
            c.participants++;
            c.contributors += a.nonRetweetPosts > 0 ? 1 : 0;
            c.reach += Math.max(0, a.maxFollowers);
            c.newParticipants += isNew.test(e.getKey()) ? 1 : 0;
        }
        c.returningParticipants = c.participants - c.newParticipants;
        return c;
    }
}
