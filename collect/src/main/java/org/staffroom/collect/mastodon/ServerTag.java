package org.staffroom.collect.mastodon;

import java.util.Objects;

/** One hashtag on one server: a stream of its own, with its own position (a status id of that server). */
record ServerTag(MastodonServer server, String tag) {
    ServerTag {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(tag, "tag");
    }

    @Override
    public String toString() {
        return server.name() + " #" + tag;
    }
}
