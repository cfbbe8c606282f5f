package org.staffroom.windows;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.junit.jupiter.api.Test;
import org.staffroom.metrics.AuthorActivity;
import org.staffroom.metrics.AuthorActivitySerializer;
import org.staffroom.metrics.WindowTotals;
import org.staffroom.metrics.WindowTotalsSerializer;
import org.staffroom.model.EngagementCounts;
import org.staffroom.state.Serialized;

/** The window state's serializers write every field back as it was, and in fewer bytes than Flink's POJO serializer. */
class WindowStateSerializersTest {

    @Test
    void aParticipantReadsBackWithEveryField() throws Exception {
        AuthorActivity unknown = new AuthorActivity();
        AuthorActivity full = activity(Long.MAX_VALUE, Integer.MAX_VALUE, "Lehrerin_Ö", 1_740_959_998_222L, true);
        AuthorActivity odd = activity(Long.MIN_VALUE, -3, null, Long.MAX_VALUE, false);
        AuthorActivity emptyHandle = activity(0, 1, "", Long.MIN_VALUE, false);
        for (AuthorActivity a : new AuthorActivity[] {unknown, full, odd, emptyHandle}) {
            assertThat(Serialized.roundTrip(AuthorActivitySerializer.INSTANCE, a)).usingRecursiveComparison().isEqualTo(a);
        }
        // a participant of a window that does not rank accounts: flags, followers, posts
        assertThat(Serialized.bytes(AuthorActivitySerializer.INSTANCE, activity(350, 2, null, Long.MIN_VALUE, false)))
                .hasSize(1 + 2 + 1);
    }

    @Test
    void totalsReadBackPerPlatform() throws Exception {
        WindowTotals totals = new WindowTotals();
        totals.end = 1_740_960_000_000L;
        totals.emitted = true;
        totals.byPlatform.put("twitter", counts(1));
        totals.byPlatform.put("mastodon", counts(Long.MAX_VALUE - 20));
        totals.byPlatform.put("", counts(-7));
        assertThat(Serialized.roundTrip(WindowTotalsSerializer.INSTANCE, totals)).usingRecursiveComparison().isEqualTo(totals);
        WindowTotals empty = new WindowTotals();
        assertThat(Serialized.roundTrip(WindowTotalsSerializer.INSTANCE, empty)).usingRecursiveComparison().isEqualTo(empty);
    }

    @Test
    void aWindowReadsBackWholeAndItsCopyIsIndependent() throws Exception {
        WindowAccumulator acc = new WindowAccumulator();
        acc.totals.end = 1_740_960_000_000L;
        acc.totals.byPlatform.put("twitter", counts(3));
        acc.authors.put("twitter\u000010000042", activity(120, 1, "anna", 1_740_959_998_222L, false));
        acc.authors.put("twitter\u0000010000042", activity(-1, 0, null, Long.MIN_VALUE, true));
        acc.authors.put("bluesky\u0000did:plc:xyz", new AuthorActivity());
        acc.mentions.put("anna", 2L);
        acc.mentions.put("bärbel", 1L);
        WindowAccumulator read = Serialized.roundTrip(WindowAccumulatorSerializer.INSTANCE, acc);
        assertThat(read).usingRecursiveComparison().isEqualTo(acc);
        WindowAccumulator empty = new WindowAccumulator();
        assertThat(Serialized.roundTrip(WindowAccumulatorSerializer.INSTANCE, empty)).usingRecursiveComparison().isEqualTo(empty);

        WindowAccumulator copy = WindowAccumulatorSerializer.INSTANCE.copy(acc);
        assertThat(copy).usingRecursiveComparison().isEqualTo(acc);
        copy.totals.byPlatform.get("twitter").posts++;
        copy.totals.emitted = true;
        copy.authors.get("twitter\u000010000042").nonRetweetPosts++;
        copy.mentions.put("anna", 3L);
        assertThat(acc.totals.byPlatform.get("twitter").posts).isEqualTo(3);
        assertThat(acc.totals.emitted).isFalse();
        assertThat(acc.authors.get("twitter\u000010000042").nonRetweetPosts).isEqualTo(1);
        assertThat(acc.mentions).containsEntry("anna", 2L);
    }

    @Test
    void aWindowIsSmallerThanFlinksPojoSerializerWroteIt() throws Exception {
        WindowAccumulator acc = new WindowAccumulator();
        acc.totals.end = 1_740_960_000_000L;
        acc.totals.byPlatform.put("twitter", counts(2));
        for (int i = 0; i < 100; i++) {
            acc.authors.put("twitter\u0000" + (10_000_000 + i), activity(100 + i, 1, null, Long.MIN_VALUE, false));
        }
        var pojo = TypeInformation.of(WindowAccumulator.class).createSerializer(new SerializerConfigImpl());
        int before = Serialized.bytes(pojo, acc).length;
        int now = Serialized.bytes(WindowAccumulatorSerializer.INSTANCE, acc).length;
        assertThat(now).as("bytes now against %d of the POJO serializer", before).isLessThan(before / 4);
    }

    @Test
    void aMemberReadsBack() throws Exception {
        for (WindowMember member : new WindowMember[] {new WindowMember(1_740_960_000_000L, "twitter\u000010000042"),
                new WindowMember(Long.MIN_VALUE, "anna"), new WindowMember(0, "")}) {
            assertThat(Serialized.roundTrip(WindowMemberSerializer.INSTANCE, member)).isEqualTo(member);
            assertThat(WindowMemberSerializer.INSTANCE.copy(member)).isEqualTo(member).isNotSameAs(member);
        }
    }

    @Test
    void eachFormatRestoresItselfOnly() throws Exception {
        assertThat(Serialized.restoring(WindowAccumulatorSerializer.INSTANCE,
                WindowAccumulatorSerializer.INSTANCE.snapshotConfiguration()).isCompatibleAsIs()).isTrue();
        assertThat(Serialized.restoring(WindowMemberSerializer.INSTANCE,
                WindowMemberSerializer.INSTANCE.snapshotConfiguration()).isCompatibleAsIs()).isTrue();
        assertThat(Serialized.restoring(AuthorActivitySerializer.INSTANCE,
                AuthorActivitySerializer.INSTANCE.snapshotConfiguration()).isCompatibleAsIs()).isTrue();
        assertThat(Serialized.restoring(WindowTotalsSerializer.INSTANCE,
                WindowTotalsSerializer.INSTANCE.snapshotConfiguration()).isCompatibleAsIs()).isTrue();
        // the POJO serializer's state of before: does not restore
        var pojo = TypeInformation.of(WindowAccumulator.class).createSerializer(new SerializerConfigImpl());
        assertThat(Serialized.restoring(WindowAccumulatorSerializer.INSTANCE, pojo.snapshotConfiguration())
                .isIncompatible()).isTrue();
    }

    private static AuthorActivity activity(long maxFollowers, int nonRetweetPosts, String handle, long handleAt,
            boolean keptNew) {
        AuthorActivity a = new AuthorActivity();
        a.maxFollowers = maxFollowers;
        a.nonRetweetPosts = nonRetweetPosts;
        a.handle = handle;
        a.handleAt = handleAt;
        a.keptNew = keptNew;
        return a;
    }

    /** Every count different, from {@code first} on. */
    private static EngagementCounts counts(long first) {
        EngagementCounts c = new EngagementCounts();
        c.posts = first;
        c.originals = first + 1;
        c.retweets = first + 2;
        c.replies = first + 3;
        c.quotes = first + 4;
        c.withLink = first + 5;
        c.withMention = first + 6;
        c.withCotag = first + 7;
        c.brokering = first + 8;
        c.questions = first + 9;
        c.participants = first + 10;
        c.contributors = first + 11;
        c.newParticipants = first + 12;
        c.returningParticipants = first + 13;
        c.reach = first + 14;
        return c;
    }
}
