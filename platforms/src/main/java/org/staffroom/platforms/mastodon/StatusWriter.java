package org.staffroom.platforms.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import org.staffroom.platforms.JsonLineOutput;
import org.staffroom.platforms.NativeTime;
import org.staffroom.platforms.NativeWriter;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.TextEntities;

/**
 * Contract events of {@code mastodon} as Mastodon Status entities, one per line as an export or a
 * collector keeps them, in the order written, as seen from {@link MastodonAccounts#LOCAL_SERVER}:
 * the status {@code id} is the event's (local to that server), the {@code uri} global; a boost is
 * an empty status whose {@code reblog} is the whole boosted status, a quote carries the quoted
 * status in {@code quote.quoted_status}, a reply its parent's local id. Content is HTML
 * ({@link StatusHtml}); {@code tags} and {@code mentions} list the event's hashtags and mentions.
 */
public final class StatusWriter implements NativeWriter {
    private final JsonLineOutput out;

    public StatusWriter(Writer out, int remembered) {
        this.out = new JsonLineOutput(out, StatusMapper.PLATFORM, remembered);
    }

    @Override
    public void write(PostEvent post) throws IOException {
        out.accept(post);
        out.line(status(post, false));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** {@code nested}: the boosted or quoted status inside another, whose own references are shown shallow. */
    private ObjectNode status(PostEvent post, boolean nested) {
        ObjectNode status = JsonLineOutput.object();
        status.put("id", post.id);
        status.put("created_at", NativeTime.withMillis(post));
        // a reply may answer a status this writer never saw: its local id is all the status needs
        PostEvent parent = nested ? null : out.remembered(post.replyTo);
        status.put("in_reply_to_id", post.replyTo);
        status.put("in_reply_to_account_id", parent == null ? null : parent.author.id);
        status.put("sensitive", false);
        status.put("spoiler_text", "");
        status.put("visibility", "public");
        PostEvent boosted = post.retweetOf == null || nested ? null : out.referenced(post, post.retweetOf, "boost");
        status.put("language", boosted == null ? post.lang : null);
        status.put("uri", MastodonAccounts.statusUri(post));
        status.put("url", boosted == null ? MastodonAccounts.statusUrl(post) : null);
        status.put("content", boosted == null ? StatusHtml.of(post) : "");
        if (boosted == null) {
            status.putNull("reblog");
        } else {
            status.set("reblog", status(boosted, true));
        }
        status.set("account", account(post.author, MastodonAccounts.username(post)));
        status.putArray("media_attachments");
        ArrayNode mentions = status.putArray("mentions");
        ArrayNode tags = status.putArray("tags");
        if (boosted == null) {
            for (TextEntities.Span span : TextEntities.of(post)) {
                switch (span.kind()) {
                    case MENTION -> mentions.addObject()
                            .put("id", MastodonAccounts.mentionedId(span.value()))
                            .put("username", span.value())
                            .put("url", MastodonAccounts.profileUrl(span.value()))
                            .put("acct", MastodonAccounts.acct(span.value()));
                    case HASHTAG -> tags.addObject()
                            .put("name", span.value())
                            .put("url", "https://" + MastodonAccounts.LOCAL_SERVER + "/tags/" + span.value());
                    case URL -> { }
                }
            }
        }
        status.putArray("emojis");
        status.putNull("card");
        status.putNull("poll");
        if (post.quoteOf != null && nested) {
            status.putObject("quote").put("state", "accepted").put("quoted_status_id", post.quoteOf);
        } else if (post.quoteOf != null) {
            status.putObject("quote").put("state", "accepted")
                    .set("quoted_status", status(out.referenced(post, post.quoteOf, "quote"), true));
        }
        return status;
    }

    private static ObjectNode account(PostEvent.Author author, String username) {
        ObjectNode account = JsonLineOutput.object();
        account.put("id", author.id);
        account.put("username", username);
        account.put("acct", MastodonAccounts.acct(username));
        account.put("display_name", username);
        account.put("url", MastodonAccounts.profileUrl(username));
        account.put("uri", MastodonAccounts.accountUri(username));
        if (author.followers != null) {
            account.put("followers_count", author.followers);
        }
        return account;
    }
}
