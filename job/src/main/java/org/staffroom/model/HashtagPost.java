package org.staffroom.model;

/** A post as seen from one of its hashtags: the unit the per-hashtag windows are keyed by. */
public class HashtagPost {
    public String hashtag;
    public Post post;

    public HashtagPost() {}

    public HashtagPost(String hashtag, Post post) {
        this.hashtag = hashtag;
        this.post = post;
    }

    /** Contract §2: at least one other distinct hashtag besides this one. */
    public boolean hasCotag() {
        return post.hashtags.length > 1;
    }
}
