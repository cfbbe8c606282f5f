package org.staffroom.source;

/** Where the job starts reading the topic when it does not restore from a checkpoint. */
public enum StartingOffsets {
    /** The consumer group's committed offsets; the beginning of partitions it never read. */
    committed,
    /** The beginning of every partition. */
    earliest,
    /** Only records written after the job starts. */
    latest
}
