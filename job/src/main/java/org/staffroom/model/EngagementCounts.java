package org.staffroom.model;

import java.util.Objects;

/**
 * The counts shared by hashtag windows and chat sessions (contract §4). Ratios are derived from
 * them in the database, so they are not carried here.
 */
public class EngagementCounts {
    public long posts;
    public long originals;
    public long retweets;
    public long replies;
    public long quotes;
    public long withLink;
    public long withMention;
    public long withCotag;
    public long brokering;
    public long questions;
    public long participants;
    public long contributors;
    public long newParticipants;
    public long returningParticipants;
    public long reach;

    public EngagementCounts() {}

    public EngagementCounts copy() {
        EngagementCounts c = new EngagementCounts();
        c.posts = posts;
        c.originals = originals;
        c.retweets = retweets;
        c.replies = replies;
        c.quotes = quotes;
        c.withLink = withLink;
        c.withMention = withMention;
        c.withCotag = withCotag;
        c.brokering = brokering;
        c.questions = questions;
        c.participants = participants;
        c.contributors = contributors;
        c.newParticipants = newParticipants;
        c.returningParticipants = returningParticipants;
        c.reach = reach;
        return c;
    }

    /** Adds {@code other}'s counts to these: the counts of two disjoint sets of posts and participants. */
    public void add(EngagementCounts other) {
        posts += other.posts;
        originals += other.originals;
        retweets += other.retweets;
        replies += other.replies;
        quotes += other.quotes;
        withLink += other.withLink;
        withMention += other.withMention;
        withCotag += other.withCotag;
        brokering += other.brokering;
        questions += other.questions;
        participants += other.participants;
        contributors += other.contributors;
        newParticipants += other.newParticipants;
        returningParticipants += other.returningParticipants;
        reach += other.reach;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EngagementCounts)) {
            return false;
        }
        EngagementCounts c = (EngagementCounts) o;
        return posts == c.posts && originals == c.originals && retweets == c.retweets && replies == c.replies
                && quotes == c.quotes && withLink == c.withLink && withMention == c.withMention
                && withCotag == c.withCotag && brokering == c.brokering && questions == c.questions
                && participants == c.participants && contributors == c.contributors
                && newParticipants == c.newParticipants && returningParticipants == c.returningParticipants
                && reach == c.reach;
    }

    @Override
    public int hashCode() {
        return Objects.hash(posts, participants, newParticipants, reach);
    }

    @Override
    public String toString() {
        return "posts=" + posts + " originals=" + originals + " retweets=" + retweets + " replies=" + replies
                + " quotes=" + quotes + " withLink=" + withLink + " withMention=" + withMention
                + " withCotag=" + withCotag + " brokering=" + brokering + " questions=" + questions
                + " participants=" + participants + " contributors=" + contributors
                + " new=" + newParticipants + " returning=" + returningParticipants + " reach=" + reach;
    }
}
