package org.staffroom.datagen;

import java.io.OutputStream;
import java.io.PrintStream;
import org.staffroom.platforms.cli.CommandGroup;
import org.staffroom.platforms.cli.CommandLines;
import picocli.CommandLine.Command;

/**
 * The {@code datagen} command line: the producer side of Staffroom. Each tool is a subcommand; add
 * new ones to the {@code subcommands} list below.
 *
 * <p>Exit codes: 0 done, 1 failed while running (cannot write the file, Kafka unreachable), 2 bad
 * usage (with a message naming the option).
 */
@Command(name = "datagen", mixinStandardHelpOptions = true, version = "Staffroom datagen 0.1.0",
        usageHelpWidth = 100,
        description = "Post events for Staffroom in the contract's input format (§1).",
        subcommands = {
            GenerateCommand.class,
            ReplayCommand.class,
        })
public final class DatagenCli extends CommandGroup {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = CommandLines.EXIT_FAILED;
    public static final int EXIT_USAGE = 2;

    private final OutputStream stdout;

    public DatagenCli() {
        this(System.out);
    }

    /** @param stdout where data goes; progress and errors go to the command line's {@code getErr()} */
    public DatagenCli(OutputStream stdout) {
        this.stdout = stdout;
    }

    /** Where a subcommand writes data (raw bytes), e.g. {@code generate --output -}. */
    public OutputStream stdout() {
        return stdout;
    }

    public static void main(String... args) {
        System.exit(execute(System.out, System.err, args));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(OutputStream stdout, PrintStream stderr, String... args) {
        return CommandLines.of(new DatagenCli(stdout), stdout, stderr).execute(args);
    }
}
