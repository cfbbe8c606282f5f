package org.staffroom.model;

import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A parsed, validated post: only what the metrics need, with hashtags and mentions already
 * normalised and de-duplicated. Crosses operators in {@link PostSerializer}'s format.
 */
@TypeInfo(PostSerializer.TypeFactory.class)
public class Post {
    public String platform;
    public String id;
    /** Event time, epoch milliseconds. */
    public long createdAt;
    /** When the job read the record, epoch milliseconds. */
    public long receivedAt;
    public String authorId;
    /** Screen name without '@', or null when unknown. */
    public String authorHandle;
    /** Follower count when the post was made, or -1 when unknown. */
    public long followers;
    /** Normalised, distinct hashtags in order of first appearance. */
    public String[] hashtags;
    /** Normalised ('@' stripped, lower-case), distinct mentions. */
    public String[] mentions;
    /** {@link PostFlags} bits. */
    public int flags;
    /**
     * The event time its partition had reached with this post (its latest createdAt so far, less the
     * out-of-orderness): whether the post is late is decided by this, which is the same in every run
     * over the same partition, and never behind any watermark the post meets downstream. Unset
     * ({@code Long.MIN_VALUE}) outside the job's source.
     */
    public long eventTimeAtRead = Long.MIN_VALUE;

    public Post() {}

    public boolean has(int flag) {
        return PostFlags.has(flags, flag);
    }

    /** The followers count that reach adds up: unknown counts as 0. */
    public long knownFollowers() {
        return Math.max(0, followers);
    }

    /** The de-duplication key of contract §1: (platform, id). */
    public String identity() {
        return platform + '\u0000' + id;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Post)) {
            return false;
        }
        Post p = (Post) o;
        return createdAt == p.createdAt && receivedAt == p.receivedAt && followers == p.followers
                && flags == p.flags && Objects.equals(platform, p.platform) && Objects.equals(id, p.id)
                && Objects.equals(authorId, p.authorId) && Objects.equals(authorHandle, p.authorHandle)
                && Arrays.equals(hashtags, p.hashtags) && Arrays.equals(mentions, p.mentions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(platform, id, createdAt);
    }

    @Override
    public String toString() {
        return "Post{" + platform + '/' + id + " at " + createdAt + " by " + authorId
                + " tags=" + Arrays.toString(hashtags) + " flags=" + flags + '}';
    }
}
