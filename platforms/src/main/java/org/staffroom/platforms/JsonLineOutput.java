package org.staffroom.platforms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/** Native records out, one JSON document per line, and the posts the writer remembers for later references. */
public final class JsonLineOutput {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;
    private final BoundedLru<String, PostEvent> written;
    private final String platform;

    public JsonLineOutput(Writer out, String platform, int remembered) {
        this.out = out;
        this.platform = platform;
        this.written = new BoundedLru<>(remembered, "the number of posts remembered for references");
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Refuses a post of another platform; remembers it for the posts that will refer to it. */
    public void accept(PostEvent post) {
        if (!platform.equals(post.platform)) {
            throw new IllegalArgumentException("post " + post.id + " is on " + post.platform + ", not " + platform);
        }
        written.put(post.id, post);
    }

    /** A post written before, if it was (a reply may answer a post on another platform): null otherwise. */
    public PostEvent remembered(String id) {
        return id == null ? null : written.get(id);
    }

    /** A post written before, which {@code by} cannot be written without; {@code what} says which reference needs it. */
    public PostEvent referenced(PostEvent by, String id, String what) {
        PostEvent post = written.get(id);
        if (post == null) {
            throw new IllegalArgumentException("post " + by.id + " is a " + what + " of " + id
                    + ", which was not written before it (or too long before)");
        }
        return post;
    }

    public void line(JsonNode record) throws IOException {
        out.write(JSON.writeValueAsString(record));
        out.write('\n');
    }

    public void close() throws IOException {
        out.close();
    }
}
