package org.staffroom.chats;

import java.util.List;
import java.util.Set;
import org.staffroom.windows.ScopeWindows;
import org.staffroom.windows.WindowScheme;

/** Each chat's posts fall in that chat's sessions. */
public final class ChatScopes implements ScopeWindows {
    private static final long serialVersionUID = 1L;

    private final ChatCalendar calendar;

    public ChatScopes(ChatCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public String kind() {
        return "chat";
    }

    @Override
    public List<WindowScheme> schemesFor(String chatId) {
        ChatSchedule chat = calendar.byId(chatId);
        if (chat == null) {
            throw new IllegalStateException("chat '" + chatId + "' is not in the calendar");
        }
        return List.of(chat);
    }

    @Override
    public Set<String> labels() {
        return Set.of("session");
    }
}
