package org.staffroom.collect.output;

import org.staffroom.platforms.BoundedLru;

/**
 * The ids of the posts (and reposts) a collector wrote lately: a deletion is written only for
 * one of these, and Mastodon writes a status seen through two servers, or through a stream and its
 * catch-up, once. Bounded: the least recently seen id is forgotten first; a post seen again after
 * that is written again (the job's de-duplication by post id drops it), and its deletion is no
 * longer recognised as ours.
 */
public final class KeptIds {
    private final BoundedLru<String, Boolean> ids;

    public KeptIds(int capacity) {
        this.ids = new BoundedLru<>(capacity, "the number of kept post ids remembered");
    }

    /** Remembers {@code id}; true when it was not remembered yet (within the bound). */
    public boolean add(String id) {
        if (ids.get(id) != null) {
            return false;
        }
        ids.put(id, Boolean.TRUE);
        return true;
    }

    public boolean contains(String id) {
        return ids.get(id) != null;
    }

    int size() {
        return ids.size();
    }
}
