package org.staffroom.source;

import java.time.Duration;
import java.util.Map;
import org.staffroom.parse.ParserSettings;

/**
 * What the Kafka source takes of the job's options: where to read and from where, how records are
 * parsed, and how event time advances.
 *
 * @param clientProperties Kafka client settings (SASL, TLS, …) applied as given; values may be secrets
 */
public record SourceSettings(String bootstrapServers, String topic, String groupId,
        Map<String, String> clientProperties, StartingOffsets startingOffsets, boolean bounded,
        ParserSettings parser, Duration outOfOrderness, Duration idleTimeout) {
}
