package org.staffroom.platforms.x;

import java.util.Optional;
import org.staffroom.platforms.SourceNode;

/**
 * Where a tweet's expansions are: in the {@code includes} of its page or stream line, or inline in
 * the tweet itself after {@code twarc2 flatten}. Both give the same users and tweets, so raw and
 * flattened forms of the same tweets give the same events.
 */
interface Expansions {

    /** The author's user object; empty for a withheld author, whom the API leaves out. */
    Optional<SourceNode> author(SourceNode tweet);

    /** The whole tweet a {@code referenced_tweets} entry points to; a mapping error when it is not there. */
    SourceNode referenced(SourceNode reference);
}
