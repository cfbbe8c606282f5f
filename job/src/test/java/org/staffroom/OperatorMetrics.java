package org.staffroom;

import java.util.Map;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;

/**
 * The metrics an operator registers under a test harness, which a harness's own environment
 * drops: give the harness {@link #environment()}, then read them here.
 */
public final class OperatorMetrics implements AutoCloseable {
    /** As much managed memory as a harness gives itself: RocksDB takes its share. */
    private static final long MANAGED_MEMORY_BYTES = 3 * 1024 * 1024;

    private final InterceptingOperatorMetricGroup operator = new InterceptingOperatorMetricGroup();
    private final MockEnvironment environment = new MockEnvironmentBuilder()
            .setManagedMemorySize(MANAGED_MEMORY_BYTES)
            .setMetricGroup(new UnregisteredMetricGroups.UnregisteredTaskMetricGroup() {
                @Override
                public InternalOperatorMetricGroup getOrAddOperator(OperatorID id, String name,
                        Map<String, String> additionalVariables) {
                    return operator;
                }
            })
            .build();

    /** The environment for one harness (a harness does not close an environment it is given). */
    public MockEnvironment environment() {
        return environment;
    }

    /** The value of a gauge of the operator's, as its reporter reads it. */
    public Object gauge(String name) {
        Object metric = operator.get(name);
        if (!(metric instanceof Gauge<?> gauge)) {
            throw new AssertionError("no gauge " + name + " registered, but " + metric);
        }
        return gauge.getValue();
    }

    @Override
    public void close() throws Exception {
        environment.close();
    }
}
