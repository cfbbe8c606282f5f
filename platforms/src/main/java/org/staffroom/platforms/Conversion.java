package org.staffroom.platforms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What became of one platform record: a contract event, a post's deletion, a record that is not a
 * post, or a rejection.
 */
public sealed interface Conversion {

    /** Runs a mapping of one record; a {@link MappingException} becomes its {@link Unmappable}. */
    static Conversion attempt(SourceFormat format, JsonNode source, Supplier<Conversion> mapping) {
        try {
            return mapping.get();
        } catch (MappingException e) {
            return new Unmappable(format.formatName() + ": " + e.getMessage(), source.toString());
        }
    }

    /** The record is a post: here is its contract event. */
    record Converted(PostEvent event) implements Conversion {
        public Converted {
            Objects.requireNonNull(event, "event");
        }
    }

    /** The record reports a post deleted: here is the deletion event. */
    record Deleted(DeletionEvent event) implements Conversion {
        public Deleted {
            Objects.requireNonNull(event, "event");
        }
    }

    /** The record is not a post (a like, an identity event, an edit): counted, not an error. */
    record Skipped(String reason) implements Conversion {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The record should be a post but cannot be mapped: {@code reason} names the source field,
     * {@code source} is the raw JSON of the record, kept for the rejection log.
     */
    record Unmappable(String reason, String source) implements Conversion {
        public Unmappable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(source, "source");
        }
    }
}
