package org.staffroom.report.chat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.staffroom.options.JdbcOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code staffroom-report chat --chat ukedchat --weeks 12 --out ukedchat.html}: the chat report page. */
@Command(name = "chat", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = "Writes a chat's report, week by week with charts, as one self-contained HTML file.")
public final class ChatReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--chat", required = true, paramLabel = "CHAT_ID", description = "The chat, e.g. ukedchat.")
    String chatId;

    @Option(names = "--weeks", defaultValue = "" + ChatReport.DEFAULT_WEEKS, paramLabel = "N",
            description = "The latest N sessions with posts (default: ${DEFAULT-VALUE}).")
    int weeks;

    @Option(names = "--out", paramLabel = "FILE", description = "The HTML file (default: <chat>.html).")
    Path out;

    @Mixin
    JdbcOptions jdbc;

    @Override
    public Integer call() throws IOException, SQLException {
        if (weeks < 1) {
            throw new ParameterException(spec.commandLine(), "--weeks must be at least 1, got " + weeks);
        }
        try {
            jdbc.validate();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path file = (out != null ? out : Path.of(chatId + ".html")).toAbsolutePath();
        try (Connection c = jdbc.connect()) {
            Optional<Integer> sessions = ChatReport.write(c, chatId, weeks, file);
            if (sessions.isEmpty()) {
                List<String> chats = ChatReport.chats(c);
                throw new ParameterException(spec.commandLine(), "--chat " + chatId + ": no such chat in the table chats"
                        + (chats.isEmpty() ? " (it is empty: has the job run?)" : "; there are: " + String.join(", ", chats)));
            }
            spec.commandLine().getErr().printf("report: %s, %d session%s, to %s%n", chatId, sessions.get(),
                    sessions.get() == 1 ? "" : "s", file);
        }
        return 0;
    }
}
