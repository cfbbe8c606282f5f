package org.staffroom.chats;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.regex.Pattern;
import org.staffroom.model.ScopeKind;
import org.staffroom.windows.WindowScheme;

/**
 * One weekly chat (contract §3): a hashtag that meets on one day of the week at a local start time
 * in an IANA zone, for a duration. The occurrence on a local date {@code d} with
 * {@code d.getDayOfWeek() == day} is [{@code ZonedDateTime.of(d, start, zone)}, that + duration),
 * so a UK chat at 20:00 is 20:00 UTC in winter and 19:00 UTC in summer.
 *
 * <p>Local start times that do not exist or exist twice follow {@link ZonedDateTime#of}: a start
 * inside a spring-forward gap moves forward by the length of the gap (01:30 on the night the UK
 * clocks go forward becomes 02:30 BST), and a start inside an autumn overlap takes the earlier
 * offset (the first 01:30, still BST). The duration is elapsed time, so a session that spans a
 * clock change still lasts exactly its duration.
 *
 * <p>Meant for operator closures (Java serialisation); as a stream element it would need Kryo for
 * {@link Duration} and {@link ZoneId}, so ship {@link #chatId()} instead.
 *
 * @param hashtag already normalised with {@link org.staffroom.parse.Normalization#hashtag}
 */
public record ChatSchedule(String chatId, String hashtag, DayOfWeek day, LocalTime start, Duration duration,
        ZoneId zone) implements WindowScheme {

    private static final Pattern ID = Pattern.compile("[a-z0-9_-]+");

    public ChatSchedule {
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(hashtag, "hashtag");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(zone, "zone");
        if (!ID.matcher(chatId).matches()) {
            // lower-case only: the id is a key in tables and URLs, where case must not split a chat
            throw new IllegalArgumentException("id '" + chatId
                    + "' must consist of lower-case letters a-z, digits, '_' and '-'");
        }
        if (hashtag.isEmpty()) {
            throw new IllegalArgumentException("hashtag is empty");
        }
        if (!isValidDuration(duration)) {
            throw new IllegalArgumentException("duration must be positive and at most 1d, got " + duration);
        }
    }

    /**
     * At most a day, so that the weekly sessions of one chat never overlap and only one occurrence
     * can hold an instant; at least a millisecond, the resolution of event time.
     */
    static boolean isValidDuration(Duration duration) {
        return duration.compareTo(Duration.ofMillis(1)) >= 0 && duration.compareTo(Duration.ofDays(1)) <= 0;
    }

    @Override
    public String label() {
        return ScopeKind.CHAT.windowLabel();
    }

    /**
     * The start (epoch ms) of the session holding the instant: start inclusive, end exclusive; or
     * {@link WindowScheme#NONE}.
     */
    public long sessionContaining(long epochMillis) {
        // The latest scheduled date on or before the instant's local date is the only candidate:
        // a session lasts at most a day, so it may cross local midnight (or two, on a 23-hour
        // day) but never reaches the next week's date.
        LocalDate localDate = LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
        long sessionStart = startOn(localDate.with(TemporalAdjusters.previousOrSame(day)));
        return epochMillis >= sessionStart && epochMillis - sessionStart < duration.toMillis() ? sessionStart : NONE;
    }

    /** The same as {@link #sessionContaining}; only called for instants inside a session. */
    @Override
    public long startOf(long timestamp) {
        return sessionContaining(timestamp);
    }

    @Override
    public long endOf(long sessionStart) {
        return sessionStart + duration.toMillis();
    }

    @Override
    public Duration longest() {
        return duration;
    }

    /**
     * The start of the occurrence one week earlier: the same local start time on the local date
     * seven days before, hence 167 or 169 hours earlier across a one-hour clock change.
     *
     * @throws IllegalArgumentException if {@code sessionStart} is not the start of a session
     */
    @Override
    public long previousStart(long sessionStart) {
        // previousOrSame: a start moved forward past midnight by a gap still belongs to its date
        LocalDate scheduled = LocalDate.ofInstant(Instant.ofEpochMilli(sessionStart), zone)
                .with(TemporalAdjusters.previousOrSame(day));
        if (startOn(scheduled) != sessionStart) {
            throw new IllegalArgumentException(Instant.ofEpochMilli(sessionStart) + " is not a start of chat " + chatId);
        }
        return startOn(scheduled.minusWeeks(1));
    }

    private long startOn(LocalDate date) {
        return ZonedDateTime.of(date, start, zone).toInstant().toEpochMilli();
    }
}
