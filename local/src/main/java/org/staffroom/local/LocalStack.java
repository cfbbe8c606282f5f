package org.staffroom.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.staffroom.importer.ImportCommand;
import org.staffroom.options.JdbcOptions;
import org.staffroom.platforms.SourceFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The README's first command: a real Kafka broker, a real PostgreSQL and Staffroom on a local
 * Flink (web UI on localhost), fed generated weeks or a file, then a summary a person reads.
 */
@Command(name = "staffroom-local", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 120,
        description = {"Starts Kafka, PostgreSQL and Staffroom on this machine, feeds them posts, and prints what "
                + "the job found.", "Options after -- go to the job (see the job's --help)."})
public final class LocalStack implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "FILE",
            description = {"Feed this file instead of generating weeks (repeatable): post events (JSONL), or archives of"
                    + " X API v2 / twarc2, Mastodon or Bluesky Jetstream records (JSONL, gzip or not), converted and"
                    + " sorted by createdAt as staffroom-import does."})
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--input-format", paramLabel = "auto|x-v2|mastodon|bluesky|staffroom",
            converter = ImportCommand.FormatConverter.class,
            description = {"The format of the --input files; auto detects it from each record (default: auto). One plain"
                    + " file of post events is replayed in its own order; anything else is imported."})
    SourceFormat inputFormat;

    @Option(names = "--weeks", defaultValue = "4", description = "Weeks of posts to generate (default: ${DEFAULT-VALUE}).")
    int weeks;

    @Option(names = "--community", defaultValue = "2000",
            description = "Educators in the generated community (default: ${DEFAULT-VALUE}).")
    int community;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the embedded PostgreSQL's data here (reused on the next run); default: a temporary "
                    + "directory removed at exit.")
    Path dataDir;

    @CommandLine.Mixin
    JdbcOptions jdbc;

    @Option(names = "--exit-when-done",
            description = "Exit (code 0) once every input record is reflected in the tables, instead of keeping "
                    + "Kafka and PostgreSQL up for exploration until Ctrl-C.")
    boolean exitWhenDone;

    @Option(names = "--reports", defaultValue = "target/reports", paramLabel = "DIR",
            description = "Where each chat's report goes, <chat>.html, when the job is done (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Option(names = "--web-port", defaultValue = "8081",
            description = "Port of Flink's web UI; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int webPort;

    @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism of the job (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Parameters(paramLabel = "JOB-OPTION", description = "Options for the job, after --.")
    List<String> jobArgs = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        validate();
        boolean externalDatabase = spec.commandLine().getParseResult().hasMatchedOption("--jdbc-url");
        Console console = new Console(System.out);
        try (Stack stack = Stack.start(console, externalDatabase ? jdbc : null, dataDir, parallelism)) {
            Path posts = inputs.isEmpty() ? Feed.generate(console, seed, weeks, community)
                    : Feed.prepare(console, inputs, inputFormat);
            boolean temporary = inputs.isEmpty() || !posts.equals(inputs.get(0));
            long records = Feed.replay(console, posts, stack.bootstrapServers(), Stack.TOPIC);
            List<String> args = new ArrayList<>(stack.jobArgs());
            args.addAll(jobArgs);
            stack.runJob(args, webPort);
            new Summary(stack.database()).print(console, records);
            ChatReports.write(stack.database(), reports, console);
            if (temporary) {
                Files.deleteIfExists(posts);
            }
            if (!exitWhenDone) {
                stack.printConnections(console);
                console.line("Press Ctrl-C to stop Kafka, PostgreSQL and Flink.");
                awaitCtrlC(stack, console);
            }
        }
        return 0;
    }

    private void validate() {
        for (Path input : inputs) {
            if (!Files.isReadable(input)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--input " + input + " cannot be read");
            }
        }
        if (weeks < 1 || community < 10 || parallelism < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--weeks must be at least 1, --community at least 10 and --parallelism at least 1");
        }
        if (webPort < 0 || webPort > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--web-port must be 0..65535");
        }
    }

    /** The stack stays up until the JVM is asked to stop (Ctrl-C); the shutdown hook closes it. */
    private static void awaitCtrlC(Stack stack, Console console) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.line("stopping");
            stack.close();
        }, "staffroom-local-shutdown"));
        new CountDownLatch(1).await();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalStack()).execute(args));
    }
}
