package org.staffroom.datagen.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {

    @Test
    void defaults() {
        GeneratorConfig c = GeneratorConfig.defaults();
        assertThat(c.seed()).isEqualTo(42);
        assertThat(c.start()).isEqualTo(LocalDate.of(2025, 1, 6));
        assertThat(c.weeks()).isEqualTo(4);
        assertThat(c.community()).isEqualTo(2000);
        assertThat(c.rate()).isEqualTo(60.0);
        assertThat(c).isEqualTo(GeneratorConfig.builder().build()).hasSameHashCodeAs(GeneratorConfig.builder().build());
        assertThat(c.toBuilder().seed(1).build()).isNotEqualTo(c);
    }

    @Test
    void theRunStartsAtUkMidnight() {
        GeneratorConfig winter = GeneratorConfig.defaults();
        assertThat(winter.startInstant()).isEqualTo(Instant.parse("2025-01-06T00:00:00Z"));
        assertThat(winter.endInstant()).isEqualTo(Instant.parse("2025-02-03T00:00:00Z"));
        GeneratorConfig summer = winter.toBuilder().start(LocalDate.of(2025, 6, 30)).weeks(1).build();
        assertThat(summer.startInstant()).isEqualTo(Instant.parse("2025-06-29T23:00:00Z"));
        assertThat(summer.endInstant()).isEqualTo(Instant.parse("2025-07-06T23:00:00Z"));
    }

    @Test
    void invalidValuesAreRejectedWithTheOptionNamed() {
        GeneratorConfig.Builder b = GeneratorConfig.builder();
        assertThatThrownBy(() -> b.weeks(0).build()).hasMessage("--weeks must be between 1 and 520, got 0");
        assertThatThrownBy(() -> GeneratorConfig.builder().weeks(521).build()).hasMessageStartingWith("--weeks");
        assertThatThrownBy(() -> GeneratorConfig.builder().community(10).build())
                .hasMessage("--community must be between 50 and 1000000 educators, got 10");
        assertThatThrownBy(() -> GeneratorConfig.builder().rate(-1).build()).hasMessageStartingWith("--rate must be");
        assertThatThrownBy(() -> GeneratorConfig.builder().rate(Double.NaN).build()).hasMessageStartingWith("--rate");
        assertThatThrownBy(() -> GeneratorConfig.builder().start(LocalDate.of(1999, 12, 31)).build())
                .hasMessageContaining("--start must be between 2000-01-01");
        assertThatThrownBy(() -> GeneratorConfig.builder().start(null).build()).hasMessage("--start is required");
        assertThat(GeneratorConfig.builder().rate(0).community(50).weeks(520).build().rate()).isZero();
    }
}
