package org.staffroom.platforms;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A post event in the contract's input format (§1), as a producer writes it. Absent fields are
 * left out of the JSON, so the job's defaults and text extraction apply.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "platform", "createdAt", "author", "text", "hashtags", "mentions", "urls",
        "retweetOf", "replyTo", "quoteOf", "lang"})
public final class PostEvent {
    public String id;
    public String platform;
    public String createdAt;
    public Author author;
    public String text;
    public List<String> hashtags;
    public List<String> mentions;
    public List<String> urls;
    public String retweetOf;
    public String replyTo;
    public String quoteOf;
    public String lang;

    /** The author object of the contract. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "handle", "followers"})
    public static final class Author {
        public String id;
        public String handle;
        public Long followers;

        public Author() {}

        public Author(String id, String handle, Long followers) {
            this.id = id;
            this.handle = handle;
            this.followers = followers;
        }
    }

    public PostEvent() {}

    /** A post with the required fields only. */
    public static PostEvent of(String id, String createdAt, String authorId) {
        PostEvent e = new PostEvent();
        e.id = id;
        e.createdAt = createdAt;
        e.author = new Author(authorId, null, null);
        return e;
    }

    public PostEvent text(String text) {
        this.text = text;
        return this;
    }

    public PostEvent hashtags(String... hashtags) {
        this.hashtags = List.of(hashtags);
        return this;
    }

    public PostEvent mentions(String... mentions) {
        this.mentions = List.of(mentions);
        return this;
    }

    public PostEvent urls(String... urls) {
        this.urls = List.of(urls);
        return this;
    }

    public PostEvent platform(String platform) {
        this.platform = platform;
        return this;
    }

    public PostEvent handle(String handle) {
        this.author.handle = handle;
        return this;
    }

    public PostEvent followers(long followers) {
        this.author.followers = followers;
        return this;
    }

    public PostEvent retweetOf(String id) {
        this.retweetOf = id;
        return this;
    }

    public PostEvent replyTo(String id) {
        this.replyTo = id;
        return this;
    }

    public PostEvent quoteOf(String id) {
        this.quoteOf = id;
        return this;
    }

    public PostEvent lang(String lang) {
        this.lang = lang;
        return this;
    }

    public String toJson() {
        return EventJson.write(this);
    }

    public byte[] toBytes() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }
}
