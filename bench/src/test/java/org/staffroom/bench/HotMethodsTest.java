package org.staffroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.staffroom.bench.HotMethods.MetricCaller;

/** Samples in metric code, as the profile's "metrics:" line counts them, from stacks seen in a recording. */
class HotMethodsTest {
    @Test
    void aCounterStaffroomIncrementsIsStaffroomsMetricCode() {
        assertThat(MetricCaller.of(List.of("org.apache.flink.metrics.SimpleCounter",
                "org.staffroom.source.RouteRejected", "org.apache.flink.streaming.api.operators.ProcessOperator")))
                .isEqualTo(MetricCaller.STAFFROOM);
        assertThat(MetricCaller.of(List.of("org.staffroom.state.EntryCount",
                "org.staffroom.windows.EngagementWindows"))).isEqualTo(MetricCaller.STAFFROOM);
    }

    @Test
    void flinksOwnRecordCountersAreFlinks() {
        assertThat(MetricCaller.of(List.of("org.apache.flink.metrics.SimpleCounter",
                "org.apache.flink.connector.base.source.reader.SourceReaderBase",
                "org.staffroom.source.RouteRejected"))).isEqualTo(MetricCaller.FLINK);
    }

    @Test
    void aStackWithoutMetricCodeIsNone() {
        assertThat(MetricCaller.of(List.of("java.util.HashMap", "org.staffroom.windows.EngagementWindows")))
                .isEqualTo(MetricCaller.NONE);
    }
}
