package org.staffroom.platforms.x;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.staffroom.platforms.MappingException;
import org.staffroom.platforms.SourceNode;

/** The {@code includes} of a search page or a filtered-stream line, indexed by id. */
final class PageExpansions implements Expansions {
    private final SourceNode includes;
    private Map<String, SourceNode> users;
    private Map<String, SourceNode> tweets;

    PageExpansions(SourceNode includes) {
        this.includes = includes;
    }

    @Override
    public Optional<SourceNode> author(SourceNode tweet) {
        if (users == null) {
            users = byId(includes.field("users"));
        }
        return Optional.ofNullable(users.get(tweet.field("author_id").text()));
    }

    @Override
    public SourceNode referenced(SourceNode reference) {
        if (tweets == null) {
            tweets = byId(includes.field("tweets"));
        }
        String id = reference.field("id").text();
        SourceNode tweet = tweets.get(id);
        if (tweet == null) {
            throw new MappingException(reference.path() + ".id " + id + " is not in includes.tweets");
        }
        return tweet;
    }

    private static Map<String, SourceNode> byId(SourceNode objects) {
        Map<String, SourceNode> index = new HashMap<>();
        for (SourceNode object : objects.elements()) {
            index.put(object.field("id").text(), object);
        }
        return index;
    }
}
