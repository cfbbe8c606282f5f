package org.staffroom.chats;

import java.util.List;
import java.util.Set;
import org.staffroom.windows.ScopeWindows;
import org.staffroom.windows.WindowScheme;

/**
 * A chat's posts fall in the chat's sessions, or, for the posts of its hashtag outside them, in
 * the chat's weeks (the rest of the week the sessions are compared with).
 */
public final class ChatScopes implements ScopeWindows {
    private static final long serialVersionUID = 1L;

    private final ChatCalendar calendar;
    private final boolean sessions;

    private ChatScopes(ChatCalendar calendar, boolean sessions) {
        this.calendar = calendar;
        this.sessions = sessions;
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
        ChatSchedule chat = calendar.byId(chatId);
        if (chat == null) {
            throw new IllegalStateException("chat '" + chatId + "' is not in the calendar");
        }
        return List.of(sessions ? chat : new ChatWeeks(chat.zone()));
    }

    @Override
    public Set<String> labels() {
        return Set.of(sessions ? "session" : "week");
    }
}
