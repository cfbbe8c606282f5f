package org.staffroom.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.staffroom.datagen.ReplayCommand;
import org.staffroom.datagen.replay.ReplayOptions;
import org.staffroom.platforms.ConverterOptions;
import org.staffroom.platforms.SourceFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code staffroom-import FILE…}: archives of X API v2 (twarc2), Mastodon or Bluesky Jetstream
 * records, or of contract events, converted per sources.md, sorted by createdAt, and written to a
 * Kafka topic (or a file). Exit code 0 when every event was acknowledged (or written), 1 when the
 * import failed, 2 for bad usage.
 */
@Command(name = "staffroom-import", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {
            "Import archives of platform records (JSONL, gzip or not) into Staffroom's posts topic.",
            "Each line is converted to contract events (sources.md), everything is sorted by createdAt (archives"
                    + " are newest-first), then written to Kafka and acknowledged (exit 1 otherwise). Lines that cannot"
                    + " be mapped are written as rejections the job keeps in rejected_posts with the reason."
        })
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Archive files: one record (or one X API page) per line.")
    List<Path> files;

    @Option(names = "--input-format", paramLabel = "auto|x-v2|mastodon|bluesky|staffroom",
            converter = FormatConverter.class,
            description = "The records' format; auto detects each line's from its shape (default: auto).")
    SourceFormat format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the sorted contract events to FILE (JSONL) instead of Kafka; - for stdout.")
    String output;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,…]", description = "Kafka brokers (default: ${DEFAULT-VALUE}).")
    String bootstrapServers = ReplayOptions.DEFAULT_BOOTSTRAP_SERVERS;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "The posts topic (default: ${DEFAULT-VALUE}).")
    String topic = ReplayOptions.DEFAULT_TOPIC;

    @Option(names = "--producer-property", paramLabel = "KEY=VALUE",
            description = "A Kafka producer setting (e.g. security.protocol=SSL); repeatable.")
    Map<String, String> producerProperties = new LinkedHashMap<>();

    @Option(names = "--sort-run", paramLabel = "N",
            description = "Events sorted in memory at once; beyond, sorted runs go to --temp-dir and are merged"
                    + " (default: ${DEFAULT-VALUE}, about 250 MB of heap).")
    int sortRun = ImportOptions.DEFAULT_SORT_RUN;

    @Option(names = "--temp-dir", paramLabel = "DIR", description = "Where sort runs and the sorted file go (default: the system's).")
    Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));

    @Option(names = "--repost-cache", paramLabel = "N",
            description = "Bluesky posts whose hashtags are remembered for their reposts (default: ${DEFAULT-VALUE}).")
    int repostCache = ImportOptions.DEFAULT_REPOST_CACHE;

    @Option(names = "--mastodon-domain", paramLabel = "DOMAIN",
            description = "The domain of the Mastodon server the statuses were asked from, for handles without one"
                    + " (default: the host of each account's profile url).")
    String mastodonDomain;

    @Override
    public Integer call() {
        ImportOptions options;
        try {
            ConverterOptions converters = mastodonDomain == null ? ConverterOptions.defaults()
                    : ConverterOptions.defaults().withMastodonDomain(mastodonDomain);
            options = new ImportOptions(format, sortRun, tempDir, repostCache, converters);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + file);
            }
        }
        if (!Files.isDirectory(tempDir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--temp-dir " + tempDir + " is not a directory");
        }
        ArchiveImport archiveImport = new ArchiveImport(options, System.err);
        try {
            if ("-".equals(output)) {
                archiveImport.run(files, new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                return 0;
            }
            Path sorted = output != null ? Path.of(output) : Files.createTempFile(tempDir, "staffroom-import", ".jsonl");
            try {
                try (BufferedWriter out = Files.newBufferedWriter(sorted, StandardCharsets.UTF_8)) {
                    archiveImport.run(files, out);
                }
                return output != null ? 0 : replay(sorted);
            } finally {
                if (output == null) {
                    Files.deleteIfExists(sorted);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            spec.commandLine().getErr().println("import failed: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    /** Datagen's replay: the same producer settings, progress, summary and exit codes. */
    private int replay(Path sorted) {
        List<String> args = new ArrayList<>(List.of(sorted.toString(), "--bootstrap-servers", bootstrapServers, "--topic", topic));
        producerProperties.forEach((k, v) -> args.addAll(List.of("--producer-property", k + "=" + v)));
        CommandLine replay = new CommandLine(new ReplayCommand());
        replay.setOut(spec.commandLine().getOut());
        replay.setErr(spec.commandLine().getErr());
        return replay.execute(args.toArray(String[]::new));
    }

    /** {@code auto} (null: detect per line) or a format's label. */
    public static final class FormatConverter implements CommandLine.ITypeConverter<SourceFormat> {
        @Override
        public SourceFormat convert(String value) {
            if ("auto".equals(value.trim().toLowerCase(Locale.ROOT))) {
                return null;
            }
            try {
                return SourceFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ImportCommand()).execute(args));
    }
}
