package org.staffroom.collect.bluesky;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.staffroom.collect.Backoff;
import org.staffroom.collect.CleanStop;
import org.staffroom.collect.CollectCli;
import org.staffroom.collect.ReconnectOptions;
import org.staffroom.collect.output.KafkaOutput;
import org.staffroom.datagen.replay.DurationConverter;
import org.staffroom.platforms.ConverterOptions;
import org.staffroom.platforms.Converters;
import org.staffroom.platforms.SourceFormat;
import org.staffroom.platforms.publish.KafkaEventWriter;
import org.staffroom.platforms.publish.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code collect bluesky}: Bluesky's Jetstream into the posts topic, the posts with wanted
 * hashtags, their reposts and the deletions of both, resumable (see {@link BlueskyCollector}). Runs
 * until SIGTERM or Ctrl-C, which stop it cleanly ({@link org.staffroom.collect.CleanStop}): the
 * stream closed, every event sent acknowledged, the position saved, exit 0.
 */
@Command(name = "bluesky", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = "Jetstream's posts with the wanted hashtags, their reposts and the deletions of both, into Kafka, until stopped.")
public final class BlueskyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOutput output;

    @Option(names = "--hashtags", required = true, split = ",", paramLabel = "TAG[,…]",
            description = "Keep posts with any of these hashtags (normalised: #UKEdChat = ukedchat), and their reposts.")
    List<String> hashtags;

    @Option(names = "--jetstream", split = ",", paramLabel = "URL[,…]",
            description = "Jetstream endpoints, tried in turn on each reconnection (default: ${DEFAULT-VALUE}).")
    List<URI> endpoints = List.of(URI.create("wss://jetstream1.us-east.bsky.network/subscribe"),
            URI.create("wss://jetstream2.us-east.bsky.network/subscribe"),
            URI.create("wss://jetstream1.us-west.bsky.network/subscribe"),
            URI.create("wss://jetstream2.us-west.bsky.network/subscribe"));

    @Option(names = "--cursor-file", paramLabel = "FILE",
            description = "Where the position acknowledged by Kafka is kept, and resumed from (default: ${DEFAULT-VALUE}).")
    Path cursorFile = Path.of("bluesky.cursor");

    @Option(names = "--rewind", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "On every (re)connection, start this much before the saved position (default: ${DEFAULT-VALUE}).")
    Duration rewind = Duration.ofSeconds(5);

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often the position is saved, once Kafka acknowledged everything before it (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval = Duration.ofSeconds(1);

    @Mixin
    ReconnectOptions reconnect;

    @Option(names = "--remember-posts", paramLabel = "N",
            description = "How many recent kept posts (and reposts) are remembered, so that their reposts and deletions are written (default: ${DEFAULT-VALUE}).")
    int rememberPosts = 100_000;

    @Option(names = "--max-handles", paramLabel = "N",
            description = "How many handles learnt from identity events are kept (default: ${DEFAULT-VALUE}).")
    int maxHandles = 100_000;

    @Option(names = "--progress-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "A progress line on stderr this often; 0: none (default: ${DEFAULT-VALUE}).")
    Duration progressInterval = Duration.ofSeconds(10);

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = validated();
        PrintWriter err = spec.commandLine().getErr();
        try (KafkaEventWriter writer = output.open("staffroom-collect-bluesky")) {
            BlueskyCollector collector = new BlueskyCollector(settings.subscription(),
                    new BlueskyCollector.Resume(new CursorFile(cursorFile), checkpointInterval, rewind),
                    settings.backoff(), reconnect.idleTimeout(), Converters.forFormat(SourceFormat.BLUESKY,
                            new ConverterOptions(Optional.empty(), Map.of(), maxHandles)),
                    new WantedPosts(settings.hashtags(), rememberPosts), writer, err);
            err.println("collect bluesky: posts with the hashtags " + settings.hashtags() + " into " + output.topic()
                    + " at " + output.bootstrapServers() + "; cursor " + cursorFile.toAbsolutePath());
            try (Progress progress = collector.counts().progress();
                 CleanStop cleanStop = new CleanStop("collect bluesky", collector::stop, err)) {
                progress.startPrinting(err, progressInterval);
                cleanStop.run(collector::run);
            }
        }
        return CollectCli.EXIT_OK;
    }

    /** The options' values checked together, each refusal naming its option. */
    private Settings validated() {
        Backoff waits = reconnect.validated(spec.commandLine()).backoff();
        try {
            WantedHashtags wanted = new WantedHashtags(hashtags);
            JetstreamSubscription subscription = new JetstreamSubscription(endpoints);
            require(!rewind.isNegative(), "--rewind must not be negative");
            require(!checkpointInterval.isNegative() && !checkpointInterval.isZero(),
                    "--checkpoint-interval must be positive");
            require(rememberPosts >= 1, "--remember-posts must be at least 1, not " + rememberPosts);
            require(maxHandles >= 1, "--max-handles must be at least 1, not " + maxHandles);
            return new Settings(wanted, subscription, waits);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private record Settings(WantedHashtags hashtags, JetstreamSubscription subscription, Backoff backoff) {}
}
