package org.staffroom.importer;

import java.util.Comparator;

/**
 * One line of the import's output, with what orders it: event time, then the order it was read in,
 * so that equal times keep the archive's order and the output is the same on every run.
 *
 * <p>A deletion sorts after the post it deletes: by the time its platform reported it, after every
 * event of the same instant, and last of all when it has no time. (The job removes a deleted post's
 * content whatever the order; this order keeps the output the order of what happened.)
 *
 * @param time    the event's createdAt in epoch milliseconds; {@link Long#MIN_VALUE} for records
 *                without one (rejections), which go first: they move no event time; {@link Long#MAX_VALUE}
 *                for a deletion without one
 * @param seq     the position in the input
 * @param kind    what the line is, for the steps after the sort
 * @param json    the contract event (or rejection) as one line of JSON
 */
record Item(long time, long seq, Kind kind, String json) {
    static final Comparator<Item> ORDER = Comparator.comparingLong(Item::time)
            .thenComparing(item -> item.kind() == Kind.DELETION)
            .thenComparingLong(Item::seq);

    enum Kind {
        /** A contract event converted from a platform's record. */
        CONVERTED,
        /** A Bluesky event converted here: reposts take their original's hashtags after the sort. */
        BLUESKY,
        /** A line of the staffroom format, passed on as it was. */
        PASSED,
        /** A record no converter could map, on its way to rejected_posts. */
        UNMAPPABLE,
        /** A post's deletion, converted or passed on as it was. */
        DELETION
    }
}
