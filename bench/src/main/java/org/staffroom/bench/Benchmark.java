package org.staffroom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.staffroom.options.Durations;
import org.staffroom.state.StateBackend;
import org.staffroom.datagen.generator.GeneratorConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Issue #6: how fast is Staffroom on one machine, against what the machine could do at best?
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -pl bench exec:exec -Dbench.args="--profile"
 * </pre>
 *
 * <ol>
 *   <li>preload N posts of the generator's mix into a 4-partition topic of a real local broker;
 *   <li>the ceiling: plain KafkaConsumers + Jackson over the topic, one thread and two;
 *   <li>the full job, bounded, at parallelism 1 and 2, into a real PostgreSQL: posts/s, CPU, heap, rows;
 *   <li>live latency: the job unbounded, a chat in session, posts at a chat's pace then a burst;
 *   <li>state per (hashtag, author) from a checkpoint after all posts, heap and RocksDB backends;
 *   <li>one table, then the line {@code staffroom-bench: job=… ceiling=… ratio=… p99_live_ms=…}.
 * </ol>
 */
@Command(name = "staffroom-bench", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 120,
        description = "Measures Staffroom on this machine: ceiling, full job, live latency, state size.")
public final class Benchmark implements Callable<Integer> {
    static final String TOPIC = "bench.posts";
    static final String STATE_TOPIC = "bench.state";
    static final String MANY_HASHTAGS_TOPIC = "bench.state.hashtags";
    static final String JOB_HASHTAGS_TOPIC = "bench.hashtags";

    @Option(names = "--posts", defaultValue = "3000000", description = "Posts to preload (default: ${DEFAULT-VALUE}).")
    long posts;

    @Option(names = "--community", defaultValue = "20000", description = "Educators generated (default: ${DEFAULT-VALUE}).")
    int community;

    @Option(names = "--rate", defaultValue = "12000",
            description = "Background posts per hour; with the default community about 2 M posts a week (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--partitions", defaultValue = "4", description = "Partitions of the topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--parallelism", defaultValue = "1,2", split = ",",
            description = "Parallelisms of the bounded job runs (default: ${DEFAULT-VALUE}).")
    List<Integer> parallelisms;

    @Option(names = "--job-timeout", defaultValue = "15m", converter = Durations.class,
            description = "Longest bounded run before it is cancelled (default: ${DEFAULT-VALUE}).")
    Duration jobTimeout;

    @Option(names = "--job-hashtags", defaultValue = "5000", paramLabel = "N",
            description = "The ceiling and bounded runs measure also the same posts with N hashtags of Zipf-like "
                    + "popularity, 1.6 a post, by --authors authors: an archive of many hashtags (at least 2; "
                    + "0 = only the generator's mix) (default: ${DEFAULT-VALUE}).")
    int jobHashtags;

    @Option(names = "--authors", defaultValue = "50000",
            description = "Authors of the many-hashtag streams, drawn uniformly (default: ${DEFAULT-VALUE}).")
    int authors;

    @Option(names = "--skip-ceiling", description = "Skip the Kafka + Jackson ceiling.")
    boolean skipCeiling;

    @Option(names = "--skip-job", description = "Skip the bounded job runs.")
    boolean skipJob;

    @Option(names = "--skip-sql", description = "Skip the Flink SQL baseline.")
    boolean skipSql;

    @Option(names = "--no-warm-up", description = "Measure the first bounded run cold: by default an unreported run "
            + "at the highest parallelism goes first, so that every measured run finds the code compiled; likewise the "
            + "first Flink SQL baseline run.")
    boolean noWarmUp;

    @Option(names = "--skip-live", description = "Skip the live latency run.")
    boolean skipLive;

    @Option(names = "--skip-state", description = "Skip the state size runs.")
    boolean skipState;

    @Option(names = "--live-rate", defaultValue = "50", description = "Steady chat posts per second (default: ${DEFAULT-VALUE}).")
    double liveRate;

    @Option(names = "--live-duration", defaultValue = "25s", converter = Durations.class,
            description = "Length of the steady phase (default: ${DEFAULT-VALUE}).")
    Duration liveDuration;

    @Option(names = "--burst-rate", defaultValue = "5000", description = "Burst posts per second (default: ${DEFAULT-VALUE}).")
    double burstRate;

    @Option(names = "--burst-duration", defaultValue = "5s", converter = Durations.class,
            description = "Length of the burst (default: ${DEFAULT-VALUE}).")
    Duration burstDuration;

    @Option(names = "--live-parallelism", defaultValue = "2", description = "Parallelism of the live job (default: ${DEFAULT-VALUE}).")
    int liveParallelism;

    @Option(names = "--state-backend", defaultValue = "both", paramLabel = "heap|rocksdb|both",
            description = "State backend(s) whose state size is measured (default: ${DEFAULT-VALUE}).")
    String stateBackend;

    @Option(names = "--state-posts", defaultValue = "100000",
            description = "State is measured on the first N posts (in a topic of their own); 0 = all of them. The job "
                    + "on RocksDB manages a few hundred posts a second (default: ${DEFAULT-VALUE}).")
    long statePosts;

    @Option(names = "--state-hashtags", defaultValue = "5000", paramLabel = "N",
            description = "Also measure state on the state runs' posts with other hashtags: 1.6 a post of N, Zipf-like "
                    + "popularity, so most (hashtag, author) pairs are rare; 0 = not (default: ${DEFAULT-VALUE}).")
    int stateHashtags;

    @Option(names = "--state-time-limit", defaultValue = "5m", converter = Durations.class,
            description = "Longest a state run may take to process its posts; beyond it the figures are partial, for the "
                    + "posts its last checkpoint covers (default: ${DEFAULT-VALUE}).")
    Duration stateTimeLimit;

    @Option(names = "--state-checkpoint-interval", defaultValue = "5s", converter = Durations.class,
            description = "Checkpoint interval of the state runs (default: ${DEFAULT-VALUE}).")
    Duration stateCheckpointInterval;

    @Option(names = "--profile", description = "Run the bounded job at the highest parallelism once more, recording "
            + "JFR execution samples (and record the RocksDB state run), and print where the time went.")
    boolean profile;

    @Option(names = "--profile-file", description = "Keep the recording here (default: a temporary file, deleted).")
    Path profileFile;

    @Option(names = "--profile-top", defaultValue = "25", description = "Methods listed per profile view (default: ${DEFAULT-VALUE}).")
    int profileTop;

    @Parameters(paramLabel = "JOB-OPTION", description = "After --: options for every job run, e.g. -- --window-sizes 15m,1d")
    List<String> jobArgs = new ArrayList<>();

    public static void main(String[] args) {
        int code = new CommandLine(new Benchmark()).execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() throws Exception {
        List<StateBackend> backends = stateBackends();
        checkManyHashtags("--state-hashtags", stateHashtags);
        checkManyHashtags("--job-hashtags", jobHashtags);
        if (authors < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--authors must be at least 1, got " + authors);
        }
        Report report = new Report();
        report.add("machine", "cores / max heap", Runtime.getRuntime().availableProcessors() + " / "
                + Report.bytes(Runtime.getRuntime().maxMemory()), null);
        report.add("machine", "load average at start (1, 5, 15 min)", loadAverage(), null);
        long started = System.nanoTime();

        Console.progress("starting Kafka (KRaft) and PostgreSQL");
        Infrastructure infra = Infrastructure.start();
        Thread hook = new Thread(infra::close, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Figures figures;
        try {
            figures = measure(infra, report, backends);
        } finally {
            Console.progress("stopping Kafka and PostgreSQL");
            infra.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook closes nothing twice
            }
        }
        report.add("machine", "load average at end (1, 5, 15 min)", loadAverage(), null);
        report.add("machine", "bench wall time", Report.seconds((System.nanoTime() - started) / 1e9), null);
        print(report, figures);
        return 0;
    }

    private List<StateBackend> stateBackends() {
        return switch (stateBackend.toLowerCase(Locale.ROOT)) {
            case "heap" -> List.of(StateBackend.heap);
            case "rocksdb" -> List.of(StateBackend.rocksdb);
            case "both" -> List.of(StateBackend.heap, StateBackend.rocksdb);
            default -> throw new CommandLine.ParameterException(new CommandLine(this),
                    "--state-backend must be heap, rocksdb or both, got '" + stateBackend + "'");
        };
    }

    private void checkManyHashtags(String option, int hashtags) {
        if (hashtags == 1 || hashtags < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    option + " must be 0 (off) or at least 2, got " + hashtags);
        }
    }

    /** The phases in their order, each adding its rows to the report. */
    private Figures measure(Infrastructure infra, Report report, List<StateBackend> backends) throws Exception {
        Preloaded preloaded = preload(infra, report);
        List<Workload> workloads = new ArrayList<>();
        workloads.add(new Workload("", TOPIC, preloaded.posts()));
        if (preloaded.manyHashtags() != null) {
            workloads.add(new Workload(String.format(Locale.ROOT, ", %,d hashtags", jobHashtags), JOB_HASHTAGS_TOPIC,
                    preloaded.manyHashtags()));
        }
        List<Double> ceilingRates = new ArrayList<>();
        for (Workload w : workloads) {
            ceilingRates.add(skipCeiling ? null : ceiling(infra, report, w));
        }
        BoundedRuns job = skipJob ? new BoundedRuns(List.of(), List.of()) : boundedRuns(infra, report, workloads);
        if (!skipSql && !noWarmUp) {
            sqlWarmUp(infra, report, workloads.get(0));
        }
        List<Report.Rates> rates = new ArrayList<>();
        for (int i = 0; i < workloads.size(); i++) {
            JobRun.Result compared = i < job.compared().size() ? job.compared().get(i) : null;
            Double jobRate = compared == null ? null : compared.postsPerSecond();
            Double ceilingRate = ceilingRates.get(i);
            if (jobRate != null && ceilingRate != null) {
                double ratio = jobRate / ceilingRate;
                report.add("job / ceiling" + workloads.get(i).label(), "p=2 job over 2-thread ceiling",
                        String.format(Locale.ROOT, "%.2f", ratio), ">= 0.6: " + (ratio >= 0.6 ? "met" : "missed"));
            }
            Double sqlRate = skipSql ? null : sqlBaseline(infra, report, workloads.get(i), compared);
            rates.add(new Report.Rates(jobRate, ceilingRate, sqlRate));
        }
        Long liveP99 = skipLive ? null : liveLatency(infra, report);
        List<String> rocksdbProfile = stateSizes(infra, report, preloaded.stateStreams(), backends);
        return new Figures(rates.get(0), rates.size() > 1 ? rates.get(1) : Report.Rates.NONE, liveP99, job.profile(),
                rocksdbProfile);
    }

    /** 1. the generator's posts into the topic, and the inputs of the state runs. */
    private Preloaded preload(Infrastructure infra, Report report) throws Exception {
        GeneratorConfig generator = Preload.generatorConfig(posts, seed, community, rate);
        boolean stateTopic = !skipState && statePosts > 0 && statePosts < posts;
        long counted = skipState ? 0 : stateTopic ? statePosts : posts;
        infra.createTopic(TOPIC, partitions);
        if (stateTopic) {
            infra.createTopic(STATE_TOPIC, partitions);
        }
        Console.progress(String.format(Locale.ROOT, "preloading %,d posts (%s) into %s (%d partitions)%s", posts,
                generator, TOPIC, partitions, stateTopic ? String.format(Locale.ROOT,
                        "; the first %,d also into %s", statePosts, STATE_TOPIC) : ""));
        Preload.Result pre = Preload.run(infra.bootstrapServers(), TOPIC, stateTopic ? STATE_TOPIC : null,
                counted, posts, generator);
        report.add("preload", "posts in " + TOPIC, String.format(Locale.ROOT, "%,d (%.1f days of event time, %d B/post)",
                pre.posts(), pre.eventDays(), pre.bytes() / Math.max(1, pre.posts())), null);
        report.add("preload", "generator", generator.toString(), null);
        report.add("preload", "write rate (generate + produce)", Report.rate(pre.postsPerSecond()), null);
        if (pre.counted() > 0) {
            String of = String.format(Locale.ROOT, " (first %,d posts)", pre.counted());
            report.add("preload", "distinct (hashtag, author) / authors / hashtags" + of, String.format(Locale.ROOT,
                    "%,d / %,d / %,d", pre.pairs(), pre.authors(), pre.hashtags()), null);
            report.add("preload", "posts without hashtags / unreadable" + of, String.format(Locale.ROOT, "%,d / %,d",
                    pre.withoutHashtags(), pre.unreadable()), null);
        }
        Console.progress(String.format(Locale.ROOT, "  %,d posts in %.1f s; %,d (hashtag, author) pairs in the first %,d",
                pre.posts(), pre.seconds(), pre.pairs(), pre.counted()));
        List<StateStream> stateStreams = new ArrayList<>();
        if (!skipState) {
            stateStreams.add(new StateStream("state", stateTopic ? STATE_TOPIC : TOPIC, pre));
        }
        if (!skipState && stateHashtags > 0) {
            infra.createTopic(MANY_HASHTAGS_TOPIC, partitions);
            Console.progress(String.format(Locale.ROOT, "preloading the %,d posts of the state runs with %,d hashtags "
                    + "into %s", counted, stateHashtags, MANY_HASHTAGS_TOPIC));
            Preload.Result many = Preload.run(infra.bootstrapServers(), MANY_HASHTAGS_TOPIC, null, counted, counted,
                    generator, new ManyHashtags(stateHashtags, authors, seed));
            String label = String.format(Locale.ROOT, "state %,d hashtags", stateHashtags);
            report.add("preload", "distinct (hashtag, author) / authors / hashtags (" + label + ")",
                    String.format(Locale.ROOT, "%,d / %,d / %,d", many.pairs(), many.authors(), many.hashtags()), null);
            stateStreams.add(new StateStream(label, MANY_HASHTAGS_TOPIC, many));
            Console.progress(String.format(Locale.ROOT, "  %,d (hashtag, author) pairs", many.pairs()));
        }
        Preload.Result manyHashtags = null;
        if ((!skipCeiling || !skipJob || !skipSql) && jobHashtags > 0) {
            infra.createTopic(JOB_HASHTAGS_TOPIC, partitions);
            Console.progress(String.format(Locale.ROOT, "preloading the %,d posts with %,d hashtags by %,d authors "
                    + "into %s", posts, jobHashtags, authors, JOB_HASHTAGS_TOPIC));
            manyHashtags = Preload.run(infra.bootstrapServers(), JOB_HASHTAGS_TOPIC, null, 0, posts, generator,
                    new ManyHashtags(jobHashtags, authors, seed));
            report.add("preload", "posts in " + JOB_HASHTAGS_TOPIC, String.format(Locale.ROOT,
                    "%,d (%,d hashtags, 1.6 a post, Zipf; %,d authors drawn uniformly; %d B/post)", manyHashtags.posts(),
                    jobHashtags, authors, manyHashtags.bytes() / Math.max(1, manyHashtags.posts())), null);
        }
        return new Preloaded(pre, manyHashtags, stateStreams);
    }

    /** 2. the ceiling of a workload: plain consumers parsing with Jackson; returns the 2-thread rate. */
    private Double ceiling(Infrastructure infra, Report report, Workload workload) throws Exception {
        Double ceilingRate = null;
        long posts = workload.input().posts();
        for (int threads : List.of(1, 2)) {
            Console.progress("ceiling" + workload.label() + ": KafkaConsumer + Jackson readTree, " + threads + " thread(s)");
            CeilingConsumer.Result c = CeilingConsumer.measure(infra.bootstrapServers(), workload.topic(), threads);
            check(c.records() == posts, "the ceiling read " + c.records() + " records, not " + posts);
            report.add("ceiling" + workload.label(), threads + " thread" + (threads > 1 ? "s" : ""), String.format(Locale.ROOT,
                    "%s (%.1f s, %.2f cores)", Report.rate(c.postsPerSecond()), c.seconds(),
                    c.cpuSeconds() / c.seconds()), null);
            if (threads == 2) {
                ceilingRate = c.postsPerSecond();
            }
            Console.progress(String.format(Locale.ROOT, "  %s", Report.rate(c.postsPerSecond())));
        }
        return ceilingRate;
    }

    /**
     * 3. the full job, bounded, after a warm-up, at each parallelism, for each workload; then the
     * profiled run, of the last workload (the many-hashtag one, where measured). Returns the run of
     * each workload at p=2 (or the highest).
     */
    private BoundedRuns boundedRuns(Infrastructure infra, Report report, List<Workload> workloads) throws Exception {
        int highest = highestParallelism();
        Preload.Result pre = workloads.get(0).input();
        if (!noWarmUp) {
            // the JIT compiles Flink, Kafka and the job during the first run, on the same two cores
            Console.progress("full job, bounded, parallelism " + highest + ": warm-up, not reported");
            JobRun.Result w = JobRun.run(infra, TOPIC, pre.posts(), highest, jobTimeout, null, jobArgs);
            report.note(String.format(Locale.ROOT, "the warm-up run (p=%d, cold JIT) did %s; the table shows "
                    + "the runs after it", highest, Report.rate(w.postsPerSecond())));
        }
        List<JobRun.Result> compared = new ArrayList<>();
        for (Workload workload : workloads) {
            for (int p : parallelisms) {
                JobRun.Result r = boundedRun(infra, report, workload, p);
                if (p == comparedParallelism()) {
                    compared.add(r);
                }
            }
        }
        Workload profiled = workloads.get(workloads.size() - 1);
        return new BoundedRuns(compared, profile ? profiledRun(infra, report, profiled, highest) : List.of());
    }

    private int highestParallelism() {
        return parallelisms.stream().mapToInt(Integer::intValue).max().orElse(2);
    }

    /** The parallelism whose rate the summary line reports and the SQL baseline runs at: 2, else the highest. */
    private int comparedParallelism() {
        return parallelisms.contains(2) ? 2 : highestParallelism();
    }

    private JobRun.Result boundedRun(Infrastructure infra, Report report, Workload workload, int p) throws Exception {
        Console.progress("full job, bounded, parallelism " + p + workload.label());
        JobRun.Result r = JobRun.run(infra, workload.topic(), workload.input().posts(), p, jobTimeout, null, jobArgs);
        ResourceMeter.Usage u = r.usage();
        String part = "job p=" + p + workload.label();
        String target = p == 2 ? ">= 150,000 posts/s: " + (r.postsPerSecond() >= 150_000 ? "met" : "missed") : null;
        report.add(part, "throughput (N / submit-to-finish)", String.format(Locale.ROOT, "%s (%.1f s)",
                Report.rate(r.postsPerSecond()), r.seconds()), target);
        addCpu(report, part, u, r.posts());
        report.add(part, "peak heap (sampled; pool peaks)", Report.bytes(u.peakHeapBytes()) + "; "
                + Report.bytes(u.poolPeakBytes()), null);
        report.add(part, "rows written", Report.count(r.rowsWritten()) + " " + shortRows(r.rows()), null);
        report.add(part, "row writes (inserts + updates)", String.format(Locale.ROOT, "%s (%.2f a post) %s",
                Report.count(r.totalRowWrites()), (double) r.totalRowWrites() / r.posts(), shortRows(r.rowWrites())),
                null);
        Console.progress(String.format(Locale.ROOT, "  %s in %.1f s, %,d rows",
                Report.rate(r.postsPerSecond()), r.seconds(), r.rowsWritten()));
        return r;
    }

    /**
     * 3b. the Flink SQL baseline on a workload, at the job's compared parallelism, with the job's run
     * there (null when not measured): its rate, CPU, rows, whether its posts per hashtag and day agree
     * with the job's, and the job's rate as a multiple of its. Returns its rate.
     */
    private double sqlBaseline(Infrastructure infra, Report report, Workload workload, JobRun.Result job)
            throws Exception {
        int p = comparedParallelism();
        Console.progress("Flink SQL baseline, bounded, parallelism " + p + workload.label());
        SqlBaseline.Result r = SqlBaseline.run(infra, workload.topic(), workload.input().posts(), p, jobTimeout, jobArgs);
        String part = "flink sql p=" + p + workload.label();
        report.add(part, "throughput (N / submit-to-finish)", String.format(Locale.ROOT, "%s (%.1f s)",
                Report.rate(r.postsPerSecond()), r.seconds()), null);
        addCpu(report, part, r.usage(), r.posts());
        report.add(part, "rows written", Report.count(r.rows()) + " (" + SqlBaseline.TABLE + ")", null);
        if (job != null) {
            report.add(part, "posts per hashtag in 1d rows: job / sql", DailyPosts.agreement(job.dailyPosts(),
                    r.dailyPosts()), null);
            double multiple = job.postsPerSecond() / r.postsPerSecond();
            report.add(part, "job rate as a multiple of sql's", String.format(Locale.ROOT, "%.2f", multiple),
                    ">= 3: " + (multiple >= 3 ? "met" : "missed"));
        }
        Console.progress(String.format(Locale.ROOT, "  %s in %.1f s, %,d rows", Report.rate(r.postsPerSecond()),
                r.seconds(), r.rows()));
        return r.postsPerSecond();
    }

    /** As the job's: the planner, the Table runtime and the JSON format are compiled by the JIT during a first run. */
    private void sqlWarmUp(Infrastructure infra, Report report, Workload workload) throws Exception {
        int p = comparedParallelism();
        Console.progress("Flink SQL baseline, bounded, parallelism " + p + ": warm-up, not reported");
        SqlBaseline.Result w = SqlBaseline.run(infra, workload.topic(), workload.input().posts(), p, jobTimeout, jobArgs);
        report.note(String.format(Locale.ROOT, "the Flink SQL warm-up run (p=%d, cold JIT) did %s; the table shows "
                + "the runs after it", p, Report.rate(w.postsPerSecond())));
    }

    private static void addCpu(Report report, String part, ResourceMeter.Usage u, long posts) {
        report.add(part, "CPU of this JVM (broker + Flink)", String.format(Locale.ROOT, "%.1f s (%.2f cores)",
                u.cpuSeconds(), u.cores()), null);
        report.add(part, "CPU of PostgreSQL", Double.isNaN(u.databaseCpuSeconds()) ? "n/a"
                : String.format(Locale.ROOT, "%.1f s", u.databaseCpuSeconds()), null);
        // unlike the rate, hardly changed by other processes on shared cores
        report.add(part, "CPU per post: this JVM / PostgreSQL", String.format(Locale.ROOT, "%.1f / %s µs",
                u.cpuSeconds() * 1e6 / posts, Double.isNaN(u.databaseCpuSeconds()) ? "n/a"
                        : String.format(Locale.ROOT, "%.1f", u.databaseCpuSeconds() * 1e6 / posts)), null);
        // on shared cores the rate follows the others' load: each run's beside it
        report.add(part, "load average at the end (1, 5, 15 min)", loadAverage(), null);
    }

    /** A run of its own: sampling deep Flink stacks slows the job, so it is not a measured figure. */
    private List<String> profiledRun(Infrastructure infra, Report report, Workload workload, int highest)
            throws Exception {
        Path jfr = profileFile != null ? profileFile : Files.createTempFile("staffroom-bench", ".jfr");
        Console.progress("full job, bounded, parallelism " + highest + workload.label() + ", again with JFR for the profile");
        try {
            JobRun.Result r = JobRun.run(infra, workload.topic(), workload.input().posts(), highest, jobTimeout, jfr,
                    jobArgs);
            report.note(String.format(Locale.ROOT, "the profiled run (JFR on, p=%d%s) did %s; the table "
                    + "shows the runs without it", highest, workload.label(), Report.rate(r.postsPerSecond())));
            if (profileFile != null) {
                report.note("JFR recording of the p=" + highest + " run: " + profileFile);
            }
            return r.profile().print(profileTop);
        } finally {
            if (profileFile == null) {
                Files.deleteIfExists(jfr);
            }
        }
    }

    /** 4. live latency of a chat row; returns the p99 of the worse phase. */
    private Long liveLatency(Infrastructure infra, Report report) throws Exception {
        Console.progress("live latency: unbounded job at parallelism " + liveParallelism);
        LiveLatency.Result l = LiveLatency.run(infra, liveParallelism, liveRate, liveDuration, burstRate,
                burstDuration, jobArgs);
        for (LiveLatency.Phase ph : List.of(l.steady(), l.burst())) {
            report.add("live p=" + l.parallelism(), String.format(Locale.ROOT, "%s, %,.0f posts/s: p50 / p99 / max",
                    ph.name(), ph.rate()), String.format(Locale.ROOT, "%d / %d / %d ms (%,d of %,d posts seen)",
                    ph.percentile(50), ph.percentile(99), ph.max(), ph.seen(), ph.posts()), null);
        }
        long liveP99 = l.p99();
        report.add("live p=" + l.parallelism(), "p99, worse phase", liveP99 + " ms",
                "<= 2,000 ms: " + (liveP99 >= 0 && liveP99 <= 2000 ? "met" : "missed"));
        Console.progress("  p99 " + liveP99 + " ms");
        return liveP99;
    }

    /** 5. state per (hashtag, author) for each input and backend; returns the RocksDB profile, if one was taken. */
    private List<String> stateSizes(Infrastructure infra, Report report, List<StateStream> stateStreams,
                                    List<StateBackend> backends) throws Exception {
        List<String> rocksdbProfileLines = List.of();
        for (StateStream stream : stateStreams) {
            for (StateBackend backend : backends) {
                // the profile is of the generator's mix only
                boolean profiled = profile && backend == StateBackend.rocksdb && stream == stateStreams.get(0);
                StateSize.Result s = stateSize(infra, report, stream, backend, profiled);
                if (s.profile() != null) {
                    rocksdbProfileLines = s.profile().print(Math.min(15, profileTop));
                }
            }
        }
        return rocksdbProfileLines;
    }

    private StateSize.Result stateSize(Infrastructure infra, Report report, StateStream stream, StateBackend backend,
                                       boolean profiled) throws Exception {
        String topic = stream.topic();
        Preload.Result input = stream.input();
        Console.progress(String.format(Locale.ROOT, "state size: %s backend, %,d posts of %s, unbounded at p=2",
                backend, input.counted(), topic));
        Path jfr = profiled ? Files.createTempFile("staffroom-bench-rocksdb", ".jfr") : null;
        StateSize.Result s;
        try {
            s = StateSize.measure(infra, topic, input.counted(), input::pairsAfter, backend, 2,
                    stateCheckpointInterval, stateTimeLimit, jfr, jobArgs);
        } finally {
            if (jfr != null) {
                Files.deleteIfExists(jfr);
            }
        }
        String part = stream.label() + " " + backend;
        String partial = s.caughtUp() ? "" : String.format(Locale.ROOT,
                " PARTIAL: time limit reached, the checkpoint covers %,d of %,d posts", s.processedPosts(), s.posts());
        report.add(part, "checkpoint after all posts: full / written", Report.bytes(s.stateBytes()) + " / "
                + Report.bytes(s.checkpointedBytes()) + " (checkpoint " + s.checkpointId() + ")" + partial, null);
        report.add(part, "bytes per (hashtag, author)", String.format(Locale.ROOT, "%.0f B (%,d pairs in %,d posts)",
                s.bytesPerPair(), s.pairs(), s.processedPosts()),
                "<= 100 B: " + (s.bytesPerPair() <= 100 ? "met" : "missed"));
        report.add(part, "catch-up (unbounded, checkpoint every "
                + Durations.format(stateCheckpointInterval) + ")", String.format(Locale.ROOT, "%s (%.1f s)",
                Report.rate(s.processedPosts() / s.catchUpSeconds()), s.catchUpSeconds()), null);
        for (Map.Entry<String, Long> t : s.perTask().entrySet()) {
            if (t.getValue() > 0) {
                report.note(String.format(Locale.ROOT, "%s, task '%s': %s (%.0f B per pair)", part,
                        t.getKey(), Report.bytes(t.getValue()),
                        s.pairs() == 0 ? 0.0 : (double) t.getValue() / s.pairs()));
            }
        }
        Console.progress(String.format(Locale.ROOT, "  %s, %.0f B per pair", Report.bytes(s.stateBytes()),
                s.bytesPerPair()));
        return s;
    }

    /** 6. the profiles, the table, and last the line scripts read. */
    private static void print(Report report, Figures figures) {
        report.note("job throughput = posts / (submit to finish) of a bounded run that reads, parses, de-duplicates, "
                + "windows and writes every row (final rows included) into PostgreSQL; CPU and heap are of this one JVM, "
                + "which also runs the Kafka broker.");
        report.note("live latency = first 20 ms poll of chat_session_metrics showing >= i posts - Kafka LogAppendTime "
                + "of post i (--live-refresh 1s, --sink-flush-interval 100ms).");
        if (!figures.jobProfile().isEmpty()) {
            System.out.println("== where the time goes (JFR execution samples, full job at the highest parallelism, "
                    + "the last workload) ==");
            figures.jobProfile().forEach(System.out::println);
            System.out.println();
        }
        if (!figures.rocksdbProfile().isEmpty()) {
            System.out.println("== where the time goes on RocksDB (JFR execution samples, state run) ==");
            figures.rocksdbProfile().forEach(System.out::println);
            System.out.println();
        }
        System.out.println("== staffroom-bench ==");
        report.table().forEach(System.out::println);
        System.out.println(Report.lastLine(figures.mix(), figures.liveP99(), figures.manyHashtags()));
        System.out.flush();
    }

    /**
     * The preloaded topic's posts, the same posts with many hashtags (null when not measured), and
     * the inputs of the state runs.
     */
    private record Preloaded(Preload.Result posts, Preload.Result manyHashtags, List<StateStream> stateStreams) {}

    /** An input of the ceiling and the bounded runs; its label follows each of their parts' names. */
    private record Workload(String label, String topic, Preload.Result input) {}

    /**
     * The bounded job's runs whose rates the summary line reports (at p=2, else the highest), by
     * workload, and its profile (empty without --profile).
     */
    private record BoundedRuns(List<JobRun.Result> compared, List<String> profile) {}

    /** What the summary line and the profiles need, null where a phase was skipped. */
    private record Figures(Report.Rates mix, Report.Rates manyHashtags, Long liveP99, List<String> jobProfile,
                           List<String> rocksdbProfile) {}

    /** An input of the state runs: the generator's mix, or its posts with many hashtags. */
    private record StateStream(String label, String topic, Preload.Result input) {}

    private static String shortRows(Map<String, Long> rows) {
        StringBuilder b = new StringBuilder("(");
        rows.forEach((table, n) -> b.append(b.length() > 1 ? ", " : "").append(table.replace("_metrics", ""))
                .append(' ').append(Report.count(n)));
        return b.append(')').toString();
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (Exception e) {
            return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }
}
