package org.staffroom.platforms.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.staffroom.platforms.Conversion;
import org.staffroom.platforms.DeletionEvent;
import org.staffroom.platforms.RecordConverter;
import org.staffroom.platforms.SourceFormat;
import org.staffroom.platforms.SourceNode;

/**
 * Bluesky Jetstream events. Creates of {@code app.bsky.feed.post} are posts, creates of
 * {@code app.bsky.feed.repost} are retweets of their subject, deletes of either are deletion events;
 * edits, likes, follows and other collections, identity and account events are not posts. Identity events teach the
 * converter the handle of their DID, so one converter should read a whole stream, in order.
 */
public final class JetstreamConverter implements RecordConverter {
    private static final String POST = "app.bsky.feed.post";
    private static final String REPOST = "app.bsky.feed.repost";

    private final KnownHandles handles;
    private final PostRecordMapper posts;

    /** {@code handles}: DID to handle, known up front; at most {@code maxHandles} are kept. */
    public JetstreamConverter(Map<String, String> handles, int maxHandles) {
        this.handles = new KnownHandles(handles, maxHandles);
        this.posts = new PostRecordMapper(this.handles);
    }

    @Override
    public List<Conversion> convert(JsonNode record) {
        return List.of(Conversion.attempt(SourceFormat.BLUESKY, record, () -> event(SourceNode.of(record, ""))));
    }

    private Conversion event(SourceNode event) {
        String kind = event.field("kind").text();
        switch (kind) {
            case "commit" -> {
                return commit(event);
            }
            case "identity" -> {
                SourceNode identity = event.field("identity");
                identity.field("handle").optionalText()
                        .ifPresent(handle -> handles.learn(event.field("did").text(), handle));
                return new Conversion.Skipped("bluesky: an identity event is not a post");
            }
            default -> {
                return new Conversion.Skipped("bluesky: an event of kind '" + kind + "' is not a post");
            }
        }
    }

    private Conversion commit(SourceNode event) {
        SourceNode commit = event.field("commit");
        String operation = commit.field("operation").text();
        String collection = commit.field("collection").text();
        if (operation.equals("delete") && (collection.equals(POST) || collection.equals(REPOST))) {
            return new Conversion.Deleted(deletion(event, commit, collection));
        }
        if (!operation.equals("create")) {
            return new Conversion.Skipped("bluesky: operation " + operation + " on " + collection + " is not a new post");
        }
        return switch (collection) {
            case POST -> new Conversion.Converted(posts.post(event));
            case REPOST -> new Conversion.Converted(posts.repost(event));
            default -> new Conversion.Skipped("bluesky: " + collection + " is not a post");
        };
    }

    /**
     * A deleted post or repost, named as its create named it ({@code at://{did}/{collection}/{rkey}});
     * deleted when the relay saw the commit. A delete carries no record.
     */
    private static DeletionEvent deletion(SourceNode event, SourceNode commit, String collection) {
        String id = "at://" + event.field("did").text() + "/" + collection + "/" + commit.field("rkey").text();
        return new DeletionEvent(PostRecordMapper.PLATFORM, id,
                PostRecordMapper.seenByRelay(event).truncatedTo(ChronoUnit.MILLIS).toString());
    }
}
