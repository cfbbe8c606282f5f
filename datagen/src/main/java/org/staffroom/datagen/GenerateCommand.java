package org.staffroom.datagen;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.staffroom.platforms.SourceFormat;
import org.staffroom.datagen.generator.EventTimeSpan;
import org.staffroom.datagen.generator.GeneratorConfig;
import org.staffroom.datagen.generator.JsonLines;
import org.staffroom.datagen.generator.KafkaPostSink;
import org.staffroom.datagen.generator.NativeRecords;
import org.staffroom.datagen.generator.PostGenerator;
import org.staffroom.datagen.generator.PostSink;
import org.staffroom.platforms.publish.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code datagen generate}: a realistic, seeded stream of education posts, written as JSON lines
 * to a file or stdout, or to a Kafka topic. The same options always give the same posts.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = {
            "Generates education posts (contract §1) in event-time order: a community of educators with "
                + "skewed activity, background traffic (#edchat, #teacher5aday, #sharingiscaring, #earlybirds, "
                + "#TwitteratiChallenge, ...) and the weekly chats' bursts (#SLTchat Sunday, #primedchat "
                + "Wednesday, #UKEdChat Thursday, 20:00 UK time), newcomers week by week.",
            "The same options always give the same bytes.",
        },
        footer = {"", "Example: datagen generate --weeks 2 --output posts.jsonl"})
public final class GenerateCommand implements Callable<Integer> {
    static final String DEFAULT_TOPIC = "edu.posts";
    private static final int PROGRESS_EVERY = 4096;
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

    @Spec
    CommandSpec spec;

    @ParentCommand
    DatagenCli parent;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", defaultValue = "2025-01-06", paramLabel = "DATE", converter = DateConverter.class,
            description = "First day (yyyy-mm-dd), from UK local midnight (default: ${DEFAULT-VALUE}).")
    LocalDate start;

    @Option(names = "--weeks", defaultValue = "4", paramLabel = "N",
            description = "Number of weeks to generate, 1 to 520 (default: ${DEFAULT-VALUE}).")
    int weeks;

    @Option(names = "--community", defaultValue = "2000", paramLabel = "N",
            description = "Number of educators, including lurkers and later newcomers (default: ${DEFAULT-VALUE}).")
    int community;

    @Option(names = "--rate", defaultValue = "60", paramLabel = "POSTS_PER_HOUR",
            description = "Average background posts per hour; the chats add their bursts (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write JSON lines (UTF-8, one post per line) to FILE, or to stdout with '-'.")
    String output;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Write to Kafka instead (key: post id), at these brokers.")
    String bootstrapServers;

    @Option(names = "--topic", paramLabel = "TOPIC",
            description = "Topic for --bootstrap-servers (default: " + DEFAULT_TOPIC + ").")
    String topic;

    @Option(names = "--format", defaultValue = "staffroom", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "staffroom (the contract's events, default), or a platform's native records of that "
                + "platform's posts only: x-v2 (API v2 search pages of 100 tweets, newest first in each, one per "
                + "line), mastodon (one Status entity per line) or bluesky (one Jetstream event per line). "
                + "Native records go to --output; the importer converts them.")
    SourceFormat format;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr (always quiet when writing to stdout).")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        GeneratorConfig config = config();
        Destination destination = destination();
        PostGenerator generator = new PostGenerator(config);
        PrintWriter err = spec.commandLine().getErr();
        EventTimeSpan span = new EventTimeSpan(generator.startMillis(), generator.endMillis());
        Progress progress = quiet || destination.stdout
                ? null : new Progress("datagen", "posts", "posts", span, System::nanoTime);
        long posts = 0;
        PostSink sink = destination.open();
        try (sink; progress) {
            if (progress != null) {
                progress.startPrinting(err, PROGRESS_INTERVAL);
            }
            while (generator.advance()) {
                sink.write(generator.current());
                posts++;
                if (progress != null && posts % PROGRESS_EVERY == 0) {
                    span.update(generator.current().timeMillis());
                    progress.update(posts);
                }
            }
        }
        if (progress != null) {
            progress.update(posts);
            err.println(progress.closingLine(destination.name));
            if (sink instanceof NativeRecords records) {
                err.println("datagen: " + records.summary());
            }
        }
        return DatagenCli.EXIT_OK;
    }

    private GeneratorConfig config() {
        try {
            return GeneratorConfig.builder().seed(seed).start(start).weeks(weeks).community(community).rate(rate).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Destination destination() {
        if (output != null && bootstrapServers != null) {
            throw usage("--output and --bootstrap-servers are mutually exclusive: write to a file or to Kafka");
        }
        if (output == null && bootstrapServers == null) {
            throw usage("where to? Give --output FILE ('-' for stdout) or --bootstrap-servers HOST:PORT");
        }
        if (format != SourceFormat.STAFFROOM && bootstrapServers != null) {
            throw usage("--format " + format.formatName() + " writes native records to --output: the job reads "
                    + "contract events, which the importer makes of them");
        }
        if (topic != null && bootstrapServers == null) {
            throw usage("--topic only applies with --bootstrap-servers");
        }
        if (bootstrapServers != null) {
            if (bootstrapServers.isBlank()) {
                throw usage("--bootstrap-servers must not be empty");
            }
            String t = topic == null ? DEFAULT_TOPIC : topic;
            if (!t.matches("[a-zA-Z0-9._-]{1,249}")) {
                throw usage("--topic must be 1 to 249 letters, digits, '.', '_' or '-', got '" + t + "'");
            }
            return new Destination("topic " + t, false, () -> new KafkaPostSink(bootstrapServers, t));
        }
        if (output.equals("-")) {
            OutputStream stdout = new FilterOutputStream(parent.stdout()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush(); // stdout stays open for whoever called us
                }
            };
            return new Destination("stdout", true, () -> sink(stdout));
        }
        Path file;
        try {
            file = Path.of(output);
        } catch (InvalidPathException e) {
            throw usage("--output: not a file name: '" + output + "'");
        }
        if (output.isBlank() || Files.isDirectory(file)) {
            throw usage("--output must be a file, got '" + output + "'");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw usage("--output: directory " + dir + " does not exist");
        }
        return new Destination(file.toString(), false, () -> {
            try {
                return sink(Files.newOutputStream(file));
            } catch (IOException e) {
                throw new IOException("cannot write " + file + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
            }
        });
    }

    private PostSink sink(OutputStream out) {
        return format == SourceFormat.STAFFROOM ? new JsonLines(out) : new NativeRecords(format, out);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private interface Opener {
        PostSink open() throws IOException;
    }

    private record Destination(String name, boolean stdout, Opener opener) {
        PostSink open() throws IOException {
            return opener.open();
        }
    }

    /** A format name, with a message listing the formats. */
    static final class FormatConverter implements ITypeConverter<SourceFormat> {
        @Override
        public SourceFormat convert(String value) {
            try {
                return SourceFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** yyyy-mm-dd, with a message that says so. */
    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("expected a date like 2025-01-06, got '" + value + "'");
            }
        }
    }
}
