package org.staffroom.platforms.x;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.staffroom.platforms.JsonLineOutput;
import org.staffroom.platforms.NativeWriter;
import org.staffroom.platforms.PostEvent;

/**
 * Contract events of {@code twitter} as X API v2 search pages, one page per line as twarc2 keeps
 * them: {@code data} newest first as the API answers, {@code includes.users} with every author
 * (the tweets' and their originals'), {@code includes.tweets} with every retweeted, quoted and
 * replied-to tweet written before (a reply may answer a tweet this writer never saw: then it is
 * only referenced, as the API does for a deleted one), {@code meta}. Tweets are written by
 * {@link TweetWriter}.
 *
 * <p>A page gives each user one follower count, as the API gives the count at collection time; an
 * event's count belongs to its own time, so a page also ends early before a tweet whose author
 * (or original's author) would need another count than the page has: the converter then reads back
 * every event's own. A user without a count has no {@code public_metrics}; the name shown is the
 * handle (stand-in).
 */
public final class XPageWriter implements NativeWriter {
    private final JsonLineOutput out;
    private final int pageSize;
    private final List<ObjectNode> data = new ArrayList<>();
    private final Map<String, PostEvent.Author> users = new LinkedHashMap<>();
    private final Map<String, ObjectNode> tweets = new LinkedHashMap<>();

    public XPageWriter(Writer out, int pageSize, int remembered) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("an X page holds at least 1 tweet, not " + pageSize);
        }
        this.out = new JsonLineOutput(out, TweetMapper.PLATFORM, remembered);
        this.pageSize = pageSize;
    }

    @Override
    public void write(PostEvent post) throws IOException {
        out.accept(post);
        PostEvent original = post.retweetOf == null ? null : out.referenced(post, post.retweetOf, "retweet");
        PostEvent quoted = out.remembered(post.quoteOf);
        PostEvent parent = out.remembered(post.replyTo);
        List<PostEvent> included = new ArrayList<>();
        for (PostEvent referenced : new PostEvent[] {original, quoted, parent}) {
            if (referenced != null) {
                included.add(referenced);
            }
        }
        if (data.size() == pageSize || !fits(post) || !included.stream().allMatch(this::fits)) {
            flush();
        }
        ObjectNode tweet = TweetWriter.tweet(post, out::remembered);
        if (parent != null) {
            tweet.put("in_reply_to_user_id", parent.author.id);
        }
        data.add(tweet);
        users.put(post.author.id, post.author);
        for (PostEvent referenced : included) {
            users.putIfAbsent(referenced.author.id, referenced.author);
            tweets.putIfAbsent(referenced.id, TweetWriter.tweet(referenced, out::remembered));
        }
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }

    /** Whether the page can show this post's author with the follower count of the post's time. */
    private boolean fits(PostEvent post) {
        PostEvent.Author known = users.get(post.author.id);
        return known == null || Objects.equals(known.followers, post.author.followers);
    }

    private void flush() throws IOException {
        if (data.isEmpty()) {
            return;
        }
        ObjectNode page = JsonLineOutput.object();
        ArrayNode newestFirst = page.putArray("data");
        for (int i = data.size() - 1; i >= 0; i--) {
            newestFirst.add(data.get(i));
        }
        ObjectNode includes = page.putObject("includes");
        ArrayNode userObjects = includes.putArray("users");
        users.values().forEach(author -> userObjects.add(user(author)));
        if (!tweets.isEmpty()) {
            includes.putArray("tweets").addAll(tweets.values());
        }
        page.putObject("meta")
                .put("newest_id", data.get(data.size() - 1).get("id").asText())
                .put("oldest_id", data.get(0).get("id").asText())
                .put("result_count", data.size());
        out.line(page);
        data.clear();
        users.clear();
        tweets.clear();
    }

    private static ObjectNode user(PostEvent.Author author) {
        ObjectNode user = JsonLineOutput.object();
        user.put("id", author.id);
        String handle = author.handle == null ? author.id : author.handle;
        user.put("name", handle);
        user.put("username", handle);
        if (author.followers != null) {
            user.putObject("public_metrics").put("followers_count", author.followers);
        }
        return user;
    }
}
