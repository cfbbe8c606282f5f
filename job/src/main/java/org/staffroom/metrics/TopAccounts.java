package org.staffroom.metrics;

import java.util.ArrayList;
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
        Ranking mentioned = new Ranking(SIZE);
        mentions.forEach(mentioned::offer);
        Ranking contributors = new Ranking(SIZE);
        for (Map.Entry<String, AuthorActivity> e : participants.entrySet()) {
            AuthorActivity a = e.getValue();
            // named only when they could rank: most participants of a day window cannot
            if (a.nonRetweetPosts > 0 && contributors.admits(a.nonRetweetPosts)) {
                contributors.offer(a.handle != null ? a.handle : ParticipantKey.authorIdOf(e.getKey()),
                        a.nonRetweetPosts);
            }
        }
        List<TopAccount> out = new ArrayList<>(mentioned.size() + contributors.size());
        add(scope, scopeKey, windowStart, TopAccount.MENTIONED, mentioned, out);
        add(scope, scopeKey, windowStart, TopAccount.CONTRIBUTOR, contributors, out);
        return out;
    }

    private static void add(String scope, String scopeKey, long windowStart, String kind, Ranking ranking,
            List<TopAccount> out) {
        for (int i = 0; i < ranking.size(); i++) {
            out.add(new TopAccount(scope, scopeKey, windowStart, kind, i + 1, ranking.account(i), ranking.posts(i)));
        }
    }
}
