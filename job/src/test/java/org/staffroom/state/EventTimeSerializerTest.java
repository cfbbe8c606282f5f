package org.staffroom.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimeSerializerTest {
    private static final EventTimeSerializer SERIALIZER = EventTimeSerializer.INSTANCE;

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, 1_577_836_800_000L, 1_577_836_799_999L,
            1_740_959_998_222L, 946_684_800_000L, Long.MAX_VALUE - 1, Long.MAX_VALUE})
    void everyLongReadsBackAsWritten(long time) throws Exception {
        assertThat(Serialized.roundTrip(SERIALIZER, time)).isEqualTo(time);
    }

    @Test
    void timesOfThisCenturyTakeSixBytes() throws Exception {
        for (String time : new String[] {"2000-01-01T00:00:00Z", "2025-03-02T23:59:58.222Z", "2089-01-01T00:00:00Z"}) {
            assertThat(Serialized.bytes(SERIALIZER, Instant.parse(time).toEpochMilli())).as(time).hasSize(6);
        }
    }

    @Test
    void stateOfThisFormatRestoresAndPlainLongsDoNot() throws Exception {
        assertThat(Serialized.restoring(SERIALIZER, SERIALIZER.snapshotConfiguration()).isCompatibleAsIs()).isTrue();
        assertThat(Serialized.restoring(SERIALIZER, LongSerializer.INSTANCE.snapshotConfiguration()).isIncompatible())
                .isTrue();
    }

    @Test
    void anotherVersionOfTheFormatDoesNotRestore() throws Exception {
        CompactSerializer.Snapshot<Long> future = new EventTimeSerializer.Snapshot();
        future.readSnapshot(2, null, getClass().getClassLoader());
        TypeSerializerSchemaCompatibility<Long> compatibility =
                SERIALIZER.snapshotConfiguration().resolveSchemaCompatibility(future);
        assertThat(compatibility.isIncompatible()).isTrue();
    }
}
