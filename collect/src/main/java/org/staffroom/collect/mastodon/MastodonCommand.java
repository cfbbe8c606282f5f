package org.staffroom.collect.mastodon;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.staffroom.collect.CleanStop;
import org.staffroom.collect.CollectCli;
import org.staffroom.collect.ReconnectOptions;
import org.staffroom.collect.output.KafkaOutput;
import org.staffroom.datagen.replay.DurationConverter;
import org.staffroom.platforms.publish.KafkaEventWriter;
import org.staffroom.platforms.publish.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code collect mastodon}: the hashtag streams of Mastodon servers into the posts topic, until stopped. */
@Command(name = "mastodon", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = {"Mastodon's hashtag streams (server-sent events), one per server and hashtag, converted to "
                + "the contract's events and written to Kafka once per status uri. After a disconnection, and at "
                + "start when --state-file holds where each stream was, it catches up from the tag timeline.",
                "Runs until SIGTERM or Ctrl-C (exit 0); exit 1 when Kafka cannot be reached or loses a record, "
                        + "2 on bad options."})
public final class MastodonCommand implements Callable<Integer> {
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_]+");

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOutput kafka;

    @Option(names = "--servers", required = true, split = ",", paramLabel = "SERVER[,…]",
            description = "Mastodon servers: host names (mastodon.social, over HTTPS) or root URLs (http://host:port).")
    List<String> servers;

    @Option(names = "--hashtags", required = true, split = ",", paramLabel = "TAG[,…]",
            description = "Hashtags to follow on every server, with or without #.")
    List<String> hashtags;

    @Option(names = "--access-token-file", paramLabel = "[SERVER=]FILE",
            description = "A file holding a server's access token, sent to that server only as a bearer token (some "
                    + "servers stream only to logged-in users); repeatable; a bare FILE when one server is given. "
                    + "Never on the command line.")
    List<String> accessTokenFiles = new ArrayList<>();

    @Option(names = "--state-file", paramLabel = "FILE",
            description = "Where each stream's last acknowledged status id is kept, to catch up from after a restart "
                    + "(created if missing). Without it a restart starts from the live streams.")
    Path stateFile;

    @Option(names = "--page-size", paramLabel = "N",
            description = "Statuses per timeline page when catching up, 1 to 40 (default: ${DEFAULT-VALUE}).")
    int pageSize = TagTimeline.MAX_PAGE_SIZE;

    @Mixin
    ReconnectOptions reconnect;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often the records sent are awaited and the positions saved (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval = Duration.ofSeconds(5);

    @Option(names = "--recent-uris", paramLabel = "N",
            description = "How many uris of statuses written are remembered, to drop duplicates and write their deletions (default: ${DEFAULT-VALUE}).")
    int recentUris = 100_000;

    @Option(names = "--progress-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often a progress line goes to stderr; 0: never (default: ${DEFAULT-VALUE}).")
    Duration progressInterval = Duration.ofSeconds(10);

    @Override
    public Integer call() throws InterruptedException {
        MastodonCollector.Settings settings = settings();
        ResumePositions positions = positions();
        PrintWriter err = spec.commandLine().getErr();
        try (KafkaEventWriter writer = kafka.open("staffroom-collect-mastodon")) {
            MastodonCollector collector = new MastodonCollector(settings, positions, writer, err);
            try (Progress progress = collector.counts().progress();
                 CleanStop cleanStop = new CleanStop("collect mastodon", collector::stop, err)) {
                progress.startPrinting(err, progressInterval);
                cleanStop.run(() -> {
                    collector.run();
                    err.println("collect mastodon: stopped; " + collector.counts().summary()
                            + stateFile().map(f -> "; positions saved to " + f).orElse(""));
                    err.flush();
                });
            }
        }
        return CollectCli.EXIT_OK;
    }

    /** The options, checked; a {@link ParameterException} names the one refused. */
    MastodonCollector.Settings settings() {
        List<MastodonServer> parsed = new ArrayList<>();
        for (String server : servers) {
            try {
                MastodonServer s = MastodonServer.parse(server);
                if (parsed.stream().anyMatch(p -> p.name().equals(s.name()))) {
                    throw usage("--servers: " + s.name() + " is given twice");
                }
                parsed.add(s);
            } catch (IllegalArgumentException e) {
                throw usage("--servers: " + e.getMessage());
            }
        }
        List<String> tags = new ArrayList<>();
        for (String hashtag : hashtags) {
            String tag = hashtag.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
            if (!TAG.matcher(tag).matches()) {
                throw usage("--hashtags: '" + hashtag + "' is not a hashtag (letters, digits and _)");
            }
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        if (pageSize < 1 || pageSize > TagTimeline.MAX_PAGE_SIZE) {
            throw usage("--page-size: " + pageSize + " is not between 1 and " + TagTimeline.MAX_PAGE_SIZE);
        }
        reconnect.validated(spec.commandLine());
        positive("--checkpoint-interval", checkpointInterval);
        if (recentUris < 1) {
            throw usage("--recent-uris: " + recentUris + " must be at least 1");
        }
        if (progressInterval.isNegative()) {
            throw usage("--progress-interval: must not be negative");
        }
        return new MastodonCollector.Settings(parsed, tags, accessTokens(parsed), pageSize,
                reconnect.reconnectDelay(), reconnect.maxReconnectDelay(), checkpointInterval, reconnect.idleTimeout(), recentUris);
    }

    /** Each token file's token, by the name of the server it belongs to. */
    private Map<String, String> accessTokens(List<MastodonServer> parsed) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String given : accessTokenFiles) {
            int eq = given.indexOf('=');
            MastodonServer server;
            if (eq < 0) {
                if (parsed.size() != 1) {
                    throw usage("--access-token-file: name the server a token belongs to (SERVER=FILE): a token is "
                            + "sent to its own server only");
                }
                server = parsed.get(0);
            } else {
                String name = given.substring(0, eq);
                server = parsed.stream().filter(s -> s.name().equals(name) || s.base().toString().equals(name))
                        .findFirst()
                        .orElseThrow(() -> usage("--access-token-file: " + name + " is not one of --servers"));
            }
            Path file = Path.of(given.substring(eq + 1));
            if (tokens.put(server.name(), token(file)) != null) {
                throw usage("--access-token-file: two tokens for " + server.name());
            }
        }
        return tokens;
    }

    private String token(Path file) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw usage("--access-token-file: " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ')) {
            throw usage("--access-token-file: " + file + " must hold one token, without spaces or lines");
        }
        return token;
    }

    private ResumePositions positions() {
        Path directory = stateFile == null ? null : stateFile.toAbsolutePath().getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            throw usage("--state-file: " + stateFile + ": the directory " + directory + " does not exist");
        }
        try {
            return stateFile().map(ResumePositions::load).orElseGet(ResumePositions::inMemory);
        } catch (IllegalArgumentException e) {
            throw usage("--state-file: " + e.getMessage());
        }
    }

    private Optional<Path> stateFile() {
        return Optional.ofNullable(stateFile);
    }

    private void positive(String option, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw usage(option + ": " + value.toMillis() + "ms must be more than zero");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
