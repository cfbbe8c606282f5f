package org.staffroom.datagen.generator;

import java.util.SplittableRandom;

/**
 * Everyday posting outside the chats, at the configured average rate shaped by
 * {@link DiurnalProfile}. Authors are picked by activity among those already posting.
 *
 * <p>Kinds: 26% retweets, 12% replies, 4% quotes of recent posts on the same platform (fewer at
 * the very start, before there is anything to react to); the rest are originals. Originals: 8%
 * chatter without hashtags; by main hashtag 26% #edchat, 8% #UKEdChat, 3% #SLTchat, 4%
 * #primedchat, 10% #teacher5aday, 9% #sharingiscaring, 1.5% #TwitteratiChallenge, 11%
 * #edutwitter, 19.5% a topical one (#edresearch, #SEND, #maths, …); between 05:00 and 07:30 UK
 * time 40% of originals are #earlybirds instead. Topical originals are half link shares, a quarter
 * questions and a quarter reflections; 35% add a second hashtag, 12% credit a colleague.
 */
final class BackgroundTraffic extends Traffic {
    static final double RETWEET = 0.26;
    static final double REPLY = 0.12;
    static final double QUOTE = 0.04;
    /** Recent posts stay referable this long (a day and a half of attention). */
    static final long REFERABLE = 36 * LocalClock.HOUR;
    static final int EARLY_FROM = 5 * 60;
    static final int EARLY_UNTIL = 7 * 60 + 30;

    private final Composer composer;
    private final Community community;
    private final LocalClock clock;
    private final RecentPosts[] recent;
    private final PiecewisePoisson arrivals;
    private final SplittableRandom random;

    BackgroundTraffic(int order, Composer composer, double postsPerHour, RecentPosts[] recent, SplittableRandom random) {
        super(order);
        this.composer = composer;
        this.community = composer.community;
        this.clock = composer.clock;
        this.recent = recent;
        this.random = random;
        int hours = clock.hours();
        long[] bounds = new long[hours + 1];
        double[] rates = new double[hours];
        for (int h = 0; h < hours; h++) {
            long at = clock.hourStart(h);
            bounds[h] = at;
            rates[h] = postsPerHour / LocalClock.HOUR * DiurnalProfile.weight(clock.localDayOfWeek(at), clock.localHour(at));
        }
        bounds[hours] = clock.end;
        this.arrivals = new PiecewisePoisson(bounds, rates);
        this.next = arrivals.next(clock.start, random);
    }

    @Override
    void emit(GeneratedPost p, long id) {
        long t = next;
        SplittableRandom r = random;
        int author = community.pickAuthor(r, t);
        composer.begin(p, id, t, author, r);
        RecentPosts ring = recent[p.platform];
        double u = r.nextDouble();
        GeneratedPost target = u < RETWEET + REPLY + QUOTE ? ring.pick(r, t) : null;
        if (target != null && target.author == author) {
            target = null; // no self-amplification: write something new instead
        }
        if (target != null && u < RETWEET) {
            composer.retweet(p, target);
        } else {
            if (target != null && u < RETWEET + REPLY) {
                composer.reply(p, target, r);
            } else if (target != null) {
                composer.quote(p, target, r);
            } else {
                original(p, t, r);
            }
            ring.add(p, referableUntil(p, t));
        }
        next = arrivals.next(t, r);
    }

    /** #earlybirds is a morning greeting: nobody retweets it after 07:30. */
    long referableUntil(GeneratedPost p, long t) {
        long until = t + REFERABLE;
        if (p.hasTag(Hashtags.EARLYBIRDS)) {
            until = Math.min(until, clock.sameLocalDayAt(t, EARLY_UNTIL));
        }
        return until;
    }

    private void original(GeneratedPost p, long t, SplittableRandom r) {
        int minute = clock.localMinuteOfDay(t);
        if (minute >= EARLY_FROM && minute < EARLY_UNTIL && r.nextDouble() < 0.4) {
            earlyBird(p, r);
            return;
        }
        int u = r.nextInt(1000);
        if (u < 80) {
            chatter(p, r);
        } else if (u < 340) {
            topical(p, Hashtags.EDCHAT, r);
        } else if (u < 420) {
            topical(p, Hashtags.UKEDCHAT, r);
        } else if (u < 520) {
            fiveADay(p, r);
        } else if (u < 610) {
            resource(p, r);
        } else if (u < 625) {
            nomination(p, r);
        } else if (u < 655) {
            topical(p, Hashtags.SLTCHAT, r);
        } else if (u < 695) {
            topical(p, Hashtags.PRIMEDCHAT, r);
        } else if (u < 805) {
            topical(p, Hashtags.EDUTWITTER, r);
        } else {
            topical(p, null, r);
        }
    }

    /** A link share, a question or a reflection on a topic, tagged with {@code main} (or the topic's own tag). */
    private void topical(GeneratedPost p, Tag main, SplittableRandom r) {
        int topic = Composer.topic(r);
        Tag topicTag = Phrases.TOPIC_TAGS[topic];
        if (main == null) {
            main = topicTag != null ? topicTag : Hashtags.EDRESEARCH;
            topicTag = Hashtags.EDCHAT;
        }
        double k = r.nextDouble();
        if (k < 0.5) {
            composer.say(p, Phrases.pick(Phrases.SHARE_OPENERS, r), topic, 0, r);
            p.text.append(Phrases.pick(Phrases.SHARE_CLOSERS, r));
            if (r.nextDouble() < 0.7) {
                composer.url(p, Phrases.pick(Phrases.RESEARCH_URLS, r));
            } else {
                composer.blogUrl(p, r);
            }
        } else if (k < 0.75) {
            composer.say(p, Phrases.pick(Phrases.QUESTIONS, r), topic, 0, r);
        } else {
            composer.say(p, Phrases.pick(Phrases.REFLECTIONS, r), topic, 0, r);
        }
        if (r.nextDouble() < 0.12) {
            creditColleague(p, r);
        }
        composer.tag(p, main, r);
        if (r.nextDouble() < 0.35) {
            composer.tag(p, topicTag != null ? topicTag : Hashtags.EDUTWITTER, r);
        }
        if (r.nextDouble() < 0.08) {
            composer.tag(p, r.nextBoolean() ? Hashtags.EDUTWITTER : Hashtags.EDCHAT, r);
        }
    }

    private void creditColleague(GeneratedPost p, SplittableRandom r) {
        int colleague = community.pickAnyone(r);
        if (colleague != p.author) {
            composer.words(p, Phrases.pick(Phrases.VIA, r));
            composer.mention(p, colleague);
        }
    }

    private void earlyBird(GeneratedPost p, SplittableRandom r) {
        composer.words(p, Phrases.pick(Phrases.EARLYBIRDS, r));
        composer.tag(p, Hashtags.EARLYBIRDS, r);
        if (r.nextDouble() < 0.15) {
            composer.tag(p, Hashtags.TEACHER5ADAY, r);
        }
    }

    private void fiveADay(GeneratedPost p, SplittableRandom r) {
        composer.words(p, Phrases.pick(Phrases.FIVE_A_DAY, r));
        composer.tag(p, Hashtags.TEACHER5ADAY, r);
        if (r.nextDouble() < 0.4) {
            composer.tag(p, Hashtags.WELLBEING, r);
        }
    }

    private void resource(GeneratedPost p, SplittableRandom r) {
        int topic = Composer.topic(r);
        composer.say(p, Phrases.pick(Phrases.RESOURCES, r), topic, 0, r);
        if (r.nextDouble() < 0.75) {
            composer.url(p, Phrases.pick(Phrases.RESOURCE_URLS, r));
        } else {
            composer.blogUrl(p, r);
        }
        composer.tag(p, Hashtags.SHARINGISCARING, r);
        if (r.nextDouble() < 0.5) {
            Tag t = Phrases.TOPIC_TAGS[topic];
            composer.tag(p, t != null ? t : Hashtags.EDUTWITTER, r);
        }
    }

    /** #TwitteratiChallenge: name five colleagues (never oneself), who may pass it on. */
    private void nomination(GeneratedPost p, SplittableRandom r) {
        composer.words(p, Phrases.pick(Phrases.NOMINATIONS_BEFORE, r));
        composer.tag(p, Hashtags.TWITTERATI, r);
        composer.words(p, Phrases.pick(Phrases.NOMINATIONS_AFTER, r));
        int named = 0;
        for (int attempt = 0; named < 5 && attempt < 200; attempt++) {
            int m = community.pickAnyone(r);
            if (m != p.author && !community.isHost(m) && composer.mention(p, m)) {
                named++;
            }
        }
        for (int m = community.hostOf.length; named < 5; m++) { // a tiny community: name anyone left
            if (m != p.author && composer.mention(p, m)) {
                named++;
            }
        }
        if (r.nextDouble() < 0.3) {
            composer.tag(p, Hashtags.EDUTWITTER, r);
        }
    }

    private void chatter(GeneratedPost p, SplittableRandom r) {
        composer.words(p, Phrases.pick(Phrases.CHATTER, r));
    }
}
