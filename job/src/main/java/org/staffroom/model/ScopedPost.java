package org.staffroom.model;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/** A post as seen from one scope it counts for (a hashtag, or a chat): the unit windows are keyed by. */
@TypeInfo(ScopedPostSerializer.TypeFactory.class)
public class ScopedPost {
    public String scope;
    public Post post;

    public ScopedPost() {}

    public ScopedPost(String scope, Post post) {
        this.scope = scope;
        this.post = post;
    }

    /** Contract §2: at least one other distinct hashtag besides the scope's hashtag. */
    public boolean hasCotag() {
        return post.hashtags.length > 1;
    }
}
