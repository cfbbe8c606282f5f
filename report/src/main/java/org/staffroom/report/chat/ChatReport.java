package org.staffroom.report.chat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.staffroom.report.AtomicFile;

/** Writes a chat's report page: the one entry point of the {@code chat} command and the local stack. */
public final class ChatReport {
    /** Sessions shown unless told otherwise: a school term. */
    public static final int DEFAULT_WEEKS = 12;

    private ChatReport() {}

    /**
     * Writes the report of {@code chatId}'s latest {@code weeks} sessions to {@code file}; returns
     * the sessions shown, or empty when the calendar has no such chat (nothing written).
     */
    public static Optional<Integer> write(Connection c, String chatId, int weeks, Path file)
            throws SQLException, IOException {
        Optional<ChatHistory> history = ChatHistory.load(c, chatId, weeks);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        String html = new ChatReportPage(history.get(), Instant.now()).html();
        AtomicFile.write(file, w -> {
            w.write(html);
            return html.length();
        });
        return Optional.of(history.get().sessions().size());
    }

    /** The chats of the calendar the job mirrored into the table {@code chats}. */
    public static List<String> chats(Connection c) throws SQLException {
        return Row.query(c, "SELECT chat_id FROM chats ORDER BY chat_id").stream().map(r -> r.text("chat_id")).toList();
    }
}
