package org.staffroom.sink;

import java.time.Duration;
import org.staffroom.options.JdbcOptions;

/** What the PostgreSQL sinks take of the job's options: where to write, and how rows are batched and retried. */
public record SinkSettings(JdbcOptions jdbc, int batchSize, Duration flushInterval, int maxRetries) {
}
