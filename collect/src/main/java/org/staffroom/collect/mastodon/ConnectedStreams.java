package org.staffroom.collect.mastodon;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Which of the collector's streams are connected now, and how often one was lost: the Mastodon
 * collector's place in the progress line ({@code 4/4 streams connected}). Changed by the streams'
 * threads, read by the progress line's.
 */
final class ConnectedStreams {
    private final Set<ServerTag> connected = ConcurrentHashMap.newKeySet();
    private final LongAdder disconnections = new LongAdder();
    private final int streams;

    ConnectedStreams(int streams) {
        this.streams = streams;
    }

    void connected(ServerTag stream) {
        connected.add(stream);
    }

    void disconnected(ServerTag stream) {
        connected.remove(stream);
        disconnections.increment();
    }

    void allClosed() {
        connected.clear();
    }

    int connectedNow() {
        return connected.size();
    }

    long disconnections() {
        return disconnections.sum();
    }

    @Override
    public String toString() {
        return connected.size() + "/" + streams + " streams connected";
    }
}
