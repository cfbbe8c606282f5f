package org.staffroom.report;

import java.io.PrintStream;
import org.staffroom.platforms.cli.CommandGroup;
import org.staffroom.platforms.cli.CommandLines;
import org.staffroom.report.chat.ChatReportCommand;
import org.staffroom.report.export.ExportCommand;
import picocli.CommandLine.Command;

/**
 * The {@code staffroom-report} command line: what the tables hold, for people who do not write SQL.
 *
 * <p>Exit codes: 0 done, 1 failed while running (database unreachable, file not writable), 2 bad
 * usage (with a message naming the option).
 */
@Command(name = "staffroom-report", mixinStandardHelpOptions = true, version = "Staffroom report 0.1.0",
        usageHelpWidth = 100,
        description = "Chat reports for hosts and exports for researchers, from Staffroom's tables.",
        subcommands = {
            ChatReportCommand.class,
            ExportCommand.class,
        })
public final class ReportCli extends CommandGroup {
    public static void main(String... args) {
        System.exit(execute(System.out, System.err, args));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(PrintStream stdout, PrintStream stderr, String... args) {
        return CommandLines.of(new ReportCli(), stdout, stderr).execute(args);
    }
}
