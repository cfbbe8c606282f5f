package org.staffroom.datagen.generator;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The educators who post: who they are, how much they post, how far they reach, and when they
 * start. Held as parallel arrays (one index per educator) so that a million of them stay small and
 * picking an author is an array lookup.
 *
 * <ul>
 *   <li><b>Activity</b> follows Zipf's law over a random ranking (weight {@code rank^-0.8}): a
 *       few accounts post all the time, most now and then.
 *   <li><b>Followers</b> are log-normal (median about 300, σ = 1.3 in log space), a little higher
 *       for the more active, clamped to 3…80,000; 4% of Twitter accounts and 30% of the others
 *       have no known count.
 *   <li><b>Newcomers</b>: about 3% of the community joins each week (at most 45% over the run).
 *       Half of them post in the week they join, the others lurk for 1–8 weeks first. Their first
 *       post is often in a chat they follow; half of them return afterwards, the others fall
 *       silent after that evening.
 *   <li><b>Chat regulars</b>: 30% follow #UKEdChat, primary teachers #primedchat, school leaders
 *       #SLTchat; each chat's own account is member 0, 1 or 2.
 * </ul>
 */
final class Community {
    static final byte TWITTER = 0;
    static final byte MASTODON = 1;
    static final byte BLUESKY = 2;
    static final String[] PLATFORMS = {"twitter", "mastodon", "bluesky"};

    static final int SECONDARY = 0;
    static final int PRIMARY = 1;
    static final int LEADER = 2;
    static final int OTHER = 3;

    /** Posting since before the run. */
    static final long FOUNDER = Long.MIN_VALUE;
    /** Not posting within the run. */
    static final long NEVER = Long.MAX_VALUE;
    /** A newcomer who does not return may still post for the rest of that evening. */
    static final long NON_RETURNER_STAY = 3 * LocalClock.HOUR;

    static final int MIN_FOLLOWERS = 3;
    static final int MAX_FOLLOWERS = 80_000;
    static final long AUTHOR_ID_BASE = 10_000_000L;
    /** Below 1, so that the most active account writes a few percent of the posts, not an eighth. */
    static final double ZIPF_EXPONENT = 0.8;
    private static final int MEMBER_BITS = 23;

    final int size;
    final byte[][] handle;
    /** Follower count at the start of the run; -1 when the platform does not tell. */
    final int[] followers;
    final byte[] platform;
    final byte[] role;
    final double[] weight;
    /** -1 for founders; a newcomer's week of joining (and starting to lurk). */
    final int[] joinWeek;
    final int[] lurkWeeks;
    final boolean[] returns;
    /** Bit c set: a regular of chat c. */
    final byte[] chats;
    /** When the first post within the run is made: {@link #FOUNDER}, an instant, or {@link #NEVER}. */
    final long[] debutAt;
    /** The chat index of the session a newcomer first posts in, or -1. */
    final byte[] debutChat;
    /** Newcomers' first posts, in time order: {@code (debutAt - start) << 23 | member}. */
    final long[] debuts;
    final int[] hostOf;

    private final AliasTable activity;
    private final int[][] regulars;
    private final AliasTable[] regularAlias;

    private Community(int size) {
        this.size = size;
        handle = new byte[size][];
        followers = new int[size];
        platform = new byte[size];
        role = new byte[size];
        weight = new double[size];
        joinWeek = new int[size];
        lurkWeeks = new int[size];
        returns = new boolean[size];
        chats = new byte[size];
        debutAt = new long[size];
        debutChat = new byte[size];
        hostOf = new int[ChatSchedule.UK.size()];
        debuts = null;
        activity = null;
        regulars = null;
        regularAlias = null;
    }

    private Community(Community draft, long[] debuts, AliasTable activity, int[][] regulars, AliasTable[] regularAlias) {
        this.size = draft.size;
        this.handle = draft.handle;
        this.followers = draft.followers;
        this.platform = draft.platform;
        this.role = draft.role;
        this.weight = draft.weight;
        this.joinWeek = draft.joinWeek;
        this.lurkWeeks = draft.lurkWeeks;
        this.returns = draft.returns;
        this.chats = draft.chats;
        this.debutAt = draft.debutAt;
        this.debutChat = draft.debutChat;
        this.hostOf = draft.hostOf;
        this.debuts = debuts;
        this.activity = activity;
        this.regulars = regulars;
        this.regularAlias = regularAlias;
    }

    static Community build(GeneratorConfig config, List<ChatSchedule.Session> sessions, SplittableRandom random) {
        int n = config.community();
        int weeks = config.weeks();
        Community c = new Community(n);
        Handles handles = new Handles();
        int hosts = ChatSchedule.UK.size();

        // activity: Zipf over a random ranking, so index and activity are unrelated
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rank[i];
            rank[i] = rank[j];
            rank[j] = t;
        }
        double medianWeight = StrictMath.pow(n / 2.0 + 1, -ZIPF_EXPONENT);

        // newcomers: the last indices, joining week by week
        int perWeek = Math.max(1, (int) Math.round(0.03 * n));
        int maxNewcomers = (int) (0.45 * (n - hosts));
        if ((long) perWeek * weeks > maxNewcomers) {
            perWeek = Math.max(1, maxNewcomers / weeks);
        }
        int newcomers = Math.min(perWeek * weeks, maxNewcomers);
        int firstNewcomer = n - newcomers;

        for (int m = 0; m < n; m++) {
            c.weight[m] = StrictMath.pow(rank[m] + 1, -ZIPF_EXPONENT);
            if (m < hosts) {
                ChatSchedule.Chat chat = ChatSchedule.UK.get(m);
                c.hostOf[chat.index] = m;
                c.handle[m] = ByteText.utf8(handles.reserve(chat.hostHandle));
                c.role[m] = OTHER;
                c.platform[m] = TWITTER;
                c.followers[m] = 12_000 + random.nextInt(28_000);
            } else {
                double u = random.nextDouble();
                int role = u < 0.38 ? SECONDARY : u < 0.70 ? PRIMARY : u < 0.88 ? LEADER : OTHER;
                c.role[m] = (byte) role;
                c.handle[m] = ByteText.utf8(handles.next(role, random));
                double p = random.nextDouble();
                c.platform[m] = p < 0.86 ? TWITTER : p < 0.95 ? MASTODON : BLUESKY;
                boolean unknown = random.nextDouble() < (c.platform[m] == TWITTER ? 0.04 : 0.30);
                double logF = StrictMath.log(300) + 1.3 * gaussian(random) + 0.35 * StrictMath.log(c.weight[m] / medianWeight);
                int f = (int) Math.round(StrictMath.exp(logF));
                c.followers[m] = unknown ? -1 : Math.max(MIN_FOLLOWERS, Math.min(MAX_FOLLOWERS, f));
                c.chats[m] = (byte) regularOf(role, random);
            }
            if (m >= firstNewcomer) {
                c.joinWeek[m] = (m - firstNewcomer) / perWeek;
                c.lurkWeeks[m] = random.nextDouble() < 0.5 ? 0 : Math.min(8, 1 + geometric(random, 0.45));
                c.returns[m] = random.nextDouble() < 0.5;
            } else {
                c.joinWeek[m] = -1;
                c.returns[m] = true;
            }
        }

        // first posts: founders before the run, newcomers after lurking, in a chat or on an ordinary day
        ChatSchedule.Session[][] byWeek = new ChatSchedule.Session[weeks][ChatSchedule.UK.size()];
        for (ChatSchedule.Session s : sessions) {
            byWeek[s.week()][s.chat().index] = s;
        }
        long start = config.startInstant().toEpochMilli();
        int scheduled = 0;
        long[] packed = new long[newcomers];
        for (int m = 0; m < n; m++) {
            c.debutChat[m] = -1;
            if (m < firstNewcomer) {
                c.debutAt[m] = FOUNDER;
                continue;
            }
            int week = c.joinWeek[m] + c.lurkWeeks[m];
            if (week >= weeks) {
                c.debutAt[m] = NEVER;
                continue;
            }
            int chat = pickChat(c.chats[m], random);
            if (chat >= 0 && random.nextDouble() < 0.45) {
                ChatSchedule.Session s = byWeek[week][chat];
                long span = s.endMillis() - s.startMillis() - 2 * LocalClock.MINUTE;
                c.debutAt[m] = s.startMillis() + LocalClock.MINUTE + (long) (random.nextDouble() * span);
                c.debutChat[m] = (byte) chat;
            } else {
                LocalDate day = config.start().plusDays(7L * week + random.nextInt(7));
                int second = 6 * 3600 + 1800 + random.nextInt(15 * 3600 + 1800); // 06:30–22:00
                c.debutAt[m] = ZonedDateTime.of(day, LocalTime.ofSecondOfDay(second), GeneratorConfig.ZONE)
                        .toInstant().toEpochMilli();
            }
            packed[scheduled++] = (c.debutAt[m] - start) << MEMBER_BITS | m;
        }
        long[] debuts = Arrays.copyOf(packed, scheduled);
        Arrays.sort(debuts);

        int[][] regulars = new int[ChatSchedule.UK.size()][];
        AliasTable[] regularAlias = new AliasTable[regulars.length];
        for (int chat = 0; chat < regulars.length; chat++) {
            int count = 0;
            for (int m = hosts; m < n; m++) {
                if ((c.chats[m] & (1 << chat)) != 0) {
                    count++;
                }
            }
            if (count == 0) { // a tiny community: everyone may drop in
                c.chats[hosts] |= (byte) (1 << chat);
                count = 1;
            }
            int[] members = new int[count];
            double[] weights = new double[count];
            int i = 0;
            for (int m = hosts; m < n; m++) {
                if ((c.chats[m] & (1 << chat)) != 0) {
                    members[i] = m;
                    weights[i++] = c.weight[m];
                }
            }
            regulars[chat] = members;
            regularAlias[chat] = new AliasTable(weights);
        }
        return new Community(c, debuts, new AliasTable(c.weight), regulars, regularAlias);
    }

    /** Chats followed, as bits: #UKEdChat by anyone, #primedchat by primary staff, #SLTchat by leaders. */
    private static int regularOf(int role, SplittableRandom r) {
        int bits = 0;
        if (r.nextDouble() < (role == LEADER ? 0.55 : role == OTHER ? 0.10 : 0.06)) {
            bits |= 1; // sltchat
        }
        if (r.nextDouble() < (role == PRIMARY ? 0.45 : role == LEADER ? 0.12 : 0.03)) {
            bits |= 2; // primedchat
        }
        if (r.nextDouble() < 0.30) {
            bits |= 4; // ukedchat
        }
        return bits;
    }

    private static int pickChat(int bits, SplittableRandom r) {
        int count = Integer.bitCount(bits);
        if (count == 0) {
            return -1;
        }
        int k = r.nextInt(count);
        for (int chat = 0; ; chat++) {
            if ((bits & (1 << chat)) != 0 && k-- == 0) {
                return chat;
            }
        }
    }

    /** Box–Muller, written out so that the stream does not depend on the JDK's Gaussian algorithm. */
    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }

    private static int geometric(SplittableRandom r, double p) {
        int k = 0;
        while (r.nextDouble() >= p && k < 64) {
            k++;
        }
        return k;
    }

    static int memberOf(long packedDebut) {
        return (int) (packedDebut & ((1 << MEMBER_BITS) - 1));
    }

    /** Whether {@code member} posts at {@code t}: after the first post, and for non-returners only that evening. */
    boolean canPost(int member, long t) {
        long d = debutAt[member];
        if (t <= d) {
            return false;
        }
        return returns[member] || t - d < NON_RETURNER_STAY;
    }

    /** An author for a post at {@code t}, by activity among those who post by then. */
    int pickAuthor(SplittableRandom r, long t) {
        for (int attempt = 0; attempt < 64; attempt++) {
            int m = activity.sample(r);
            if (canPost(m, t)) {
                return m;
            }
        }
        return hostOf[hostOf.length - 1];
    }

    /** Any educator by activity, posting or not (to be mentioned or nominated). */
    int pickAnyone(SplittableRandom r) {
        return activity.sample(r);
    }

    /** A regular of {@code chat} who posts at {@code t}, by activity. */
    int pickRegular(int chat, SplittableRandom r, long t) {
        int[] members = regulars[chat];
        for (int attempt = 0; attempt < 64; attempt++) {
            int m = members[regularAlias[chat].sample(r)];
            if (canPost(m, t)) {
                return m;
            }
        }
        return pickAuthor(r, t);
    }

    /** Followers at the given week of the run: accounts grow by about 0.7% a week; -1 when unknown. */
    long followersAt(int member, int week) {
        int f = followers[member];
        if (f < 0) {
            return -1;
        }
        return Math.min(MAX_FOLLOWERS, f + (long) f * week / 150);
    }

    boolean isHost(int member) {
        return member < hostOf.length;
    }
}
