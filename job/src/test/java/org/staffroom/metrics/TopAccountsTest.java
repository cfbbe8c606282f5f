package org.staffroom.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.staffroom.model.TopAccount;

/** The ten first of each kind, most posts first, ties by account ascending (contract §4). */
class TopAccountsTest {
    private static final long DAY = 1_736_380_800_000L;

    private static AuthorActivity activity(int nonRetweetPosts, String handle) {
        AuthorActivity a = new AuthorActivity();
        a.nonRetweetPosts = nonRetweetPosts;
        a.handle = handle;
        return a;
    }

    private static List<String> ranked(List<TopAccount> top, String kind) {
        return top.stream().filter(t -> t.kind.equals(kind)).map(t -> t.rank + " " + t.account + " " + t.posts).toList();
    }

    @Test
    void tiesGoByAccountAndFewerThanTenAreAllRanked() {
        Map<String, Long> mentions = new LinkedHashMap<>();
        mentions.put("zoe", 3L);
        mentions.put("bob", 1L);
        mentions.put("amy", 3L);
        mentions.put("Carl", 1L);
        Map<String, AuthorActivity> participants = new LinkedHashMap<>();
        participants.put("twitter\u000042", activity(2, null));
        participants.put("bluesky\u0000did:plc:b", activity(2, "bea"));
        participants.put("twitter\u00007", activity(0, "retweeter"));
        participants.put("twitter\u00008", activity(5, "ann"));

        List<TopAccount> top = TopAccounts.of("hashtag_day", "ukedchat", DAY, mentions, participants);

        assertThat(ranked(top, TopAccount.MENTIONED)).containsExactly("1 amy 3", "2 zoe 3", "3 Carl 1", "4 bob 1");
        // an author without a handle is named by their id; retweeters do not contribute
        assertThat(ranked(top, TopAccount.CONTRIBUTOR)).containsExactly("1 ann 5", "2 42 2", "3 bea 2");
        assertThat(top).allSatisfy(t -> assertThat(t.scope + t.scopeKey + t.windowStart)
                .isEqualTo("hashtag_dayukedchat" + DAY));
        assertThat(TopAccounts.of("session", "c", DAY, Map.of(), Map.of())).isEmpty();
    }

    @Test
    void tenAreKeptWhereTheEleventhTiesWithTheTenth() {
        Map<String, Long> mentions = new HashMap<>();
        for (char c = 'a'; c <= 'l'; c++) {
            mentions.put(String.valueOf(c), c <= 'c' ? 9L : 4L);
        }
        assertThat(ranked(TopAccounts.of("hashtag_day", "t", DAY, mentions, Map.of()), TopAccount.MENTIONED))
                .containsExactly("1 a 9", "2 b 9", "3 c 9", "4 d 4", "5 e 4", "6 f 4", "7 g 4", "8 h 4", "9 i 4",
                        "10 j 4");
    }

    /** What the ranking was before it stopped sorting every account: the reference. */
    private static List<String> sortedAll(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> all = new ArrayList<>(counts.entrySet());
        all.sort(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(TopAccounts.SIZE, all.size()); i++) {
            out.add((i + 1) + " " + all.get(i).getKey() + " " + all.get(i).getValue());
        }
        return out;
    }

    @Test
    void ranksAsSortingEveryAccountDoesOnRandomCounts() {
        Random random = new Random(19);
        for (int round = 0; round < 2_000; round++) {
            int accounts = random.nextInt(40);
            int most = 1 + random.nextInt(round % 2 == 0 ? 3 : 50);
            Map<String, Long> mentions = new HashMap<>();
            Map<String, AuthorActivity> participants = new HashMap<>();
            Map<String, Long> contributions = new HashMap<>();
            for (int i = 0; i < accounts; i++) {
                String name = Integer.toString(random.nextInt(1_000), 36);
                if (mentions.containsKey(name)) {
                    continue;
                }
                mentions.put(name, 1L + random.nextInt(most));
                int posts = random.nextInt(most + 1);
                participants.put("twitter\u0000" + name, activity(posts, null));
                if (posts > 0) {
                    contributions.put(name, (long) posts);
                }
            }
            List<TopAccount> top = TopAccounts.of("hashtag_day", "t", DAY, mentions, participants);
            assertThat(ranked(top, TopAccount.MENTIONED)).containsExactlyElementsOf(sortedAll(mentions));
            assertThat(ranked(top, TopAccount.CONTRIBUTOR)).containsExactlyElementsOf(sortedAll(contributions));
        }
    }
}
