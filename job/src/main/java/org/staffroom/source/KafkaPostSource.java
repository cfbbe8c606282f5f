package org.staffroom.source;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.staffroom.model.ParsedRecord;

/** The Kafka source of post events, and the event time they carry. */
public final class KafkaPostSource {
    private KafkaPostSource() {}

    public static KafkaSource<ParsedRecord> create(SourceSettings settings) {
        KafkaSourceBuilder<ParsedRecord> builder = KafkaSource.<ParsedRecord>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setTopics(settings.topic())
                .setGroupId(settings.groupId())
                .setDeserializer(new PostDeserializer(settings.parser()))
                .setProperty("commit.offsets.on.checkpoint", "true");
        settings.clientProperties().forEach(builder::setProperty);
        switch (settings.startingOffsets()) {
            case earliest:
                builder.setStartingOffsets(OffsetsInitializer.earliest());
                break;
            case latest:
                builder.setStartingOffsets(OffsetsInitializer.latest());
                break;
            default:
                builder.setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST));
        }
        if (settings.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /**
     * Event time is the post's createdAt, watermarked per Kafka partition by accepted posts only
     * ({@link AcceptedPostWatermarks}); in a bounded run, as the posts move it on. Rejected records
     * carry no event time: they get the smallest timestamp, and neither move the watermark nor keep
     * a partition from going idle.
     */
    public static WatermarkStrategy<ParsedRecord> watermarks(SourceSettings settings) {
        // the strategy is serialised with the job: it holds these values, not all the settings
        Duration outOfOrderness = settings.outOfOrderness();
        Duration idleTimeout = settings.idleTimeout();
        boolean bounded = settings.bounded();
        return WatermarkStrategy.<ParsedRecord>forGenerator(context -> new AcceptedPostWatermarks(
                        outOfOrderness, idleTimeout, bounded, context.getInputActivityClock()))
                .withTimestampAssigner((record, kafkaTimestamp) ->
                        record.post != null ? record.post.createdAt : Long.MIN_VALUE);
    }
}
