package org.staffroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
    @Test
    void lastLineHasTheAgreedShape() {
        assertThat(Report.lastLine(new Report.Rates(151_234.6, 240_000.0, 50_000.0), 1234L,
                new Report.Rates(90_000.4, 200_000.0, 36_000.0)))
                .isEqualTo("staffroom-bench: job=151235 ceiling=240000 ratio=0.63 p99_live_ms=1234 "
                        + "job_hashtags=90000 ceiling_hashtags=200000 ratio_hashtags=0.45 "
                        + "sql=50000 multiple=3.02 sql_hashtags=36000 multiple_hashtags=2.50");
    }

    @Test
    void whatWasNotMeasuredIsNa() {
        assertThat(Report.lastLine(new Report.Rates(null, 240_000.0, 80_000.0), null, Report.Rates.NONE))
                .isEqualTo("staffroom-bench: job=n/a ceiling=240000 ratio=n/a p99_live_ms=n/a "
                        + "job_hashtags=n/a ceiling_hashtags=n/a ratio_hashtags=n/a "
                        + "sql=80000 multiple=n/a sql_hashtags=n/a multiple_hashtags=n/a");
        assertThat(Report.lastLine(new Report.Rates(100.0, null, null), -1L, new Report.Rates(50.0, null, 25.0)))
                .isEqualTo("staffroom-bench: job=100 ceiling=n/a ratio=n/a p99_live_ms=n/a "
                        + "job_hashtags=50 ceiling_hashtags=n/a ratio_hashtags=n/a "
                        + "sql=n/a multiple=n/a sql_hashtags=25 multiple_hashtags=2.00");
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
