package org.staffroom.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a run costs this JVM (the broker, Flink and the bench itself) and the database server: CPU
 * seconds of the process ({@code OperatingSystemMXBean#getProcessCpuTime} delta), the peak of heap
 * used (sampled every 20 ms after a full GC, and the sum of the heap pools' own peaks, reset at
 * start), and the database server's CPU seconds.
 */
final class ResourceMeter {
    private static final long SAMPLE_MS = 20;

    private final com.sun.management.OperatingSystemMXBean os;
    private final PostgresCpu database;
    private final long cpuAtStart;
    private final double databaseCpuAtStart;
    private final long wallAtStart;
    private final AtomicLong peakUsed = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private ResourceMeter(PostgresCpu database) {
        this.os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        this.database = database;
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pool.resetPeakUsage();
            }
        }
        peakUsed.set(heapUsed());
        this.sampler = new Thread(() -> {
            while (running) {
                peakUsed.accumulateAndGet(heapUsed(), Math::max);
                try {
                    Thread.sleep(SAMPLE_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        this.databaseCpuAtStart = database == null ? Double.NaN : database.seconds();
        this.cpuAtStart = os.getProcessCpuTime();
        this.wallAtStart = System.nanoTime();
        sampler.start();
    }

    /** @param database the database server to measure too, or null */
    static ResourceMeter start(PostgresCpu database) {
        return new ResourceMeter(database);
    }

    Usage stop() {
        long cpu = os.getProcessCpuTime() - cpuAtStart;
        double wall = (System.nanoTime() - wallAtStart) / 1e9;
        double db = database == null ? Double.NaN : database.seconds() - databaseCpuAtStart;
        running = false;
        sampler.interrupt();
        long poolPeaks = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid() && pool.getPeakUsage() != null) {
                poolPeaks += pool.getPeakUsage().getUsed();
            }
        }
        peakUsed.accumulateAndGet(heapUsed(), Math::max);
        return new Usage(cpu / 1e9, wall, peakUsed.get(), poolPeaks, db);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * @param peakHeapBytes the largest heap use sampled
     * @param poolPeakBytes the sum of the heap pools' peaks (an upper bound: pools peak at different times)
     */
    record Usage(double cpuSeconds, double wallSeconds, long peakHeapBytes, long poolPeakBytes,
            double databaseCpuSeconds) {
        /** Average cores busy in this JVM over the run. */
        double cores() {
            return cpuSeconds / wallSeconds;
        }
    }
}
