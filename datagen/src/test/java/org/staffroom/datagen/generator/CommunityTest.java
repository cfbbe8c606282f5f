package org.staffroom.datagen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CommunityTest {
    private static final GeneratorConfig CONFIG = GeneratorConfig.defaults();

    private static Community build(GeneratorConfig config, long seed) {
        return Community.build(config, ChatSchedule.sessions(config.start(), config.weeks()), new SplittableRandom(seed));
    }

    @Test
    void handlesAreValidAndUniqueIgnoringCase() {
        Community c = build(CONFIG.toBuilder().community(50_000).build(), 1);
        Set<String> seen = new HashSet<>();
        for (int m = 0; m < c.size; m++) {
            String h = new String(c.handle[m], java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(h).matches("[A-Za-z0-9_]{1,15}");
            assertThat(seen.add(h.toLowerCase(Locale.ROOT))).as(h).isTrue();
        }
        assertThat(new String(c.handle[c.hostOf[2]], java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("UKEdChat");
    }

    @Test
    void followersAreLogNormalWithinBoundsAndSometimesUnknown() {
        Community c = build(CONFIG.toBuilder().community(20_000).build(), 2);
        int unknown = 0;
        int small = 0;
        int large = 0;
        for (int m = 0; m < c.size; m++) {
            int f = c.followers[m];
            if (f < 0) {
                unknown++;
                continue;
            }
            assertThat(f).isBetween(Community.MIN_FOLLOWERS, Community.MAX_FOLLOWERS);
            small += f < 50 ? 1 : 0;
            large += f > 10_000 ? 1 : 0;
            assertThat(c.followersAt(m, 520)).isLessThanOrEqualTo(Community.MAX_FOLLOWERS);
        }
        assertThat((double) unknown / c.size).isBetween(0.04, 0.12);
        assertThat(small).isPositive();
        assertThat(large).isPositive();
    }

    @Test
    void newcomersJoinWeekByWeekAndSomeLurkFirst() {
        GeneratorConfig config = CONFIG.toBuilder().weeks(8).build();
        Community c = build(config, 3);
        int[] joins = new int[config.weeks()];
        int lurkers = 0;
        int returners = 0;
        int newcomers = 0;
        for (int m = 0; m < c.size; m++) {
            if (c.joinWeek[m] < 0) {
                assertThat(c.debutAt[m]).isEqualTo(Community.FOUNDER);
                continue;
            }
            newcomers++;
            joins[c.joinWeek[m]]++;
            lurkers += c.lurkWeeks[m] > 0 ? 1 : 0;
            returners += c.returns[m] ? 1 : 0;
            if (c.joinWeek[m] + c.lurkWeeks[m] >= config.weeks()) {
                assertThat(c.debutAt[m]).isEqualTo(Community.NEVER);
            }
        }
        assertThat(joins).containsOnly(60); // 3% of 2000 a week
        assertThat((double) lurkers / newcomers).isBetween(0.35, 0.65);
        assertThat((double) returners / newcomers).isBetween(0.35, 0.65);
        long previous = Long.MIN_VALUE;
        for (long packed : c.debuts) {
            long at = c.debutAt[Community.memberOf(packed)];
            assertThat(at).isGreaterThanOrEqualTo(previous);
            previous = at;
        }
    }

    @Test
    void aNonReturnerPostsOnlyOnTheEveningOfTheFirstPost() {
        Community c = build(CONFIG, 4);
        for (int m = 0; m < c.size; m++) {
            long d = c.debutAt[m];
            if (c.returns[m] || d == Community.NEVER || d == Community.FOUNDER) {
                continue;
            }
            assertThat(c.canPost(m, d)).isFalse();
            assertThat(c.canPost(m, d + 1)).isTrue();
            assertThat(c.canPost(m, d + Community.NON_RETURNER_STAY)).isFalse();
            return;
        }
        throw new AssertionError("no non-returner");
    }

    @Test
    void theSameSeedGivesTheSameCommunity() {
        Community a = build(CONFIG, 5);
        Community b = build(CONFIG, 5);
        for (int m = 0; m < a.size; m++) {
            assertThat(b.handle[m]).isEqualTo(a.handle[m]);
            assertThat(b.followers[m]).isEqualTo(a.followers[m]);
            assertThat(b.debutAt[m]).isEqualTo(a.debutAt[m]);
        }
    }
}
