package org.staffroom.parse;

/** A record that breaks contract §1; the message is the reason stored in rejected_posts. */
public class InvalidPostException extends Exception {
    public InvalidPostException(String reason) {
        super(reason, null, false, false);
    }
}
