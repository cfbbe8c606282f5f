package org.staffroom.config;

import static org.staffroom.options.OptionChecks.require;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.staffroom.chats.ChatCalendar;
import org.staffroom.chats.ChatWeeks;
import org.staffroom.options.Durations;
import org.staffroom.options.JdbcOptions;
import org.staffroom.parse.ParserSettings;
import org.staffroom.parse.Pseudonyms;
import org.staffroom.sink.SinkSettings;
import org.staffroom.source.SourceSettings;
import org.staffroom.source.StartingOffsets;
import org.staffroom.state.StateBackend;
import org.staffroom.windows.WindowScheme;
import org.staffroom.windows.WindowSizes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Every setting of the job, from command-line flags, in one place. {@link #parse} validates them
 * all before anything starts. The database password is never a flag: it comes from an environment
 * variable or a file, so it shows neither in process lists nor in logs.
 */
@Command(name = "staffroom-job", mixinStandardHelpOptions = true, version = "Staffroom 0.1.0",
        sortOptions = false, usageHelpWidth = 120,
        description = "Reads post events from Kafka, computes engagement per hashtag window and writes it to "
                + "PostgreSQL (see the contract in the README).")
public final class StaffroomConfig {

    @Option(names = "--bootstrap-servers", defaultValue = "localhost:9092", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers to bootstrap from (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--topic", defaultValue = "edu.posts", description = "Topic of post events (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--group-id", defaultValue = "staffroom",
            description = "Kafka consumer group; offsets are committed on checkpoints (default: ${DEFAULT-VALUE}).")
    String groupId;

    @Option(names = "--starting-offsets", defaultValue = "committed", paramLabel = "committed|earliest|latest",
            description = "Where to start without a checkpoint: the group's committed offsets (earliest where none), "
                    + "the beginning, or new records only (default: ${DEFAULT-VALUE}).")
    StartingOffsets startingOffsets;

    @Option(names = "--kafka-properties", paramLabel = "FILE",
            description = "Kafka client properties (security.protocol, sasl.*, ssl.*, ...) for the source; read at "
                    + "start, values never logged. Give secrets as ${file:PATH:KEY}, resolved by the Kafka client "
                    + "where it runs, so that they stay out of the job graph.")
    Path kafkaPropertiesFile;

    @Option(names = "--bounded", description = "Stop at the offsets present when the job starts, once "
            + "everything before them is processed and written (default: run forever).")
    boolean bounded;

    @Option(names = "--progress-interval", defaultValue = "10s", converter = Durations.class, paramLabel = "DURATION",
            description = "While a client waits for the job (a --bounded run, the local stack), a progress line on "
                    + "stderr this often: records read, rate, event time reached, and for a bounded run the share done "
                    + "and time left; 0 for none (default: ${DEFAULT-VALUE}).")
    Duration progressInterval;

    @Option(names = "--start-without-state", description = "Start even though the tables hold open rows of an "
            + "earlier run and this run has no savepoint or checkpoint to resume from: those windows are then counted "
            + "from what this run reads only (final rows never change either way). Without it, such a start is "
            + "refused.")
    boolean startWithoutState;

    @CommandLine.Mixin
    JdbcOptions jdbc;

    @Option(names = "--window-sizes", defaultValue = "30m,1d", split = ",", paramLabel = "SIZE[,SIZE...]",
            hideParamSyntax = true,
            description = "Per-hashtag tumbling window sizes: sub-day sizes that divide a day (aligned to the UTC "
                    + "epoch) and 1d, a calendar day in --day-zone (default: ${DEFAULT-VALUE}).")
    List<String> windowSizes;

    @Option(names = "--day-zone", defaultValue = "UTC", paramLabel = "ZONE",
            description = "IANA time zone of the 1d windows' calendar days (default: ${DEFAULT-VALUE}).")
    String dayZone;

    @Option(names = "--chats", paramLabel = "FILE",
            description = "Chat calendar (JSON, see the README); default: #SLTchat, #primedchat and #UKEdChat at 20:00 "
                    + "UK time on Sunday, Wednesday and Thursday.")
    Path chatsFile;

    @Option(names = "--live-refresh", defaultValue = "30s", converter = Durations.class, paramLabel = "DURATION",
            description = "While a chat session runs its row is rewritten this often (is_final = false); at most 1m "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration liveRefresh;

    @Option(names = "--out-of-orderness", defaultValue = "30s", converter = Durations.class, paramLabel = "DURATION",
            description = "How far behind the latest event time a post may arrive and still count as on time; "
                    + "results do not depend on arrival order within it (default: ${DEFAULT-VALUE}).")
    Duration outOfOrderness;

    @Option(names = "--allowed-lateness", defaultValue = "5m", converter = Durations.class, paramLabel = "DURATION",
            description = "How long after its end a window still takes late posts and its row stays is_final = false; "
                    + "later posts go to late_posts (default: ${DEFAULT-VALUE}).")
    Duration allowedLateness;

    @Option(names = "--idle-timeout", defaultValue = "1m", converter = Durations.class, paramLabel = "DURATION",
            description = "A partition without records for this long stops holding back event time "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--dedup-horizon", defaultValue = "8d", converter = Durations.class, paramLabel = "DURATION",
            description = "Event time for which repeated deliveries of a post are recognised; at least 7d, and at "
                    + "least the longest window (a chat week: 169h) plus --allowed-lateness, so that no "
                    + "window a post counted in can count it again (default: ${DEFAULT-VALUE}).")
    Duration dedupHorizon;

    @Option(names = "--max-future", defaultValue = "24h", converter = Durations.class, paramLabel = "DURATION",
            description = "Posts whose createdAt is further than this after the moment they are read are rejected "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration maxFuture;

    @Option(names = "--min-event-time", defaultValue = "2000-01-01T00:00:00Z", paramLabel = "INSTANT",
            description = "Posts created before this instant are rejected (default: ${DEFAULT-VALUE}).")
    Instant minEventTime;

    @Option(names = "--pseudonymise-key-file", paramLabel = "FILE",
            description = {"Replace every author id, handle, post id and mentioned account that reaches PostgreSQL by a "
                    + "keyed hash (HMAC-SHA-256, 96 bits) under the key in FILE (at least 32 bytes, e.g. head -c 32 "
                    + "/dev/urandom), read where the job runs: tables a study can publish. Counts are unchanged."})
    Path pseudonymKeyFile;

    @Option(names = "--checkpoint-interval", defaultValue = "30s", converter = Durations.class, paramLabel = "DURATION",
            description = "Checkpoint interval; checkpoints hold Kafka offsets and all state (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = "--checkpoint-dir", paramLabel = "URI",
            description = "Where checkpoints are written (file:///..., s3://..., hdfs://..., or an absolute path); kept "
                    + "when the job is cancelled, to resume from. Default: the cluster's execution.checkpointing.dir; "
                    + "the job refuses to start when neither is set, since the JobManager's memory holds only 5 MiB.")
    String checkpointDir;

    @Option(names = "--state-backend", defaultValue = "heap", paramLabel = "heap|rocksdb",
            description = "Where state is kept: heap (fastest, must fit in memory) or rocksdb (local disk, "
                    + "incremental checkpoints: for communities too large for memory). Overrides the cluster's "
                    + "state.backend.type, since the window state is laid out for it (default: ${DEFAULT-VALUE}).")
    StateBackend stateBackend;

    @Option(names = "--parallelism", defaultValue = "0", paramLabel = "N",
            description = "Parallelism of every operator; 0 uses the cluster's default (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--sink-batch-size", defaultValue = "5000", paramLabel = "ROWS",
            description = "Rows per database batch, one per key: a row replaces an earlier one of its key in the "
                    + "batch (default: ${DEFAULT-VALUE}).")
    int sinkBatchSize;

    @Option(names = "--sink-flush-interval", defaultValue = "1s", converter = Durations.class, paramLabel = "DURATION",
            description = "A partial batch is written after at most this long, so quiet windows show promptly "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration sinkFlushInterval;

    @Option(names = "--sink-max-retries", defaultValue = "3", paramLabel = "N",
            description = "Retries of a failed database batch before the job restarts from its last checkpoint; "
                    + "rows refused for their data go to dead_letters instead (default: ${DEFAULT-VALUE}).")
    int sinkMaxRetries;

    private URI checkpointDirUri;
    private List<WindowScheme> windowSchemes;
    private ChatCalendar chatCalendar;
    private KafkaProperties kafkaProperties;

    private StaffroomConfig() {}

    /** The result of reading the command line: a config, or the text to print and the exit code. */
    public static final class Parsed {
        public final StaffroomConfig config;
        public final String message;
        public final int exitCode;

        private Parsed(StaffroomConfig config, String message, int exitCode) {
            this.config = config;
            this.message = message;
            this.exitCode = exitCode;
        }
    }

    /** Reads and validates the flags; help and version requests come back as a message with exit code 0. */
    public static Parsed parse(String... args) {
        StaffroomConfig config = new StaffroomConfig();
        // a flag given twice takes its last value, so scripts can append overrides
        CommandLine cli = new CommandLine(config).setOverwrittenOptionsAllowed(true);
        try {
            CommandLine.ParseResult result = cli.parseArgs(args);
            if (result.isUsageHelpRequested()) {
                return new Parsed(null, cli.getUsageMessage(), 0);
            }
            if (result.isVersionHelpRequested()) {
                return new Parsed(null, String.join("\n", cli.getCommandSpec().version()), 0);
            }
            config.validate();
            return new Parsed(config, null, 0);
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            StringWriter usage = new StringWriter();
            new PrintWriter(usage).printf("staffroom-job: %s%nRun with --help to see every option.%n", e.getMessage());
            return new Parsed(null, usage.toString(), 2);
        }
    }

    /** For tests and embedding: the config or an exception with the same message a user would see. */
    public static StaffroomConfig of(String... args) {
        Parsed parsed = parse(args);
        if (parsed.config == null) {
            throw new IllegalArgumentException(parsed.message);
        }
        return parsed.config;
    }

    private void validate() {
        require(!bootstrapServers.isBlank(), "--bootstrap-servers must not be empty");
        require(!topic.isBlank(), "--topic must not be empty");
        require(!groupId.isBlank(), "--group-id must not be empty");
        jdbc.validate();
        kafkaProperties = KafkaProperties.read(kafkaPropertiesFile);
        ZoneId zone;
        try {
            zone = ZoneId.of(dayZone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--day-zone '" + dayZone + "' is not an IANA time zone (e.g. UTC, "
                    + "Europe/London)");
        }
        try {
            windowSchemes = WindowSizes.parse(windowSizes, zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--window-sizes: " + e.getMessage());
        }
        try {
            chatCalendar = chatsFile == null ? ChatCalendar.defaults() : ChatCalendar.read(chatsFile);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--chats: " + e.getMessage());
        }
        require(liveRefresh.compareTo(Duration.ofSeconds(1)) >= 0 && liveRefresh.compareTo(Duration.ofMinutes(1)) <= 0,
                "--live-refresh must be between 1s and 1m (contract §4: at least once a minute), got "
                        + Durations.format(liveRefresh));
        require(!outOfOrderness.isNegative(), "--out-of-orderness must not be negative");
        require(!allowedLateness.isNegative(), "--allowed-lateness must not be negative");
        require(!idleTimeout.isNegative() && !idleTimeout.isZero(), "--idle-timeout must be positive");
        require(!progressInterval.isNegative(), "--progress-interval must not be negative (0 for no progress lines)");
        require(dedupHorizon.compareTo(Duration.ofDays(7)) >= 0,
                "--dedup-horizon must be at least 7d (contract §1), got " + Durations.format(dedupHorizon));
        Duration changeable = longestWindow().plus(allowedLateness);
        require(dedupHorizon.compareTo(changeable) >= 0, "--dedup-horizon must cover the longest window ("
                + Durations.format(longestWindow()) + ") plus --allowed-lateness (" + Durations.format(allowedLateness)
                + "): a post repeated later could be counted twice; got " + Durations.format(dedupHorizon)
                + ", at least " + Durations.format(changeable) + " needed");
        require(!maxFuture.isNegative(), "--max-future must not be negative");
        if (pseudonymKeyFile != null) {
            try {
                Pseudonyms.fromKeyFile(pseudonymKeyFile.toString());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--pseudonymise-key-file: " + e.getMessage());
            }
        }
        require(checkpointInterval.compareTo(Duration.ofMillis(100)) >= 0,
                "--checkpoint-interval must be at least 100ms, got " + Durations.format(checkpointInterval));
        checkpointDirUri = checkpointDir == null ? null : checkpointDirUri(checkpointDir);
        require(parallelism >= 0, "--parallelism must be 0 (cluster default) or more");
        require(sinkBatchSize >= 1, "--sink-batch-size must be at least 1");
        require(!sinkFlushInterval.isNegative(), "--sink-flush-interval must not be negative");
        require(sinkMaxRetries >= 0, "--sink-max-retries must not be negative");
    }

    /** The longest any window lasts: hashtag windows, chat sessions, and chat weeks where there are chats. */
    private Duration longestWindow() {
        List<WindowScheme> schemes = new ArrayList<>(windowSchemes);
        schemes.addAll(chatCalendar.chats());
        chatCalendar.chats().stream().findFirst().ifPresent(chat -> schemes.add(new ChatWeeks(chat.zone())));
        return schemes.stream().map(WindowScheme::longest).max(Duration::compareTo).orElseThrow();
    }

    /** An absolute path becomes a file: URI; anything else must be an absolute URI of a file system Flink knows. */
    private static URI checkpointDirUri(String value) {
        String hint = "--checkpoint-dir must be an absolute path or a URI such as file:///var/lib/staffroom/checkpoints "
                + "or s3://bucket/staffroom/checkpoints, got '" + value + "'";
        if (value.startsWith("/")) {
            return Path.of(value).toUri();
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(hint);
        }
        require(uri.isAbsolute() && uri.getScheme().length() > 1 && uri.getPath() != null && !uri.getPath().isEmpty(),
                hint);
        return uri;
    }

    public String bootstrapServers() { return bootstrapServers; }
    public String topic() { return topic; }
    public String groupId() { return groupId; }
    public KafkaProperties kafkaProperties() { return kafkaProperties; }
    public StartingOffsets startingOffsets() { return startingOffsets; }
    public boolean bounded() { return bounded; }
    public boolean startWithoutState() { return startWithoutState; }
    /** How often a waiting client prints a progress line; zero for never. */
    public Duration progressInterval() { return progressInterval; }
    public JdbcOptions jdbc() { return jdbc; }
    public List<WindowScheme> windowSchemes() { return windowSchemes; }
    public ChatCalendar chatCalendar() { return chatCalendar; }
    public Duration liveRefresh() { return liveRefresh; }
    public Duration outOfOrderness() { return outOfOrderness; }
    public Duration allowedLateness() { return allowedLateness; }
    public Duration idleTimeout() { return idleTimeout; }
    public Duration dedupHorizon() { return dedupHorizon; }
    public Duration checkpointInterval() { return checkpointInterval; }
    /** The checkpoint directory as a URI, or null to use the cluster's. */
    public URI checkpointDir() { return checkpointDirUri; }
    public StateBackend stateBackend() { return stateBackend; }
    public int parallelism() { return parallelism; }
    public int sinkBatchSize() { return sinkBatchSize; }
    public Duration sinkFlushInterval() { return sinkFlushInterval; }
    public int sinkMaxRetries() { return sinkMaxRetries; }

    public ParserSettings parserSettings() {
        return new ParserSettings(maxFuture, minEventTime,
                pseudonymKeyFile == null ? null : pseudonymKeyFile.toAbsolutePath().toString());
    }

    public SourceSettings sourceSettings() {
        return new SourceSettings(bootstrapServers, topic, groupId, kafkaProperties.values(), startingOffsets, bounded,
                parserSettings(), outOfOrderness, idleTimeout);
    }

    public SinkSettings sinkSettings() {
        return new SinkSettings(jdbc, sinkBatchSize, sinkFlushInterval, sinkMaxRetries);
    }

    /** For logs: every setting but the password, which is only said to be set or not. */
    @Override
    public String toString() {
        return "topic=" + topic + " bootstrap=" + bootstrapServers + " group=" + groupId + " " + kafkaProperties + " start=" + startingOffsets
                + (bounded ? " bounded" : "") + " " + jdbc
                + " windows=" + windowSizes + " dayZone=" + dayZone + " chats=" + (chatsFile == null ? "default" : chatsFile)
                + " outOfOrderness=" + Durations.format(outOfOrderness)
                + " allowedLateness=" + Durations.format(allowedLateness)
                + " checkpointInterval=" + Durations.format(checkpointInterval) + " stateBackend=" + stateBackend
                + " checkpointDir=" + (checkpointDirUri == null ? "cluster's" : checkpointDirUri);
    }
}
