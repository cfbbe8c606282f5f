package org.staffroom.collect;

import java.io.PrintStream;
import org.staffroom.collect.bluesky.BlueskyCommand;
import org.staffroom.collect.mastodon.MastodonCommand;
import org.staffroom.platforms.cli.CommandGroup;
import org.staffroom.platforms.cli.CommandLines;
import picocli.CommandLine.Command;

/**
 * The {@code collect} command line: live platform streams into the posts topic. Each platform is a
 * subcommand; add new ones to the {@code subcommands} list below.
 *
 * <p>Exit codes: 0 stopped cleanly (SIGTERM, Ctrl-C, or the stream's end when told to stop there),
 * 1 failed (Kafka unreachable, a record not acknowledged), 2 bad usage (with a message naming the
 * option).
 */
@Command(name = "collect", mixinStandardHelpOptions = true, version = "Staffroom collect 0.1.0",
        usageHelpWidth = 100,
        description = "Live posts of Bluesky and Mastodon, converted to the contract's events, into Kafka.",
        subcommands = {
                BlueskyCommand.class,
                MastodonCommand.class,
        })
public final class CollectCli extends CommandGroup {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = CommandLines.EXIT_FAILED;
    public static final int EXIT_USAGE = 2;

    public static void main(String... args) {
        System.exit(execute(System.out, System.err, args));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(PrintStream stdout, PrintStream stderr, String... args) {
        return CommandLines.of(new CollectCli(), stdout, stderr).execute(args);
    }
}
