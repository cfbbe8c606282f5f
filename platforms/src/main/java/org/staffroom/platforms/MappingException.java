package org.staffroom.platforms;

/** A record that cannot be mapped; the message names the source field by its path in the record. */
public final class MappingException extends RuntimeException {
    public MappingException(String message) {
        // an expected outcome, reported as a reason: no stack trace to fill
        super(message, null, false, false);
    }
}
