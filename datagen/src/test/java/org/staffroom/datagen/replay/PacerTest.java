package org.staffroom.datagen.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
    private static final long T0 = Instant.parse("2025-01-09T20:00:00Z").toEpochMilli();

    /** A clock whose time moves only when the pacer parks. */
    static class FakeClock implements Pacer.Clock {
        long now = 1_000_000_000L;
        final List<Long> parks = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void park(long nanos) {
            parks.add(nanos);
            now += nanos;
        }
    }

    @Test
    void dueTimesAreEventTimeOffsetsDividedByTheSpeed() {
        FakeClock clock = new FakeClock();
        Pacer realTime = new Pacer(1, clock);
        realTime.start(T0);
        assertThat(realTime.dueNanos(T0)).isEqualTo(clock.now);
        assertThat(realTime.dueNanos(T0 + 1_500)).isEqualTo(clock.now + 1_500_000_000L);

        Pacer hourPerMinute = new Pacer(60, clock);
        hourPerMinute.start(T0);
        assertThat(hourPerMinute.dueNanos(T0 + 3_600_000)).isEqualTo(clock.now + 60_000_000_000L);
        assertThat(hourPerMinute.dueNanos(T0 + 60_000)).isEqualTo(clock.now + 1_000_000_000L);
    }

    @Test
    void waitsByParkingUntilDueOnceEachAndNeverDrifts() throws InterruptedException {
        FakeClock clock = new FakeClock();
        Pacer pacer = new Pacer(60, clock);
        long start = clock.now;
        pacer.start(T0);
        assertThat(pacer.awaitDue(T0)).isZero();
        // one minute of event time is a second at 60x
        assertThat(pacer.awaitDue(T0 + 60_000)).isEqualTo(1_000_000_000L);
        assertThat(clock.now - start).isEqualTo(1_000_000_000L);
        // work took time: the next wait is shorter, the schedule stays absolute
        clock.now += 300_000_000L;
        assertThat(pacer.awaitDue(T0 + 120_000)).isEqualTo(700_000_000L);
        assertThat(clock.now - start).isEqualTo(2_000_000_000L);
        assertThat(clock.parks).containsExactly(1_000_000_000L, 700_000_000L);
    }

    @Test
    void overdueEarlierAndUnreadableTimesGoAtOnce() throws InterruptedException {
        FakeClock clock = new FakeClock();
        Pacer pacer = new Pacer(1, clock);
        pacer.start(T0);
        clock.now += 10_000_000_000L;
        assertThat(pacer.awaitDue(T0 + 5_000)).isZero();
        assertThat(pacer.awaitDue(T0 - 60_000)).isZero();
        assertThat(pacer.awaitDue(EventTimes.NONE)).isZero();
        assertThat(clock.parks).isEmpty();
    }

    @Test
    void aParkThatReturnsEarlyParksAgainForTheRest() throws InterruptedException {
        FakeClock clock = new FakeClock() {
            @Override
            public void park(long nanos) {
                parks.add(nanos);
                now += Math.min(nanos, 400_000_000L);   // a spurious early wake-up
            }
        };
        Pacer pacer = new Pacer(1, clock);
        pacer.start(T0);
        pacer.awaitDue(T0 + 1_000);
        assertThat(clock.parks).containsExactly(1_000_000_000L, 600_000_000L, 200_000_000L);
    }

    @Test
    void theSpeedMustBePositive() {
        assertThatThrownBy(() -> new Pacer(0, Pacer.Clock.SYSTEM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pacer(Double.NaN, Pacer.Clock.SYSTEM)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReplayPacesEachRecordByItsCreatedAtFromTheFirstLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // 0 s, 30 s, unreadable, 60 s, 50 s (earlier than the one before), 120 s of event time, at 30x
        List<String> lines = List.of(
                line("1", "2025-01-09T20:00:00Z"), line("2", "2025-01-09T20:00:30Z"), line("3", "not a time"),
                line("4", "2025-01-09T20:01:00Z"), line("5", "2025-01-09T20:00:50Z"), line("6", "2025-01-09T20:02:00Z"));
        java.nio.file.Path file = SyntheticPosts.write(dir.resolve("paced.jsonl"), lines);
        FakeClock clock = new FakeClock();
        long start = clock.now;
        List<Long> sentAt = new ArrayList<>();
        ListSink sink = new ListSink() {
            @Override
            public void send(byte[] key, byte[] value) {
                super.send(key, value);
                sentAt.add((clock.now - start) / 1_000_000);
            }
        };
        ReplaySummary summary = new Replay(ReplayOptions.builder(file).speed(30).seed(1).build(), sink, clock, null).run();
        assertThat(sink.sent).extracting(ListSink.Sent::keyText).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(sentAt).containsExactly(0L, 1_000L, 1_000L, 2_000L, 2_000L, 4_000L);
        assertThat(clock.parks).hasSize(3);
        assertThat(summary.withoutEventTime).isEqualTo(1);
    }

    private static String line(String id, String createdAt) {
        return "{\"id\":\"" + id + "\",\"createdAt\":\"" + createdAt + "\",\"author\":{\"id\":\"a\"}}";
    }
}
