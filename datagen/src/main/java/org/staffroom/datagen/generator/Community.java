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

    // how a member is drawn (the shares the class comment gives)
    /** Roles by a uniform draw: secondary below 0.38, primary below 0.70, leaders below 0.88, others above. */
    private static final double SECONDARY_BELOW = 0.38;
    private static final double PRIMARY_BELOW = 0.70;
    private static final double LEADER_BELOW = 0.88;
    /** Platforms by a uniform draw: Twitter below 0.86, Mastodon below 0.95, Bluesky above. */
    private static final double TWITTER_BELOW = 0.86;
    private static final double MASTODON_BELOW = 0.95;
    private static final double UNKNOWN_FOLLOWERS_ON_TWITTER = 0.04;
    private static final double UNKNOWN_FOLLOWERS_ELSEWHERE = 0.30;
    private static final int MEDIAN_FOLLOWERS = 300;
    /** σ of the followers' log-normal. */
    private static final double FOLLOWERS_LOG_SIGMA = 1.3;
    /** Elasticity of followers to activity: the more active have a few more. */
    private static final double FOLLOWERS_BY_ACTIVITY = 0.35;
    private static final int HOST_MIN_FOLLOWERS = 12_000;
    private static final int HOST_FOLLOWERS_SPREAD = 28_000;

    // chats followed, by role: leaders #SLTchat, primary staff #primedchat, anyone #UKEdChat
    private static final double SLTCHAT_LEADERS = 0.55;
    private static final double SLTCHAT_OTHERS = 0.10;
    private static final double SLTCHAT_TEACHERS = 0.06;
    private static final double PRIMEDCHAT_PRIMARY = 0.45;
    private static final double PRIMEDCHAT_LEADERS = 0.12;
    private static final double PRIMEDCHAT_OTHERS = 0.03;
    private static final double UKEDCHAT_ANYONE = 0.30;

    // newcomers
    /** Share of the community joining each week. */
    private static final double NEWCOMERS_PER_WEEK = 0.03;
    /** Largest share of the community (hosts aside) that joins within the run. */
    private static final double MOST_NEWCOMERS = 0.45;
    /** Newcomers who post in the week they join; the others lurk first. */
    private static final double POSTS_IN_FIRST_WEEK = 0.5;
    private static final int MAX_LURK_WEEKS = 8;
    /** Each further week of lurking ends with this chance. */
    private static final double LURK_STOP_CHANCE = 0.45;
    /** Newcomers who come back after their first evening. */
    private static final double RETURNS = 0.5;
    /** Newcomers following a chat whose first post is in one of its sessions. */
    private static final double DEBUT_IN_CHAT = 0.45;
    /** A first post on an ordinary day falls between 06:30 and 22:00 UK time. */
    private static final int DEBUT_DAY_FROM_SECOND = 6 * 3600 + 1800;
    private static final int DEBUT_DAY_SECONDS = 15 * 3600 + 1800;

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
        Community c = new Community(config.community());
        int[] rank = randomRanking(c.size, random);
        Newcomers newcomers = Newcomers.plan(c.size, config.weeks(), ChatSchedule.UK.size());
        c.drawMembers(rank, newcomers, random);
        long[] debuts = c.scheduleDebuts(config, sessions, newcomers, random);
        int[][] regulars = c.regularsByChat();
        AliasTable[] regularAlias = new AliasTable[regulars.length];
        for (int chat = 0; chat < regulars.length; chat++) {
            double[] weights = new double[regulars[chat].length];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = c.weight[regulars[chat][i]];
            }
            regularAlias[chat] = new AliasTable(weights);
        }
        return new Community(c, debuts, new AliasTable(c.weight), regulars, regularAlias);
    }

    /** Activity ranks in a random order, so that index and activity are unrelated. */
    private static int[] randomRanking(int n, SplittableRandom random) {
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
        return rank;
    }

    /** Newcomers are the last indices, {@code perWeek} of them joining each week. */
    private record Newcomers(int perWeek, int count, int first) {
        static Newcomers plan(int n, int weeks, int hosts) {
            int perWeek = Math.max(1, (int) Math.round(NEWCOMERS_PER_WEEK * n));
            int most = (int) (MOST_NEWCOMERS * (n - hosts));
            if ((long) perWeek * weeks > most) {
                perWeek = Math.max(1, most / weeks);
            }
            int count = Math.min(perWeek * weeks, most);
            return new Newcomers(perWeek, count, n - count);
        }
    }

    /** Each member's activity, role, handle, platform, followers, chats, and as a newcomer when they join. */
    private void drawMembers(int[] rank, Newcomers newcomers, SplittableRandom random) {
        Handles handles = new Handles();
        int hosts = hostOf.length;
        double medianWeight = StrictMath.pow(size / 2.0 + 1, -ZIPF_EXPONENT);
        for (int m = 0; m < size; m++) {
            weight[m] = StrictMath.pow(rank[m] + 1, -ZIPF_EXPONENT);
            if (m < hosts) {
                drawHost(m, handles, random);
            } else {
                drawEducator(m, medianWeight, handles, random);
            }
            if (m >= newcomers.first()) {
                joinWeek[m] = (m - newcomers.first()) / newcomers.perWeek();
                lurkWeeks[m] = random.nextDouble() < POSTS_IN_FIRST_WEEK ? 0
                        : Math.min(MAX_LURK_WEEKS, 1 + geometric(random, LURK_STOP_CHANCE));
                returns[m] = random.nextDouble() < RETURNS;
            } else {
                joinWeek[m] = -1;
                returns[m] = true;
            }
        }
    }

    /** A chat's own account: on Twitter, with a large following. */
    private void drawHost(int m, Handles handles, SplittableRandom random) {
        ChatSchedule.Chat chat = ChatSchedule.UK.get(m);
        hostOf[chat.index] = m;
        handle[m] = ByteText.utf8(handles.reserve(chat.hostHandle));
        role[m] = OTHER;
        platform[m] = TWITTER;
        followers[m] = HOST_MIN_FOLLOWERS + random.nextInt(HOST_FOLLOWERS_SPREAD);
    }

    private void drawEducator(int m, double medianWeight, Handles handles, SplittableRandom random) {
        double u = random.nextDouble();
        int drawn = u < SECONDARY_BELOW ? SECONDARY : u < PRIMARY_BELOW ? PRIMARY : u < LEADER_BELOW ? LEADER : OTHER;
        role[m] = (byte) drawn;
        handle[m] = ByteText.utf8(handles.next(drawn, random));
        double p = random.nextDouble();
        platform[m] = p < TWITTER_BELOW ? TWITTER : p < MASTODON_BELOW ? MASTODON : BLUESKY;
        boolean unknown = random.nextDouble() < (platform[m] == TWITTER
                ? UNKNOWN_FOLLOWERS_ON_TWITTER : UNKNOWN_FOLLOWERS_ELSEWHERE);
        double logF = StrictMath.log(MEDIAN_FOLLOWERS) + FOLLOWERS_LOG_SIGMA * gaussian(random)
                + FOLLOWERS_BY_ACTIVITY * StrictMath.log(weight[m] / medianWeight);
        int f = (int) Math.round(StrictMath.exp(logF));
        followers[m] = unknown ? -1 : Math.max(MIN_FOLLOWERS, Math.min(MAX_FOLLOWERS, f));
        chats[m] = (byte) regularOf(drawn, random);
    }

    /**
     * First posts: founders before the run, newcomers after lurking, in a chat or on an ordinary
     * day; returns the newcomers' first posts packed and in time order.
     */
    private long[] scheduleDebuts(GeneratorConfig config, List<ChatSchedule.Session> sessions, Newcomers newcomers,
                                  SplittableRandom random) {
        int weeks = config.weeks();
        ChatSchedule.Session[][] byWeek = new ChatSchedule.Session[weeks][ChatSchedule.UK.size()];
        for (ChatSchedule.Session s : sessions) {
            byWeek[s.week()][s.chat().index] = s;
        }
        long start = config.startInstant().toEpochMilli();
        int scheduled = 0;
        long[] packed = new long[newcomers.count()];
        for (int m = 0; m < size; m++) {
            debutChat[m] = -1;
            if (m < newcomers.first()) {
                debutAt[m] = FOUNDER;
                continue;
            }
            int week = joinWeek[m] + lurkWeeks[m];
            if (week >= weeks) {
                debutAt[m] = NEVER;
                continue;
            }
            int chat = pickChat(chats[m], random);
            if (chat >= 0 && random.nextDouble() < DEBUT_IN_CHAT) {
                ChatSchedule.Session s = byWeek[week][chat];
                long span = s.endMillis() - s.startMillis() - 2 * LocalClock.MINUTE;
                debutAt[m] = s.startMillis() + LocalClock.MINUTE + (long) (random.nextDouble() * span);
                debutChat[m] = (byte) chat;
            } else {
                LocalDate day = config.start().plusDays(7L * week + random.nextInt(7));
                int second = DEBUT_DAY_FROM_SECOND + random.nextInt(DEBUT_DAY_SECONDS);
                debutAt[m] = ZonedDateTime.of(day, LocalTime.ofSecondOfDay(second), GeneratorConfig.ZONE)
                        .toInstant().toEpochMilli();
            }
            packed[scheduled++] = (debutAt[m] - start) << MEMBER_BITS | m;
        }
        long[] debuts = Arrays.copyOf(packed, scheduled);
        Arrays.sort(debuts);
        return debuts;
    }

    /** The regulars of each chat (hosts aside), in index order; a chat nobody follows gets the first educator. */
    private int[][] regularsByChat() {
        int hosts = hostOf.length;
        int[][] regulars = new int[ChatSchedule.UK.size()][];
        for (int chat = 0; chat < regulars.length; chat++) {
            int count = 0;
            for (int m = hosts; m < size; m++) {
                if ((chats[m] & (1 << chat)) != 0) {
                    count++;
                }
            }
            if (count == 0) { // a tiny community: everyone may drop in
                chats[hosts] |= (byte) (1 << chat);
                count = 1;
            }
            int[] members = new int[count];
            int i = 0;
            for (int m = hosts; m < size; m++) {
                if ((chats[m] & (1 << chat)) != 0) {
                    members[i++] = m;
                }
            }
            regulars[chat] = members;
        }
        return regulars;
    }

    /** Chats followed, as bits: #UKEdChat by anyone, #primedchat by primary staff, #SLTchat by leaders. */
    private static int regularOf(int role, SplittableRandom r) {
        int bits = 0;
        if (r.nextDouble() < (role == LEADER ? SLTCHAT_LEADERS : role == OTHER ? SLTCHAT_OTHERS : SLTCHAT_TEACHERS)) {
            bits |= 1; // sltchat
        }
        if (r.nextDouble() < (role == PRIMARY ? PRIMEDCHAT_PRIMARY : role == LEADER ? PRIMEDCHAT_LEADERS
                : PRIMEDCHAT_OTHERS)) {
            bits |= 2; // primedchat
        }
        if (r.nextDouble() < UKEDCHAT_ANYONE) {
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
