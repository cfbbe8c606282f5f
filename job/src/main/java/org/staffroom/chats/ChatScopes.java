package org.staffroom.chats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.staffroom.windows.ScopeWindows;
import org.staffroom.windows.WindowScheme;

/**
 * A chat's posts fall in the chat's sessions, or, for the posts of its hashtag outside them, in
 * the chat's weeks (the rest of the week the sessions are compared with).
 */
public final class ChatScopes implements ScopeWindows {
    private static final long serialVersionUID = 1L;

    private final boolean sessions;
    /** Looked up for every post, so built once: chat id → its one scheme. */
    private final Map<String, List<WindowScheme>> schemes = new HashMap<>();

    private ChatScopes(ChatCalendar calendar, boolean sessions) {
        this.sessions = sessions;
        for (ChatSchedule chat : calendar.chats()) {
            schemes.put(chat.chatId(), List.of(sessions ? chat : new ChatWeeks(chat.zone())));
        }
    }

    public static ChatScopes sessions(ChatCalendar calendar) {
        return new ChatScopes(calendar, true);
    }

    public static ChatScopes restOfWeek(ChatCalendar calendar) {
        return new ChatScopes(calendar, false);
    }

    @Override
    public String kind() {
        return sessions ? "chat" : "chat-week";
    }

    @Override
    public List<WindowScheme> schemesFor(String chatId) {
        return schemes.getOrDefault(chatId, List.of());
    }

    @Override
    public boolean ranksAccounts(String label) {
        return sessions;
    }

    @Override
    public boolean retains(String label) {
        return sessions;
    }

    @Override
    public Set<String> labels() {
        return Set.of(sessions ? "session" : "week");
    }
}
