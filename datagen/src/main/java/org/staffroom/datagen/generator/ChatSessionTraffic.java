package org.staffroom.datagen.generator;

import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * One occurrence of a weekly chat. The chat's account posts on a fixed script: a promotion half an
 * hour before (naming tonight's guest host), a welcome at the start, a question every five minutes
 * ({@code Q1: …?} to {@code Q5: …?}) and thanks at the end. Regulars post around it as a Poisson
 * burst: 5% in the quarter hour before, 80% during the session, 15% in the half hour after,
 * tailing off.
 *
 * <p>During the session: 50% answers ({@code A2 …}, 55% of them threaded under the question, 30%
 * mentioning the host), 14% replies to each other, 17% retweets (half of them of the current
 * question), 2% quotes, 6% questions of their own, 6% links, the rest greetings; before the first
 * question, greetings and retweets of the welcome. Afterwards: thanks to the host, retweets and
 * replies. Session size: {@code postsPerMember × community}, ±25% from week to week.
 */
final class ChatSessionTraffic extends Traffic {
    static final long BEFORE = 15 * LocalClock.MINUTE;
    static final long AFTER = 30 * LocalClock.MINUTE;
    static final long PROMO_BEFORE = 30 * LocalClock.MINUTE;
    private static final double[] SHARES = {0.05, 0.80, 0.09, 0.04, 0.02};

    private static final byte[] GUEST_HOST = ByteText.utf8("Guest host:");
    private static final int PROMO = 0;
    private static final int WELCOME = 1;
    // 2 … 1 + questions: the questions; then the closing

    private final ChatSchedule.Session session;
    private final ChatSchedule.Chat chat;
    private final Composer composer;
    private final Community community;
    private final SplittableRandom random;
    private final PiecewisePoisson arrivals;
    private final long end;
    private final long[] hostTimes;
    private final int questions;
    private final int topic;
    private final int questionOffset;
    private final int host;
    private int hostIndex;
    private long nextParticipant;

    // the evening's state, allocated when it starts
    private RecentPosts thread;
    private GeneratedPost promo;
    private GeneratedPost welcome;
    private GeneratedPost question;
    private long[] questionIds;
    private int currentQuestion;
    private int guest = -1;
    /** Who has posted this evening: a greeting is said once. */
    private BitSet spoken;

    ChatSessionTraffic(int order, ChatSchedule.Session session, Composer composer, SplittableRandom random) {
        super(order);
        this.session = session;
        this.chat = session.chat();
        this.composer = composer;
        this.community = composer.community;
        this.random = random;
        this.end = composer.clock.end;
        this.host = community.hostOf[chat.index];
        this.topic = Composer.topic(random);
        this.questionOffset = random.nextInt(Phrases.CHAT_QUESTIONS.length);

        long s = session.startMillis();
        long e = session.endMillis();
        double expected = chat.postsPerMember * community.size * (0.75 + 0.5 * random.nextDouble());
        long[] bounds = {s - BEFORE, s, e, e + AFTER / 3, e + 2 * AFTER / 3, e + AFTER};
        double[] rates = new double[SHARES.length];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = expected * SHARES[i] / (bounds[i + 1] - bounds[i]);
        }
        this.arrivals = new PiecewisePoisson(bounds, rates);

        this.questions = (int) Math.max(1, (e - s - 5 * LocalClock.MINUTE) / (5 * LocalClock.MINUTE));
        this.hostTimes = new long[3 + questions];
        hostTimes[PROMO] = s - PROMO_BEFORE;
        hostTimes[WELCOME] = s;
        for (int q = 1; q <= questions; q++) {
            hostTimes[1 + q] = s + 2 * LocalClock.MINUTE + (q - 1) * 5 * LocalClock.MINUTE;
        }
        hostTimes[2 + questions] = e - 2 * LocalClock.MINUTE;
        long from = composer.clock.start;
        while (hostIndex < hostTimes.length && hostTimes[hostIndex] < from) {
            hostIndex++;
        }
        this.nextParticipant = arrivals.next(Math.max(from, s - BEFORE), random);
        schedule();
    }

    private void schedule() {
        long h = hostIndex < hostTimes.length ? hostTimes[hostIndex] : Long.MAX_VALUE;
        next = Math.min(h, nextParticipant);
        if (next >= end) {
            next = Long.MAX_VALUE;
        }
        if (next == Long.MAX_VALUE) {
            thread = null; // the evening is over: let its copies go
            promo = welcome = question = null;
            spoken = null;
        }
    }

    @Override
    void emit(GeneratedPost p, long id) {
        if (thread == null) {
            thread = new RecentPosts(64);
            promo = new GeneratedPost();
            welcome = new GeneratedPost();
            question = new GeneratedPost();
            questionIds = new long[questions + 1];
            spoken = new BitSet();
            guest = community.pickRegular(chat.index, random, session.startMillis() - PROMO_BEFORE);
        }
        long t = next;
        if (hostIndex < hostTimes.length && hostTimes[hostIndex] == t) {
            hostPost(p, id, t, hostIndex++);
        } else {
            participantPost(p, id, t);
            nextParticipant = arrivals.next(t, random);
        }
        schedule();
    }

    private void hostPost(GeneratedPost p, long id, long t, int step) {
        SplittableRandom r = random;
        composer.begin(p, id, t, host, r);
        if (step == PROMO) {
            composer.say(p, Phrases.pick(Phrases.CHAT_PROMOS, r), topic, 0, r);
            composer.words(p, GUEST_HOST);
            composer.mention(p, guest);
            composer.tag(p, chat.tag, r);
            promo.copyFrom(p);
        } else if (step == WELCOME) {
            composer.say(p, Phrases.CHAT_WELCOMES[0], topic, 0, r);
            composer.tag(p, chat.tag, r);
            welcome.copyFrom(p);
        } else if (step <= 1 + questions) {
            int q = step - 1;
            int template = (q - 1 + questionOffset) % Phrases.CHAT_QUESTIONS.length;
            composer.say(p, Phrases.CHAT_QUESTIONS[template], topic, q, r);
            composer.tag(p, chat.tag, r);
            currentQuestion = q;
            questionIds[q] = id;
            question.copyFrom(p);
        } else {
            composer.say(p, Phrases.CHAT_CLOSINGS[0], topic, 0, r);
            composer.tag(p, chat.tag, r);
        }
        thread.add(p, Long.MAX_VALUE);
    }

    private void participantPost(GeneratedPost p, long id, long t) {
        int author = community.pickRegular(chat.index, random, t);
        composer.begin(p, id, t, author, random);
        compose(p, t, random);
        if (p.retweetOf == 0) {
            thread.add(p, Long.MAX_VALUE);
        }
        spoken.set(author);
    }

    private void compose(GeneratedPost p, long t, SplittableRandom r) {
        double u = r.nextDouble();
        if (t < session.startMillis()) {
            if (u < 0.4 && retweet(p, promo.id != 0 ? promo : null)) {
                return;
            }
            composer.say(p, Phrases.pick(Phrases.CHAT_PRE, r), topic, 0, r);
            composer.tag(p, chat.tag, r);
        } else if (t >= session.endMillis()) {
            if (u < 0.35 && retweet(p, thread.pick(r, t))) {
                return;
            }
            if (u < 0.55 && reply(p, thread.pick(r, t))) {
                return;
            }
            composer.say(p, Phrases.pick(Phrases.CHAT_AFTER, r), topic, 0, r);
            composer.mention(p, host);
            composer.tag(p, chat.tag, r);
        } else if (currentQuestion == 0) {
            if (u < 0.3 && retweet(p, welcome.id != 0 ? welcome : null)) {
                return;
            }
            greeting(p, r);
        } else if (u < 0.50) {
            answer(p, r);
        } else if (u < 0.64) {
            if (!reply(p, thread.pick(r, t))) {
                answer(p, r);
            }
        } else if (u < 0.81) {
            GeneratedPost target = r.nextBoolean() ? question : thread.pick(r, t);
            if (!retweet(p, target)) {
                answer(p, r);
            }
        } else if (u < 0.83) {
            GeneratedPost target = thread.pick(r, t);
            if (sameThread(p, target)) {
                composer.quote(p, target, r);
                composer.tag(p, chat.tag, r);
            } else {
                answer(p, r);
            }
        } else if (u < 0.89) {
            composer.say(p, Phrases.pick(Phrases.CHAT_ASKS, r), topic, 0, r);
            composer.tag(p, chat.tag, r);
        } else if (u < 0.95) {
            composer.say(p, Phrases.pick(Phrases.SHARE_OPENERS, r), topic, 0, r);
            composer.url(p, Phrases.pick(Phrases.RESEARCH_URLS, r));
            composer.tag(p, chat.tag, r);
        } else {
            greeting(p, r);
        }
    }

    /** Hello and where from, the first time one speaks; later, an answer (or, before Q1, a retweet of the welcome). */
    private void greeting(GeneratedPost p, SplittableRandom r) {
        if (spoken.get(p.author)) {
            if (currentQuestion > 0) {
                answer(p, r);
                return;
            }
            if (retweet(p, welcome.id != 0 ? welcome : null)) {
                return;
            }
        }
        composer.say(p, Phrases.pick(Phrases.CHAT_GREETINGS, r), topic, 0, r);
        composer.tag(p, chat.tag, r);
    }

    /** {@code A2 …}: answers the current question (now and then the one before). */
    private void answer(GeneratedPost p, SplittableRandom r) {
        int q = currentQuestion > 1 && r.nextDouble() < 0.15 ? currentQuestion - 1 : currentQuestion;
        if (r.nextDouble() < 0.55) {
            p.replyTo = questionIds[q];
        }
        p.text.append('A').appendDigits(q);
        composer.words(p, Phrases.pick(Phrases.CHAT_ANSWERS, r));
        if (r.nextDouble() < 0.3) {
            composer.mention(p, host);
        }
        composer.tag(p, chat.tag, r);
        double k = r.nextDouble();
        if (k < 0.08) {
            composer.tag(p, Hashtags.EDCHAT, r);
        } else if (k < 0.18) {
            composer.tag(p, Phrases.TOPIC_TAGS[topic], r);
        }
    }

    private boolean retweet(GeneratedPost p, GeneratedPost target) {
        if (!sameThread(p, target)) {
            return false;
        }
        composer.retweet(p, target);
        return true;
    }

    private boolean reply(GeneratedPost p, GeneratedPost target) {
        if (!sameThread(p, target)) {
            return false;
        }
        composer.reply(p, target, random);
        composer.tag(p, chat.tag, random);
        return true;
    }

    /** Reactions stay on the author's platform and are never to oneself. */
    private static boolean sameThread(GeneratedPost p, GeneratedPost target) {
        return target != null && target.id != 0 && target.platform == p.platform && target.author != p.author;
    }
}
