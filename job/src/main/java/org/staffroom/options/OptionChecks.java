package org.staffroom.options;

/** Validation of option values: a refused value is an IllegalArgumentException whose message the user reads. */
public final class OptionChecks {
    private OptionChecks() {}

    public static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
