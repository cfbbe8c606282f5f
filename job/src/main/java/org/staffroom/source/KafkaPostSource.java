package org.staffroom.source;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.staffroom.model.ParsedRecord;

/** The Kafka source of post events, and the event time they carry. */
public final class KafkaPostSource {
    private static final Duration PARTITIONS_TIMEOUT = Duration.ofSeconds(30);

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
     * How many source readers a bounded run may have: one per partition of the topic. A reader
     * without a partition holds event time back until it ends, and when it ends after the others
     * have read everything, no window is finalised by the posts (the end of input never finalises).
     * An unbounded run needs no cap: there such a reader goes idle after {@code --idle-timeout}.
     */
    public static int boundedReaders(SourceSettings settings) {
        Properties props = new Properties();
        props.putAll(settings.clientProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PARTITIONS_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(props)) {
            return admin.describeTopics(List.of(settings.topic())).allTopicNames()
                    .get(PARTITIONS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(settings.topic()).partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the partitions of " + settings.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot read the partitions of topic " + settings.topic() + " at "
                    + settings.bootstrapServers() + " for a bounded run: " + cause.getMessage(), cause);
        }
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
