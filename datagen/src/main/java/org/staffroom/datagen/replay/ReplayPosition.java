package org.staffroom.datagen.replay;

import java.time.Instant;
import java.util.Locale;
import org.staffroom.platforms.publish.Progress;

/**
 * Where a replay is: as fast as possible, the share of the file read (bytes, or records against
 * {@code --limit}); when paced, the event time reached and the event time still to replay (up to
 * the file's last {@code createdAt}) divided by the speed.
 */
final class ReplayPosition implements Progress.Position {
    private final long fileBytes;
    private final long recordLimit;
    private final double speed;
    private final long lastEventTime;

    private volatile long read;
    private volatile long bytesRead;
    private volatile long eventTime = EventTimes.NONE;

    /**
     * @param fileBytes     the file's size
     * @param recordLimit   {@code --limit}, or {@code Long.MAX_VALUE}
     * @param speed         the speed factor, or 0 when as fast as possible
     * @param lastEventTime the {@code createdAt} of the file's last record, or {@link EventTimes#NONE}
     */
    ReplayPosition(long fileBytes, long recordLimit, double speed, long lastEventTime) {
        this.fileBytes = fileBytes;
        this.recordLimit = recordLimit;
        this.speed = speed;
        this.lastEventTime = lastEventTime;
    }

    /** Called by the replay thread: records and bytes read, the latest paced event time. */
    void update(long read, long bytesRead, long eventTime) {
        this.read = read;
        this.bytesRead = bytesRead;
        if (eventTime != EventTimes.NONE) {
            this.eventTime = eventTime;
        }
    }

    @Override
    public String describe() {
        if (speed > 0) {
            long t = eventTime;
            return t == EventTimes.NONE ? "" : "event time " + Instant.ofEpochMilli(t);
        }
        return String.format(Locale.ROOT, "%.1f%% read", fractionDone() * 100);
    }

    /** The share of the input read: by bytes, or by records against the limit, whichever is further. */
    @Override
    public double fractionDone() {
        double byBytes = fileBytes > 0 ? Math.min(1.0, (double) bytesRead / fileBytes) : 0;
        double byRecords = recordLimit != Long.MAX_VALUE && recordLimit > 0
                ? Math.min(1.0, (double) read / recordLimit) : 0;
        return Math.max(byBytes, byRecords);
    }

    @Override
    public double secondsLeft() {
        long t = eventTime;
        if (speed > 0 && t != EventTimes.NONE && lastEventTime != EventTimes.NONE && recordLimit == Long.MAX_VALUE) {
            return Math.max(0, lastEventTime - t) / 1000.0 / speed;
        }
        return Double.NaN;
    }
}
