package org.staffroom.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.staffroom.datagen.replay.DurationConverter;
import picocli.CommandLine;

/**
 * The job's durations and datagen's (which cannot use the job's: the job depends on datagen) are
 * one language: the same spellings give the same durations or the same refusal, but for datagen's
 * bare {@code 0}, which turns a replay option off.
 */
class DatagenDurationsTest {
    private static final List<String> SPELLINGS = List.of("500ms", "30s", "5m", "1h", "7d", " 45M ", "PT30S",
            "pt1h30m", "P2D", "0s", "0ms", "PT0S", "PT-5S", "-5s", "5 s", "1w", "1.5h", "", "soon",
            "99999999999999999999s", "106751991167301d");

    @Test
    void everySpellingMeansTheSameOrIsRefusedAlike() {
        for (String spelling : SPELLINGS) {
            assertThat(outcome(DurationConverter::parse, spelling)).as("'%s'", spelling)
                    .isEqualTo(outcome(Durations::parse, spelling));
        }
    }

    @Test
    void theUnitsAreTheOnesWrittenOut() {
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse(" 45M ")).isEqualTo(Duration.ofMinutes(45));
        assertThat(DurationConverter.parse("7d")).isEqualTo(Duration.ofHours(168));
        assertThat(DurationConverter.parse("pt1h30m")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void aBareZeroIsOffInDatagenAndRefusedByTheJob() {
        assertThat(DurationConverter.parse(DurationConverter.OFF)).isZero();
        assertThatThrownBy(() -> Durations.parse("0")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessage("'0' is not a duration: use a number and a unit (500ms, 30s, 5m, 1h, 7d) or ISO-8601 (PT30S)");
    }

    /** The duration, or the class and message of the refusal. */
    private static String outcome(Function<String, Duration> parser, String spelling) {
        try {
            return "= " + parser.apply(spelling);
        } catch (RuntimeException e) {
            return "refused: " + e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
