package org.staffroom.datagen.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The parameters of one generated stream, validated. The same configuration always gives the same
 * bytes: everything random derives from {@link #seed()}.
 *
 * <p>Validation messages name the {@code generate} command's options, which mirror these fields
 * one to one.
 */
public final class GeneratorConfig {
    /** The generator's time zone: days, chats and early mornings are UK local time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    public static final long DEFAULT_SEED = 42;
    public static final LocalDate DEFAULT_START = LocalDate.of(2025, 1, 6);
    public static final int DEFAULT_WEEKS = 4;
    public static final int DEFAULT_COMMUNITY = 2000;
    public static final double DEFAULT_RATE = 60;

    public static final int MAX_WEEKS = 520;
    /** At least the three chat hosts, five colleagues to nominate and a few dozen others. */
    public static final int MIN_COMMUNITY = 50;
    /** About the number of teachers in England; member indices must fit in 23 bits. */
    public static final int MAX_COMMUNITY = 1_000_000;
    public static final double MAX_RATE = 100_000_000;
    /** The job rejects event times before 2000-01-01 (contract §1). */
    public static final LocalDate MIN_START = LocalDate.of(2000, 1, 1);
    public static final LocalDate MAX_START = LocalDate.of(2099, 12, 31);

    private final long seed;
    private final LocalDate start;
    private final int weeks;
    private final int community;
    private final double rate;

    private GeneratorConfig(Builder b) {
        this.seed = b.seed;
        this.start = b.start;
        this.weeks = b.weeks;
        this.community = b.community;
        this.rate = b.rate;
    }

    public static GeneratorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().seed(seed).start(start).weeks(weeks).community(community).rate(rate);
    }

    /** Seed of every random choice. */
    public long seed() {
        return seed;
    }

    /** First day, from UK local midnight. */
    public LocalDate start() {
        return start;
    }

    /** Number of weeks generated (7 UK calendar days each). */
    public int weeks() {
        return weeks;
    }

    /** Number of educators, including those who only lurk or join later. */
    public int community() {
        return community;
    }

    /** Average background posts per hour (outside the chats' bursts). */
    public double rate() {
        return rate;
    }

    /** The first instant generated: UK local midnight of {@link #start()}. */
    public Instant startInstant() {
        return start.atStartOfDay(ZONE).toInstant();
    }

    /** The end (exclusive): UK local midnight {@code 7 × weeks} days later. */
    public Instant endInstant() {
        return start.plusDays(7L * weeks).atStartOfDay(ZONE).toInstant();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratorConfig c && c.seed == seed && c.start.equals(start) && c.weeks == weeks
                && c.community == community && Double.compare(c.rate, rate) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, start, weeks, community, rate);
    }

    @Override
    public String toString() {
        return "seed=" + seed + ", start=" + start + ", weeks=" + weeks + ", community=" + community
                + ", rate=" + rate + "/h";
    }

    /** Starts from the defaults (seed 42, 2025-01-06, 4 weeks, 2000 educators, 60 posts/h). */
    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private LocalDate start = DEFAULT_START;
        private int weeks = DEFAULT_WEEKS;
        private int community = DEFAULT_COMMUNITY;
        private double rate = DEFAULT_RATE;

        private Builder() {}

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder start(LocalDate start) {
            this.start = start;
            return this;
        }

        public Builder weeks(int weeks) {
            this.weeks = weeks;
            return this;
        }

        public Builder community(int community) {
            this.community = community;
            return this;
        }

        public Builder rate(double postsPerHour) {
            this.rate = postsPerHour;
            return this;
        }

        /** @throws IllegalArgumentException naming the option and the allowed values */
        public GeneratorConfig build() {
            if (start == null) {
                throw new IllegalArgumentException("--start is required");
            }
            if (start.isBefore(MIN_START) || start.isAfter(MAX_START)) {
                throw new IllegalArgumentException("--start must be between " + MIN_START + " and " + MAX_START
                        + " (the job rejects event times before 2000), got " + start);
            }
            if (weeks < 1 || weeks > MAX_WEEKS) {
                throw new IllegalArgumentException("--weeks must be between 1 and " + MAX_WEEKS + ", got " + weeks);
            }
            if (community < MIN_COMMUNITY || community > MAX_COMMUNITY) {
                throw new IllegalArgumentException("--community must be between " + MIN_COMMUNITY + " and "
                        + MAX_COMMUNITY + " educators, got " + community);
            }
            if (!(rate >= 0 && rate <= MAX_RATE)) {
                throw new IllegalArgumentException("--rate must be between 0 and " + (long) MAX_RATE
                        + " posts per hour, got " + rate);
            }
            return new GeneratorConfig(this);
        }
    }
}
