package org.staffroom.datagen.replay;

/** A replay that cannot complete: records would be lost (a failed send) or the file cannot be read. */
public final class ReplayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReplayException(String message) {
        super(message);
    }
}
