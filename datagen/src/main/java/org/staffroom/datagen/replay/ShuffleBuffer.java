package org.staffroom.datagen.replay;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Reorders deliveries within a bound, over a sliding window of the file.
 *
 * <p>Each delivery with an event time {@code t} gets the sort key {@code t + d}, with {@code d}
 * uniform in {@code [0, D)}; deliveries leave in sort-key order. A delivery may leave once its
 * key is at most the watermark {@code W}, the largest event time read so far: in a file in
 * event-time order every later record has {@code t ≥ W}, so a key {@code ≤ W} is smaller than any
 * key still to come. The buffer therefore holds only the records of the last {@code D} of event
 * time (plus whatever is not yet due), never the whole file.
 *
 * <p><b>The guarantee.</b> If {@code a} is delivered before {@code b}, then
 * {@code t_a < t_b + D}: no record is delivered after a record whose event time is {@code D} or
 * more later than its own. (Both in the buffer: {@code t_a ≤ key_a ≤ key_b < t_b + D}. {@code b}
 * read after {@code a} left: {@code t_a ≤ W ≤ t_b}.) This is the job's out-of-orderness contract
 * with bound {@code D}. A file that is itself out of order by up to {@code X} gives
 * {@code t_a < t_b + max(D, X)}: the disorder already in the file is kept, not repaired.
 *
 * <p>When the buffer holds more than {@code capacity} deliveries (a bound far larger than the
 * file's event rate warrants) the smallest key leaves early. That keeps memory bounded and keeps
 * the guarantee (everything in the buffer has {@code t ≤ W ≤} every later {@code t}); it only
 * shuffles less.
 *
 * <p>Deliveries without an event time (unreadable {@code createdAt}, inserted malformed records)
 * get the key {@code W}: they leave at about their position in the file, outside the guarantee.
 */
final class ShuffleBuffer {
    private static final Comparator<Delivery> ORDER =
            Comparator.<Delivery>comparingLong(d -> d.sortKey).thenComparingLong(d -> d.seq);

    private final PriorityQueue<Delivery> queue = new PriorityQueue<>(ORDER);
    private final int capacity;
    private long watermark = Long.MIN_VALUE;
    private long seq;

    ShuffleBuffer(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a delivery that is due at {@code eventTime + delayMillis}, or at once without an event time. */
    void add(Delivery d, long delayMillis) {
        if (d.eventTime != EventTimes.NONE) {
            watermark = Math.max(watermark, d.eventTime);
            d.sortKey = saturatedAdd(d.eventTime, delayMillis);
        } else {
            d.sortKey = watermark;
        }
        d.seq = seq++;
        queue.add(d);
    }

    /** The next delivery that may leave now, or null. */
    Delivery poll() {
        Delivery head = queue.peek();
        if (head != null && (head.sortKey <= watermark || queue.size() > capacity)) {
            return queue.poll();
        }
        return null;
    }

    /** The next delivery in sort-key order, due or not (at the end of the file), or null. */
    Delivery pollAny() {
        return queue.poll();
    }

    int size() {
        return queue.size();
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
