package org.staffroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
    @Test
    void lastLineHasTheAgreedShape() {
        assertThat(Report.lastLine(151_234.6, 240_000.0, 1234L, 90_000.4, 200_000.0))
                .isEqualTo("staffroom-bench: job=151235 ceiling=240000 ratio=0.63 p99_live_ms=1234 "
                        + "job_hashtags=90000 ceiling_hashtags=200000 ratio_hashtags=0.45");
    }

    @Test
    void whatWasNotMeasuredIsNa() {
        assertThat(Report.lastLine(null, 240_000.0, null, null, null))
                .isEqualTo("staffroom-bench: job=n/a ceiling=240000 ratio=n/a p99_live_ms=n/a "
                        + "job_hashtags=n/a ceiling_hashtags=n/a ratio_hashtags=n/a");
        assertThat(Report.lastLine(100.0, null, -1L, 50.0, null))
                .isEqualTo("staffroom-bench: job=100 ceiling=n/a ratio=n/a p99_live_ms=n/a "
                        + "job_hashtags=50 ceiling_hashtags=n/a ratio_hashtags=n/a");
    }

    @Test
    void tableAlignsColumnsAndNamesEachPartOnce() {
        List<String> lines = new Report().add("ceiling", "1 thread", "1 posts/s", "")
                .add("ceiling", "2 threads", "22 posts/s", "")
                .add("job p=2", "throughput", "333 posts/s", ">= 150,000").note("a note").table();
        assertThat(lines.get(0)).isEqualTo("part    | measure    | value       | target");
        assertThat(lines.get(2)).isEqualTo("ceiling | 1 thread   | 1 posts/s");
        assertThat(lines.get(3)).isEqualTo("        | 2 threads  | 22 posts/s");
        assertThat(lines.get(4)).isEqualTo("job p=2 | throughput | 333 posts/s | >= 150,000");
        assertThat(lines).last().isEqualTo("* a note");
    }
}
