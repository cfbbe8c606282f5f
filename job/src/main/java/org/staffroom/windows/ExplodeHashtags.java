package org.staffroom.windows;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.staffroom.model.HashtagPost;
import org.staffroom.model.Post;

/** A post counts for each of its normalised hashtags (contract §2): one element per hashtag. */
public class ExplodeHashtags implements FlatMapFunction<Post, HashtagPost> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(Post post, Collector<HashtagPost> out) {
        for (String hashtag : post.hashtags) {
            out.collect(new HashtagPost(hashtag, post));
        }
    }
}
