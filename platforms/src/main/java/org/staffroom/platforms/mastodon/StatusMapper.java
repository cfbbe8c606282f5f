package org.staffroom.platforms.mastodon;

import java.util.ArrayList;
import java.util.List;
import org.staffroom.platforms.MappingException;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.SourceNode;

/** One Mastodon Status entity to one contract event, as {@code sources.md} maps it. */
final class StatusMapper {
    static final String PLATFORM = "mastodon";
    /** The quoteOf of a quote whose quoted post the server does not show (pending, revoked, deleted). */
    static final String UNAVAILABLE_QUOTE = "unavailable:";

    private final Accts accts;

    StatusMapper(Accts accts) {
        this.accts = accts;
    }

    PostEvent map(SourceNode status) {
        SourceNode account = status.field("account");
        // ids are uris: the status id is local to the server asked, the uri is the same everywhere
        PostEvent event = PostEvent.of(status.field("uri").text(), status.field("created_at").utcInstant(),
                accountId(account));
        event.platform = PLATFORM;
        event.author.handle = accts.qualify(account.field("acct"), account.field("url"));
        // a server hiding its followers may say -1: unknown, not a reason to reject the post
        event.author.followers = account.field("followers_count").optionalLong().filter(n -> n >= 0).orElse(null);

        // a boost is by the booster, and carries what it boosts
        SourceNode reblog = status.field("reblog");
        SourceNode content = reblog.present() ? reblog : status;
        StatusContent html = StatusContent.parse(content.field("content").anyText());
        event.text = html.text();
        event.urls = html.urls();
        event.hashtags = content.field("tags").texts("name");
        event.mentions = mentions(content.field("mentions"));
        event.retweetOf = reblog.present() ? reblog.field("uri").text() : null;
        event.replyTo = status.field("in_reply_to_id").optionalText().orElse(null);
        event.quoteOf = quoteOf(status.field("quote"));
        event.lang = content.field("language").optionalText().orElse(null);
        return event;
    }

    private static String accountId(SourceNode account) {
        for (SourceNode id : List.of(account.field("uri"), account.field("url"))) {
            if (id.present()) {
                return id.text();
            }
        }
        throw new MappingException(account.path() + ".uri and " + account.path() + ".url are missing");
    }

    private List<String> mentions(SourceNode mentions) {
        List<String> handles = new ArrayList<>();
        for (SourceNode mention : mentions.elements()) {
            handles.add(accts.qualify(mention.field("acct"), mention.field("url")));
        }
        return List.copyOf(handles);
    }

    /**
     * The quoted post's uri; a quote whose post is not shown ({@code quoted_status} null: pending,
     * revoked, deleted) is still a quote: its local {@code quoted_status_id} when the server gave
     * one, else {@code unavailable:} and the quote's state.
     */
    private static String quoteOf(SourceNode quote) {
        if (!quote.present()) {
            return null;
        }
        SourceNode quoted = quote.field("quoted_status");
        if (quoted.present()) {
            return quoted.field("uri").text();
        }
        return quote.field("quoted_status_id").optionalText()
                .orElseGet(() -> UNAVAILABLE_QUOTE + quote.field("state").optionalText().orElse("unknown"));
    }
}
