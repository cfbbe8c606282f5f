package org.staffroom.platforms.publish;

/**
 * Records would be lost: the broker is unreachable, refused a record or did not acknowledge one,
 * or the input they come from cannot be read.
 */
public final class DeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

    public DeliveryException(String message) {
        super(message);
    }
}
