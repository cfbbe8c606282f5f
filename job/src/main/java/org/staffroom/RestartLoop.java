package org.staffroom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Counts a job's failures in a row with the same cause, from its exception history read again and again; says so
 * once when they reach {@link #IN_A_ROW}. The cause of a failure is its root exception (the last {@code Caused by:})
 * with its message; two causes are of the same kind when they differ only in numbers (sizes, attempt numbers,
 * checkpoint ids).
 */
final class RestartLoop {
    static final int IN_A_ROW = 3;
    private static final int MAX_CAUSE_CHARS = 1_000;
    private static final Pattern NUMBERS = Pattern.compile("\\d+");

    /** One entry of Flink's exception history: when the job failed, and the failure's stack trace. */
    record Failure(long timestamp, String stackTrace) {
        String cause() {
            String root = stackTrace.lines().filter(l -> l.startsWith("Caused by: ")).reduce((a, b) -> b)
                    .map(l -> l.substring("Caused by: ".length()))
                    .orElseGet(() -> stackTrace.lines().findFirst().orElse("(no stack trace)"));
            return root.length() <= MAX_CAUSE_CHARS ? root : root.substring(0, MAX_CAUSE_CHARS) + "…";
        }

        String kind() {
            return NUMBERS.matcher(cause()).replaceAll("#");
        }
    }

    private long seenUntil = Long.MIN_VALUE;
    private String kind;
    private int inARow;

    /**
     * Takes the failures of the history not seen before, oldest first, and returns the line to log if this made
     * {@link #IN_A_ROW} in a row of one kind.
     */
    Optional<String> observe(List<Failure> history) {
        List<Failure> fresh = new ArrayList<>(history.stream().filter(f -> f.timestamp() > seenUntil).toList());
        fresh.sort(Comparator.comparingLong(Failure::timestamp));
        String line = null;
        for (Failure f : fresh) {
            seenUntil = f.timestamp();
            String k = f.kind();
            inARow = k.equals(kind) ? inARow + 1 : 1;
            kind = k;
            if (inARow == IN_A_ROW) {
                line = "staffroom: the job has failed " + IN_A_ROW + " times in a row with the same cause: " + f.cause()
                        + "; it keeps restarting";
            }
        }
        return Optional.ofNullable(line);
    }
}
