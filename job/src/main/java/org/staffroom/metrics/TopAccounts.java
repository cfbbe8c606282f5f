package org.staffroom.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.staffroom.model.ParticipantKey;
import org.staffroom.model.TopAccount;

/** The ten most mentioned accounts and the ten most active contributors of a final window (contract §4). */
public final class TopAccounts {
    public static final int SIZE = 10;

    private TopAccounts() {}

    /**
     * @param mentions posts mentioning each account in the window
     * @param participants the window's participants by {@link ParticipantKey}
     */
    public static List<TopAccount> of(String scope, String scopeKey, long windowStart, Map<String, Long> mentions,
            Map<String, AuthorActivity> participants) {
        List<Map.Entry<String, Long>> mentioned = new ArrayList<>(mentions.entrySet());
        List<Map.Entry<String, Long>> contributors = new ArrayList<>();
        for (Map.Entry<String, AuthorActivity> e : participants.entrySet()) {
            AuthorActivity a = e.getValue();
            if (a.nonRetweetPosts > 0) {
                contributors.add(Map.entry(a.handle != null ? a.handle : ParticipantKey.authorIdOf(e.getKey()),
                        (long) a.nonRetweetPosts));
            }
        }
        List<TopAccount> out = new ArrayList<>();
        rank(scope, scopeKey, windowStart, TopAccount.MENTIONED, mentioned, out);
        rank(scope, scopeKey, windowStart, TopAccount.CONTRIBUTOR, contributors, out);
        return out;
    }

    /** Most posts first; ties by account, ascending. */
    private static void rank(String scope, String scopeKey, long windowStart, String kind,
            List<Map.Entry<String, Long>> counts, List<TopAccount> out) {
        counts.sort(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        for (int i = 0; i < Math.min(SIZE, counts.size()); i++) {
            Map.Entry<String, Long> e = counts.get(i);
            out.add(new TopAccount(scope, scopeKey, windowStart, kind, i + 1, e.getKey(), e.getValue()));
        }
    }
}
