package org.staffroom.source;

/**
 * What a bounded run will read, as the topic stands when it starts.
 *
 * @param partitions the topic's partitions, one source reader each
 * @param records    the records between the starting offsets and the end, or {@link #UNKNOWN}
 */
public record BoundedInput(int partitions, long records) {
    /** The offsets could not be read: the run still goes, its progress shows no share done. */
    public static final long UNKNOWN = -1;
}
