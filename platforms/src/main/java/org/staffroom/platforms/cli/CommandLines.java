package org.staffroom.platforms.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * What every Staffroom tool's command line shares: UTF-8 output whatever the platform's default, a
 * failure while running reported as one line naming the command (no stack trace for a user to
 * read) with exit code 1, and bad usage with exit code 2 (picocli's own).
 */
public final class CommandLines {
    public static final int EXIT_FAILED = 1;

    private CommandLines() {}

    /** A command line for {@code command}, writing to the given streams. */
    public static CommandLine of(Object command, OutputStream stdout, PrintStream stderr) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + describe(e));
            return EXIT_FAILED;
        });
        return cl;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
