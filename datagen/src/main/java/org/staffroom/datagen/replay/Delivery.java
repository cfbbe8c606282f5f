package org.staffroom.datagen.replay;

/** One record to send: a line of the file, its second delivery, or an inserted malformed record. */
final class Delivery {
    enum Kind { ORIGINAL, DUPLICATE, MALFORMED }

    final byte[] key;
    final byte[] value;
    /** The record's {@code createdAt} in epoch milliseconds, or {@link EventTimes#NONE}. */
    final long eventTime;
    final Kind kind;
    /** When shuffling: the position in delivery order (event time plus a random delay). */
    long sortKey;
    /** Breaks ties of {@link #sortKey}: the order of arrival in the buffer. */
    long seq;

    Delivery(byte[] key, byte[] value, long eventTime, Kind kind) {
        this.key = key;
        this.value = value;
        this.eventTime = eventTime;
        this.kind = kind;
    }
}
