package org.staffroom.platforms.x;

import java.util.Optional;
import org.staffroom.platforms.MappingException;
import org.staffroom.platforms.SourceNode;

/**
 * A {@code twarc2 flatten} line: the author is the tweet's {@code author} object and each
 * {@code referenced_tweets} entry is the whole referenced tweet. Flatten leaves {@code {}} where the
 * page's includes had nothing (a withheld author, a deleted original).
 */
final class FlattenedExpansions implements Expansions {
    static final FlattenedExpansions INSTANCE = new FlattenedExpansions();

    private FlattenedExpansions() {}

    @Override
    public Optional<SourceNode> author(SourceNode tweet) {
        SourceNode author = tweet.field("author");
        return author.field("id").present() ? Optional.of(author) : Optional.empty();
    }

    @Override
    public SourceNode referenced(SourceNode reference) {
        if (!reference.field("text").present()) {
            throw new MappingException(reference.path() + " (id " + reference.field("id").text()
                    + ") carries no tweet: it was not in the includes of the page flattened");
        }
        return reference;
    }
}
