package org.staffroom.collect.mastodon;

import org.staffroom.platforms.BoundedLru;

/**
 * The uris of the statuses written lately, so that a status seen through two servers, or through
 * a stream and its catch-up, is written once. Bounded: the least recently seen uri is forgotten
 * first; one seen again after that is written again, and the job's de-duplication by post id
 * drops it there.
 */
final class RecentUris {
    private final BoundedLru<String, Boolean> seen;

    RecentUris(int capacity) {
        this.seen = new BoundedLru<>(capacity, "the number of recent uris kept");
    }

    /** True the first time (within the bound) a uri is offered; it is remembered from then on. */
    boolean firstSighting(String uri) {
        if (seen.get(uri) != null) {
            return false;
        }
        seen.put(uri, Boolean.TRUE);
        return true;
    }

    int size() {
        return seen.size();
    }
}
