package org.staffroom.chats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.staffroom.model.ScopeKind;
import org.staffroom.windows.ScopeWindows;
import org.staffroom.windows.WindowScheme;

/**
 * A chat's posts fall in the chat's sessions, or, for the posts of its hashtag outside them, in
 * the chat's weeks (the rest of the week the sessions are compared with).
 */
public final class ChatScopes implements ScopeWindows {
    private static final long serialVersionUID = 1L;

    /** {@link ScopeKind#CHAT} for the sessions, {@link ScopeKind#CHAT_WEEK} for the rest of the week. */
    private final ScopeKind kind;
    /** Looked up for every post, so built once: chat id → its one scheme. */
    private final Map<String, List<WindowScheme>> schemes = new HashMap<>();

    private ChatScopes(ChatCalendar calendar, ScopeKind kind) {
        this.kind = kind;
        for (ChatSchedule chat : calendar.chats()) {
            schemes.put(chat.chatId(), List.of(kind == ScopeKind.CHAT ? chat : new ChatWeeks(chat.zone())));
        }
    }

    public static ChatScopes sessions(ChatCalendar calendar) {
        return new ChatScopes(calendar, ScopeKind.CHAT);
    }

    public static ChatScopes restOfWeek(ChatCalendar calendar) {
        return new ChatScopes(calendar, ScopeKind.CHAT_WEEK);
    }

    @Override
    public ScopeKind kind() {
        return kind;
    }

    @Override
    public List<WindowScheme> schemesFor(String chatId) {
        return schemes.getOrDefault(chatId, List.of());
    }

    @Override
    public boolean ranksAccounts(String label) {
        return kind == ScopeKind.CHAT;
    }

    @Override
    public boolean retains(String label) {
        return kind == ScopeKind.CHAT;
    }

    @Override
    public Set<String> labels() {
        return Set.of(kind.windowLabel());
    }
}
