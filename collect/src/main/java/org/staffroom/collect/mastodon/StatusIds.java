package org.staffroom.collect.mastodon;

import java.util.Comparator;

/**
 * The order of a server's status ids: Mastodon's are decimal snowflakes that grow with time, so a
 * longer id is a later one, and ids of one length compare as text (which also orders the
 * fixed-length sortable ids of other servers).
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
}
