package org.staffroom.platforms.publish;

/** Where records go: Kafka ({@link KafkaEventWriter}), or a list in tests. */
public interface RecordSink extends AutoCloseable {

    /**
     * Sends one record (asynchronously). Throws {@link DeliveryException} as soon as an earlier
     * send is known to have failed, so that a run stops at the first loss.
     */
    void send(byte[] key, byte[] value);

    /** Waits until every record sent is acknowledged; throws {@link DeliveryException} if any was not. */
    void finish();

    /** Records acknowledged so far. */
    long acknowledged();

    @Override
    void close();
}
