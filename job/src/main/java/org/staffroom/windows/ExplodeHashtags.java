package org.staffroom.windows;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.staffroom.model.ScopedPost;
import org.staffroom.model.Post;

/** A post counts for each of its normalised hashtags (contract §2): one element per hashtag. */
public class ExplodeHashtags implements FlatMapFunction<Post, ScopedPost> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(Post post, Collector<ScopedPost> out) {
        for (String hashtag : post.hashtags) {
            out.collect(new ScopedPost(hashtag, post));
        }
    }
}
