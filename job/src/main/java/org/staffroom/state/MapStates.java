package org.staffroom.state;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.apache.flink.api.common.state.MapState;

/** Helpers for Flink's {@link MapState} that the state backends do not offer themselves. */
public final class MapStates {
    private MapStates() {}

    /** Removes the entries that match, and the map itself once it is empty; returns how many entries it removed. */
    public static <K, V> int removeIf(MapState<K, V> state, BiPredicate<K, V> remove) throws Exception {
        int removed = 0;
        Iterator<Map.Entry<K, V>> entries = state.iterator();
        while (entries.hasNext()) {
            Map.Entry<K, V> e = entries.next();
            if (remove.test(e.getKey(), e.getValue())) {
                entries.remove();
                removed++;
            }
        }
        if (state.isEmpty()) {
            state.clear(); // removing through the iterator leaves an empty map behind on the heap backend
        }
        return removed;
    }

    /** The keys, in ascending order. */
    public static <K extends Comparable<K>> List<K> sortedKeys(MapState<K, ?> state) throws Exception {
        return sortedKeys(state, (key, value) -> true);
    }

    /** The keys of the entries that match, in ascending order. */
    public static <K extends Comparable<K>, V> List<K> sortedKeys(MapState<K, V> state, BiPredicate<K, V> match)
            throws Exception {
        List<K> keys = new ArrayList<>();
        for (Map.Entry<K, V> e : state.entries()) {
            if (match.test(e.getKey(), e.getValue())) {
                keys.add(e.getKey());
            }
        }
        if (keys.size() > 1) {
            keys.sort(null);
        }
        return keys;
    }
}
