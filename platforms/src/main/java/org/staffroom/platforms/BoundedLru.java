package org.staffroom.platforms;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that forgets its least recently used entry beyond a fixed size, so a long import stays in bounded memory. */
public final class BoundedLru<K, V> {
    private final Map<K, V> entries;

    public BoundedLru(int maxEntries, String what) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, not " + maxEntries);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    public void put(K key, V value) {
        entries.put(key, value);
    }

    public V get(K key) {
        return entries.get(key);
    }

    public int size() {
        return entries.size();
    }
}
