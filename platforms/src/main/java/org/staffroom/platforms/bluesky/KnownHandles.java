package org.staffroom.platforms.bluesky;

import java.util.Map;
import java.util.Optional;
import org.staffroom.platforms.BoundedLru;

/**
 * The handles of the DIDs met so far: a table given up front, then whatever identity events say
 * (a handle changes, the DID stays). Bounded, so a day of Jetstream does not fill the heap.
 */
final class KnownHandles {
    private final BoundedLru<String, String> handles;

    KnownHandles(Map<String, String> initial, int maxEntries) {
        // room for the whole table given up front, however long
        this.handles = new BoundedLru<>(Math.max(maxEntries, initial.size()), "the number of handles kept");
        initial.forEach(handles::put);
    }

    void learn(String did, String handle) {
        handles.put(did, handle);
    }

    Optional<String> of(String did) {
        return Optional.ofNullable(handles.get(did));
    }
}
