package org.staffroom.datagen.generator;

import java.util.SplittableRandom;

/**
 * The last posts that others may still retweet, reply to or quote: a ring of copies, so references
 * always point to a post generated earlier. Picking favours the recent (attention fades within
 * hours) and, of two candidates, the author with more followers (big accounts get amplified).
 */
final class RecentPosts {
    private final GeneratedPost[] slots;
    private final long[] expires;
    private int next;
    private int count;

    RecentPosts(int capacity) {
        slots = new GeneratedPost[capacity];
        expires = new long[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = new GeneratedPost();
        }
    }

    /** Keeps a copy of {@code post}, which may be referenced until {@code expiresAt}. */
    void add(GeneratedPost post, long expiresAt) {
        slots[next].copyFrom(post);
        expires[next] = expiresAt;
        next = (next + 1) % slots.length;
        if (count < slots.length) {
            count++;
        }
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** A post still referable at {@code now} (the better-followed of two recent ones), or null. */
    GeneratedPost pick(SplittableRandom random, long now) {
        if (count == 0) {
            return null;
        }
        GeneratedPost best = null;
        int found = 0;
        for (int attempt = 0; attempt < 6 && found < 2; attempt++) {
            double u = random.nextDouble();
            int back = (int) (count * u * u * u);
            int i = Math.floorMod(next - 1 - back, slots.length);
            if (expires[i] <= now) {
                continue;
            }
            found++;
            if (best == null || slots[i].followers > best.followers) {
                best = slots[i];
            }
        }
        return best;
    }
}
