package org.staffroom.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.staffroom.embedded.Database;
import org.staffroom.report.chat.ChatReport;

/** The local stack's last step: each chat's report page, where the person who ran it can open it. */
final class ChatReports {
    private ChatReports() {}

    static void write(Database database, Path dir, Console console) throws SQLException, IOException {
        Path absolute = Files.createDirectories(dir).toAbsolutePath().normalize();
        try (Connection c = database.connect()) {
            for (String chat : ChatReport.chats(c)) {
                Path file = absolute.resolve(chat + ".html");
                Optional<Integer> sessions = ChatReport.write(c, chat, ChatReport.DEFAULT_WEEKS, file);
                console.line("chat report of " + chat + " (" + sessions.orElse(0) + " sessions): " + file.toUri());
            }
        }
    }
}
