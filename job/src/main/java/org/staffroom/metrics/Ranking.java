package org.staffroom.metrics;

/**
 * The {@code size} accounts with the most posts among those offered, most first and ties by
 * account ascending: what sorting every account would give, without the sort. Most accounts of a
 * day window are turned away by one comparison with the last kept.
 */
final class Ranking {
    private final String[] accounts;
    private final long[] posts;
    private int kept;

    Ranking(int size) {
        accounts = new String[size];
        posts = new long[size];
    }

    /** Whether an account with this many posts could be kept: lets a caller skip naming one that could not. */
    boolean admits(long count) {
        return kept < posts.length || count >= posts[kept - 1];
    }

    void offer(String account, long count) {
        if (kept == posts.length && !ranksAbove(account, count, kept - 1)) {
            return;
        }
        // the last one drops out when full; the newcomer moves up past every one it ranks above
        int i = kept < posts.length ? kept++ : kept - 1;
        for (; i > 0 && ranksAbove(account, count, i - 1); i--) {
            accounts[i] = accounts[i - 1];
            posts[i] = posts[i - 1];
        }
        accounts[i] = account;
        posts[i] = count;
    }

    int size() {
        return kept;
    }

    /** The account at {@code rank}, 0 the first. */
    String account(int rank) {
        return accounts[rank];
    }

    long posts(int rank) {
        return posts[rank];
    }

    private boolean ranksAbove(String account, long count, int rank) {
        return count > posts[rank] || count == posts[rank] && account.compareTo(accounts[rank]) < 0;
    }
}
