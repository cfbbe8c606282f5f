package org.staffroom.model;

import java.util.Random;

/**
 * Records with random fields, seeded: edge values (null, empty, non-ASCII and unpaired surrogates,
 * the extreme longs and ints) as often as ordinary ones.
 */
final class RandomRecords {
    private static final String[] STRINGS = {null, "", "twitter", "edchat", "héllo wörld", "日本語の投稿", "\ud83d\ude00",
            "\ud800 lone surrogate", "платформа", "a\u0000b", "x".repeat(70_000)};
    private static final long[] LONGS = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1,
            1_577_836_800_000L, 1_741_000_000_000L, Integer.MIN_VALUE, Integer.MAX_VALUE};
    private static final int[] INTS = {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1, 63};

    private final Random random;

    RandomRecords(long seed) {
        random = new Random(seed);
    }

    String string() {
        if (random.nextBoolean()) {
            return STRINGS[random.nextInt(STRINGS.length)];
        }
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            // code points of every plane, surrogate halves included
            s.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x110000) : 'a' + random.nextInt(26));
        }
        return s.toString();
    }

    String[] strings() {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> new String[0];
            default -> {
                String[] strings = new String[1 + random.nextInt(4)];
                for (int i = 0; i < strings.length; i++) {
                    strings[i] = string();
                }
                yield strings;
            }
        };
    }

    long number() {
        return random.nextBoolean() ? LONGS[random.nextInt(LONGS.length)] : random.nextLong();
    }

    int integer() {
        return random.nextBoolean() ? INTS[random.nextInt(INTS.length)] : random.nextInt();
    }

    boolean bool() {
        return random.nextBoolean();
    }

    /** Mostly true: for the parts of a record that are usually there. */
    boolean usually() {
        return random.nextInt(5) > 0;
    }

    Post post() {
        Post p = new Post();
        p.platform = string();
        p.id = string();
        p.createdAt = number();
        p.receivedAt = number();
        p.authorId = string();
        p.authorHandle = string();
        p.followers = number();
        p.hashtags = strings();
        p.mentions = strings();
        p.flags = integer();
        p.eventTimeAtRead = number();
        return p;
    }

    ScopedPost scopedPost() {
        Post post = usually() ? post() : null;
        // a hashtag's scope is one of the post's hashtags
        boolean ofHashtag = post != null && post.hashtags != null && post.hashtags.length > 0 && bool();
        return new ScopedPost(ofHashtag ? post.hashtags[random.nextInt(post.hashtags.length)] : string(), post);
    }

    PostDeletion deletion() {
        PostDeletion d = new PostDeletion();
        d.platform = string();
        d.id = string();
        d.deletedAt = usually() ? number() : null;
        d.receivedAt = number();
        return d;
    }

    RejectedPost rejected() {
        RejectedPost r = new RejectedPost();
        r.receivedAt = number();
        r.topic = string();
        r.partition = integer();
        r.offset = number();
        r.reason = string();
        r.payload = string();
        r.payloadBytes = integer();
        return r;
    }

    ParsedRecord parsedRecord() {
        ParsedRecord r = new ParsedRecord();
        r.post = bool() ? post() : null;
        r.deletion = bool() ? deletion() : null;
        r.rejected = bool() ? rejected() : null;
        r.partition = integer();
        return r;
    }

    LatePost latePost() {
        LatePost l = new LatePost();
        l.platform = string();
        l.id = string();
        l.scope = string();
        l.createdAt = number();
        l.receivedAt = number();
        l.hashtags = strings();
        l.missed = strings();
        return l;
    }

    TopAccount topAccount() {
        return new TopAccount(string(), string(), number(), string(), integer(), string(), number());
    }

    EngagementCounts counts() {
        EngagementCounts c = new EngagementCounts();
        c.posts = number();
        c.originals = number();
        c.retweets = number();
        c.replies = number();
        c.quotes = number();
        c.withLink = number();
        c.withMention = number();
        c.withCotag = number();
        c.brokering = number();
        c.questions = number();
        c.participants = number();
        c.contributors = number();
        c.newParticipants = number();
        c.returningParticipants = number();
        c.reach = number();
        return c;
    }

    WindowMetrics windowMetrics() {
        return new WindowMetrics(string(), string(), string(), number(), number(), usually() ? counts() : null, number(),
                bool());
    }
}
