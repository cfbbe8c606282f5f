package org.staffroom.datagen.generator;

import java.util.SplittableRandom;

/**
 * Newcomers' first posts, at the times {@link Community} scheduled: a hello in the chat they have
 * been following (mentioning its host now and then), or an introduction to #edutwitter on an
 * ordinary day. Those who lurked for two weeks or more say so.
 */
final class DebutTraffic extends Traffic {
    private final Composer composer;
    private final Community community;
    private final RecentPosts[] recent;
    private final SplittableRandom random;
    private final long start;
    private final long end;
    private int index;

    DebutTraffic(int order, Composer composer, RecentPosts[] recent, SplittableRandom random) {
        super(order);
        this.composer = composer;
        this.community = composer.community;
        this.recent = recent;
        this.random = random;
        this.start = composer.clock.start;
        this.end = composer.clock.end;
        advance();
    }

    private void advance() {
        next = Long.MAX_VALUE;
        if (index < community.debuts.length) {
            long t = community.debutAt[Community.memberOf(community.debuts[index])];
            if (t >= start && t < end) {
                next = t;
            }
        }
    }

    @Override
    void emit(GeneratedPost p, long id) {
        SplittableRandom r = random;
        int member = Community.memberOf(community.debuts[index++]);
        long t = next;
        composer.begin(p, id, t, member, r);
        int chat = community.debutChat[member];
        boolean lurked = community.lurkWeeks[member] >= 2;
        int topic = Composer.topic(r);
        if (chat >= 0) {
            ChatSchedule.Chat c = ChatSchedule.UK.get(chat);
            Template[] t2 = lurked ? Phrases.DEBUTS_AFTER_LURKING : Phrases.DEBUTS_IN_CHAT;
            composer.say(p, Phrases.pick(t2, r), topic, 0, r);
            if (r.nextDouble() < 0.3) {
                composer.mention(p, community.hostOf[chat]);
            }
            composer.tag(p, c.tag, r);
        } else {
            Template[] t2 = lurked ? Phrases.DEBUTS_AFTER_LURKING : Phrases.DEBUTS;
            composer.say(p, Phrases.pick(t2, r), topic, 0, r);
            composer.tag(p, r.nextDouble() < 0.6 ? Hashtags.EDUTWITTER : Hashtags.EDCHAT, r);
            if (r.nextDouble() < 0.3) {
                composer.tag(p, Phrases.TOPIC_TAGS[topic], r);
            }
            recent[p.platform].add(p, t + BackgroundTraffic.REFERABLE);
        }
        advance();
    }
}
