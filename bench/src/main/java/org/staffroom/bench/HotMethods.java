package org.staffroom.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.staffroom.state.EntryCount;

/**
 * Where the time goes, from a JFR recording's execution samples: by thread, by hottest method (top
 * frame), by innermost job method on the stack (so a job method gets the time of the libraries it
 * calls), and the job's methods inclusively; and the share of the job's samples in metric code.
 *
 * <p>Also a tool of its own for any recording, e.g. of a JVM started with
 * {@code -XX:StartFlightRecording=filename=run.jfr,settings=profile}:
 * {@code java -cp … org.staffroom.bench.HotMethods run.jfr [top]}.
 */
final class HotMethods {
    /** Flink's task threads ("hashtag-windows -> … (1/2)#0"), the Kafka source's fetchers and the JDBC sinks' flush threads. */
    private static final Pattern TASK_THREAD = Pattern.compile(".*\\(\\d+/\\d+\\)(#\\d+)?$");
    private static final String JOB_PACKAGE = "org.staffroom.";
    /** Flink's metric classes (counters, gauges, groups) and Staffroom's own counting of state entries. */
    private static final List<String> METRIC_CODE = List.of("org.apache.flink.metrics.",
            "org.apache.flink.runtime.metrics.", EntryCount.class.getName());

    private HotMethods() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: HotMethods FILE.jfr [top]");
            System.exit(2);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Analysis a = analyze(Path.of(args[0]), Instant.MIN, Instant.MAX);
        a.print(top).forEach(System.out::println);
    }

    static boolean isJobThread(String name) {
        return TASK_THREAD.matcher(name).matches() || name.startsWith("Source Data Fetcher")
                || name.startsWith("jdbc-");
    }

    static boolean isKafkaBrokerThread(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !isJobThread(name) && !n.startsWith("kafka-producer") && !n.startsWith("kafka-coordinator")
                && (n.contains("kafka") || n.contains("raft") || n.contains("broker") || n.contains("controller")
                || n.contains("expirationreaper") || n.contains("data-plane") || n.contains("logcleaner")
                || n.contains("coordinator") || n.contains("replica") || n.contains("quorum"));
    }

    /** Reads the samples taken between {@code from} and {@code to}. */
    static Analysis analyze(Path file, Instant from, Instant to) throws IOException {
        Analysis a = new Analysis();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                if (!"jdk.ExecutionSample".equals(e.getEventType().getName())) {
                    continue;
                }
                Instant t = e.getStartTime();
                if (t.isBefore(from) || t.isAfter(to)) {
                    continue;
                }
                RecordedThread thread = e.getThread("sampledThread");
                RecordedStackTrace stack = e.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                a.add(thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName(), stack.getFrames(),
                        stack.isTruncated());
            }
        }
        return a;
    }

    private static boolean isMetricCode(String type) {
        for (String prefix : METRIC_CODE) {
            if (type.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whose metric code a sample is in: the caller of its outermost metric frame says. */
    enum MetricCaller {
        NONE, FLINK, STAFFROOM;

        /** @param types the classes of the sample's frames, innermost first */
        static MetricCaller of(List<String> types) {
            int i = 0;
            while (i < types.size() && !isMetricCode(types.get(i))) {
                i++;
            }
            if (i == types.size()) {
                return NONE;
            }
            while (i < types.size() && isMetricCode(types.get(i))) {
                i++;
            }
            return i < types.size() && types.get(i).startsWith(JOB_PACKAGE) ? STAFFROOM : FLINK;
        }
    }

    private static String method(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** Sample counts. */
    static final class Analysis {
        long samples;
        long jobSamples;
        long brokerSamples;
        long truncatedJobSamples;
        /** Job samples in metric code, and of those the ones whose metric code Staffroom called. */
        long metricSamples;
        long staffroomMetricSamples;
        final Map<String, Long> threads = new HashMap<>();
        final Map<String, Long> selfInJob = new HashMap<>();
        final Map<String, Long> innermostJobMethod = new HashMap<>();
        final Map<String, Long> inclusiveJobMethods = new HashMap<>();
        final Map<String, Long> selfPackagesInJob = new HashMap<>();
        final Map<String, Long> firstLibraryFrame = new HashMap<>();

        void add(String thread, List<RecordedFrame> frames, boolean truncated) {
            samples++;
            threads.merge(thread.replaceAll("#\\d+$", ""), 1L, Long::sum);
            if (isKafkaBrokerThread(thread)) {
                brokerSamples++;
            }
            if (!isJobThread(thread)) {
                return;
            }
            jobSamples++;
            truncatedJobSamples += truncated ? 1 : 0;
            String top = method(frames.get(0));
            selfInJob.merge(top, 1L, Long::sum);
            selfPackagesInJob.merge(packageGroup(frames.get(0).getMethod().getType().getName()), 1L, Long::sum);
            String library = null;
            for (RecordedFrame f : frames) {
                String type = f.getMethod().getType().getName();
                if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                    library = method(f);
                    break;
                }
            }
            firstLibraryFrame.merge(library == null ? "(JDK only)" : library, 1L, Long::sum);
            String innermost = null;
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String type = f.getMethod().getType().getName();
                if (type.startsWith(JOB_PACKAGE)) {
                    String m = method(f);
                    if (innermost == null) {
                        innermost = m;
                    }
                    if (seen.add(m)) {
                        inclusiveJobMethods.merge(m, 1L, Long::sum);
                    }
                }
            }
            countMetricCode(frames);
            innermostJobMethod.merge(innermost == null ? "(no job frame: Flink runtime, network, serializers, Kafka client)"
                    : innermost, 1L, Long::sum);
        }

        private void countMetricCode(List<RecordedFrame> frames) {
            MetricCaller caller = MetricCaller.of(frames.stream().map(f -> f.getMethod().getType().getName()).toList());
            metricSamples += caller == MetricCaller.NONE ? 0 : 1;
            staffroomMetricSamples += caller == MetricCaller.STAFFROOM ? 1 : 0;
        }

        /** The hottest methods in the job's threads, as (method, share of the job threads' samples). */
        List<Map.Entry<String, Long>> topSelf(int n) {
            return top(selfInJob, n);
        }

        List<String> print(int n) {
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "samples: %,d in all; %,d (%.1f%%) in the job's threads (Flink tasks,"
                    + " source fetchers, JDBC flushes); %,d (%.1f%%) in the Kafka broker", samples, jobSamples,
                    pct(jobSamples, samples), brokerSamples, pct(brokerSamples, samples)));
            out.add(String.format(Locale.ROOT, "job samples with a truncated stack: %,d (%.1f%%; raise "
                    + "-XX:FlightRecorderOptions=stackdepth if many: their job frames are lost)", truncatedJobSamples,
                    pct(truncatedJobSamples, jobSamples)));
            out.add(String.format(Locale.ROOT, "metrics: %.2f%% of the job's samples (%,d of %,d): Staffroom's counters "
                    + "and counts of state %.2f%%, Flink's own (record counters, metric groups) the rest",
                    pct(metricSamples, jobSamples), metricSamples, jobSamples, pct(staffroomMetricSamples, jobSamples)));
            section(out, "threads with the most samples (share of all samples)", top(threads, 12), samples);
            section(out, "hottest methods (top frame) in the job's threads (share of job samples)",
                    top(selfInJob, n), jobSamples);
            section(out, "top-frame packages in the job's threads", top(selfPackagesInJob, 15), jobSamples);
            section(out, "first frame outside the JDK (who called into java.util.regex, HashMap, reflection, ...)",
                    top(firstLibraryFrame, n), jobSamples);
            section(out, "innermost job method on the stack (its own time plus the libraries it calls)",
                    top(innermostJobMethod, n), jobSamples);
            section(out, "job methods, inclusive (on the stack anywhere)", top(inclusiveJobMethods, n), jobSamples);
            return out;
        }

        private static void section(List<String> out, String title, List<Map.Entry<String, Long>> rows, long total) {
            out.add("");
            out.add(title + ":");
            int i = 1;
            for (Map.Entry<String, Long> e : rows) {
                out.add(String.format(Locale.ROOT, "  %2d. %5.1f%%  %7d  %s", i++, pct(e.getValue(), total),
                        e.getValue(), e.getKey()));
            }
        }

        private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
            List<Map.Entry<String, Long>> list = new ArrayList<>(counts.entrySet());
            list.sort((a, b) -> b.getValue().equals(a.getValue()) ? a.getKey().compareTo(b.getKey())
                    : Long.compare(b.getValue(), a.getValue()));
            return list.subList(0, Math.min(n, list.size()));
        }

        private static double pct(long part, long total) {
            return total == 0 ? 0 : 100.0 * part / total;
        }

        private static String packageGroup(String className) {
            int dot = className.lastIndexOf('.');
            String pkg = dot < 0 ? "" : className.substring(0, dot);
            String[] parts = pkg.split("\\.");
            int keep = pkg.startsWith("org.apache.flink") ? Math.min(parts.length, 5) : Math.min(parts.length, 4);
            return String.join(".", java.util.Arrays.copyOf(parts, keep));
        }
    }
}
