package org.staffroom.datagen.replay;

/** Where replayed records go: Kafka ({@link KafkaReplayWriter}), or a list in tests. */
public interface RecordSink extends AutoCloseable {

    /**
     * Sends one record (asynchronously). Throws {@link ReplayException} as soon as an earlier
     * send is known to have failed, so a replay stops at the first loss.
     */
    void send(byte[] key, byte[] value);

    /** Waits until every record sent is acknowledged; throws {@link ReplayException} if any was not. */
    void finish();

    /** Records acknowledged so far. */
    long acknowledged();

    @Override
    void close();
}
