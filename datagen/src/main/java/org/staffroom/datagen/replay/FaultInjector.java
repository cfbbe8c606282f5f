package org.staffroom.datagen.replay;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The seeded random decisions of a replay: which records are delivered twice, after which
 * records a malformed one is inserted (and of which kind), and the random delay each delivery
 * gets when shuffling. Every decision comes from the seed alone, in reading order, so the same
 * file, options and seed give the same records in the same order. Each fault draws from its own
 * stream: turning one fault on does not change the decisions of another.
 *
 * <p>Counts are exact: of the {@code n} records of the file, exactly {@code round(fraction × n)}
 * are chosen, uniformly at random among all such subsets (sequential selection sampling,
 * Knuth's Algorithm S). This needs {@code n} up front, which a first pass over the file counts.
 */
public final class FaultInjector {
    private final Selection duplicates;
    private final Selection malformed;
    private final SplittableRandom delays;
    private final SplittableRandom malformedVariants;
    private final SplittableRandom kindOrder;
    private final long shuffleWithinMillis;
    private final MalformedRecords.Kind[] cycle = MalformedRecords.Kind.values();
    private int cycleAt = cycle.length;
    private final Map<MalformedRecords.Kind, Long> madeByKind = new EnumMap<>(MalformedRecords.Kind.class);

    /**
     * @param seed                the seed of every decision
     * @param records             how many records will be read (the {@code n} of the fractions)
     * @param duplicateFraction   the fraction of records delivered twice
     * @param malformedFraction   the number of malformed records inserted, as a fraction of {@code records}
     * @param shuffleWithin       the bound of the random delays (zero: no shuffling)
     */
    public FaultInjector(long seed, long records, double duplicateFraction, double malformedFraction,
                         Duration shuffleWithin) {
        SplittableRandom root = new SplittableRandom(seed);
        this.duplicates = new Selection(records, Math.round(duplicateFraction * records), root.split());
        this.malformed = new Selection(records, Math.round(malformedFraction * records), root.split());
        this.delays = root.split();
        this.malformedVariants = root.split();
        this.kindOrder = root.split();
        this.shuffleWithinMillis = shuffleWithin.toMillis();
    }

    /** Whether the next record read is delivered twice. Call once per record, in order. */
    public boolean nextIsDuplicated() {
        return duplicates.next();
    }

    /** Whether a malformed record follows the next record read. Call once per record, in order. */
    public boolean nextIsFollowedByMalformed() {
        return malformed.next();
    }

    /** A delivery delay in {@code [0, shuffle-within)} milliseconds (0 without shuffling). */
    public long nextDelayMillis() {
        return shuffleWithinMillis <= 0 ? 0 : delays.nextLong(shuffleWithinMillis);
    }

    /**
     * A malformed record made from {@code base}. The kinds come in rounds that hold every kind
     * once, in a random order, so any 7 consecutive malformed records hold every kind.
     */
    public byte[] nextMalformed(byte[] base) {
        if (cycleAt == cycle.length) {
            for (int i = cycle.length - 1; i > 0; i--) {
                int j = kindOrder.nextInt(i + 1);
                MalformedRecords.Kind t = cycle[i];
                cycle[i] = cycle[j];
                cycle[j] = t;
            }
            cycleAt = 0;
        }
        MalformedRecords.Kind kind = cycle[cycleAt++];
        madeByKind.merge(kind, 1L, Long::sum);
        return MalformedRecords.make(kind, base, malformedVariants);
    }

    /** The number of records that will be delivered twice. */
    public long duplicatesPlanned() {
        return duplicates.k;
    }

    /** The number of malformed records that will be inserted. */
    public long malformedPlanned() {
        return malformed.k;
    }

    /** How many malformed records of each kind were made so far. */
    public Map<MalformedRecords.Kind, Long> malformedByKind() {
        return Map.copyOf(madeByKind);
    }

    /** Chooses {@code k} of {@code n} items in sequence, each {@code k}-subset equally likely. */
    static final class Selection {
        final long n;
        final long k;
        private final SplittableRandom random;
        private long seen;
        private long chosen;

        Selection(long n, long k, SplittableRandom random) {
            this.n = n;
            this.k = Math.min(k, n);
            this.random = random;
        }

        boolean next() {
            long remaining = n - seen++;
            long needed = k - chosen;
            if (needed <= 0 || remaining <= 0) {
                return false;
            }
            if (random.nextLong(remaining) < needed) {
                chosen++;
                return true;
            }
            return false;
        }
    }
}
