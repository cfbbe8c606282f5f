package org.staffroom.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names the tables hold: rows written by earlier runs must keep meaning the same kinds. */
class ScopeKindTest {

    @Test
    void lateScopesNameTheKindThenTheScope() {
        assertThat(ScopeKind.HASHTAG.lateScope("ukedchat")).isEqualTo("hashtag:ukedchat");
        assertThat(ScopeKind.CHAT.lateScope("ukedchat")).isEqualTo("chat:ukedchat");
        assertThat(ScopeKind.CHAT_WEEK.lateScope("ukedchat")).isEqualTo("chat-week:ukedchat");
    }

    @Test
    void sessionsAndHashtagDaysAreRankedChatWeeksAreNot() {
        assertThat(ScopeKind.HASHTAG.topAccountsScope()).isEqualTo("hashtag_day");
        assertThat(ScopeKind.CHAT.topAccountsScope()).isEqualTo("session");
        assertThat(ScopeKind.CHAT_WEEK.topAccountsScope()).isNull();
    }

    @Test
    void chatWindowsAreLabelledSessionAndWeekHashtagSizesAreConfigured() {
        assertThat(ScopeKind.CHAT.windowLabel()).isEqualTo("session");
        assertThat(ScopeKind.CHAT_WEEK.windowLabel()).isEqualTo("week");
        assertThat(ScopeKind.HASHTAG.windowLabel()).isNull();
    }
}
