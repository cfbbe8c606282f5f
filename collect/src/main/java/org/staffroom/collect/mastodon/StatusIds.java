package org.staffroom.collect.mastodon;

import java.time.Instant;
import java.util.Comparator;

/**
 * The order of a server's status ids: Mastodon's are decimal snowflakes, the milliseconds of their
 * creation followed by a 16-bit sequence, so a longer id is a later one, and ids of one length
 * compare as text (which also orders the fixed-length sortable ids of other servers).
 */
final class StatusIds {
    static final Comparator<String> ORDER = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    private StatusIds() {}

    static boolean isAfter(String id, String other) {
        return ORDER.compare(id, other) > 0;
    }

    static String later(String a, String b) {
        return isAfter(b, a) ? b : a;
    }

    /** The smallest Mastodon id of a status created at {@code time}: its milliseconds, shifted past the 16-bit sequence. */
    static String atTime(Instant time) {
        return Long.toString(time.toEpochMilli() << 16);
    }
}
