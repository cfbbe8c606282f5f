package org.staffroom.source;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.staffroom.model.ParsedRecord;

/** The Kafka source of post events, and the event time they carry. */
public final class KafkaPostSource {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaPostSource.class);
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
     * What a bounded run reads: its partitions, and the records from its starting offsets to the end.
     * The partitions cap the source readers, one per partition: a reader without a partition holds
     * event time back until it ends, and when it ends after the others have read everything, no window
     * is finalised by the posts (the end of input never finalises). An unbounded run needs no cap:
     * there such a reader goes idle after {@code --idle-timeout}.
     *
     * <p>The records are what the source will read unless it restores from a checkpoint (then they are
     * counted from the group's offsets, committed on checkpoints) or records arrive before its readers
     * take the end offsets: a progress estimate, never a limit.
     */
    public static BoundedInput boundedInput(SourceSettings settings) {
        Properties props = new Properties();
        props.putAll(settings.clientProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PARTITIONS_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(props)) {
            List<TopicPartition> partitions = partitions(admin, settings.topic());
            return new BoundedInput(partitions.size(), records(admin, settings, partitions));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the partitions of " + settings.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot read the partitions of topic " + settings.topic() + " at "
                    + settings.bootstrapServers() + " for a bounded run: " + cause.getMessage(), cause);
        }
    }

    private static List<TopicPartition> partitions(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        return admin.describeTopics(List.of(topic)).allTopicNames()
                .get(PARTITIONS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /** End offsets less starting offsets, summed; {@link BoundedInput#UNKNOWN} when they cannot be read. */
    private static long records(Admin admin, SourceSettings settings, List<TopicPartition> partitions)
            throws InterruptedException {
        try {
            Map<TopicPartition, Long> ends = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> starts = settings.startingOffsets() == StartingOffsets.latest ? ends
                    : new HashMap<>(offsets(admin, partitions, OffsetSpec.earliest()));
            if (settings.startingOffsets() == StartingOffsets.committed) {
                admin.listConsumerGroupOffsets(settings.groupId()).partitionsToOffsetAndMetadata()
                        .get(PARTITIONS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .forEach((partition, committed) -> {
                            // below the earliest when retention deleted what the group had not read
                            if (committed != null && starts.containsKey(partition)) {
                                starts.merge(partition, committed.offset(), Math::max);
                            }
                        });
            }
            return partitions.stream().mapToLong(p -> Math.max(0, ends.get(p) - starts.get(p))).sum();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("cannot read the offsets of topic {}: this bounded run's progress shows no share done ({})",
                    settings.topic(), e.toString());
            return BoundedInput.UNKNOWN;
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get(PARTITIONS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
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
