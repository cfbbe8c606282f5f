package org.staffroom.datagen.generator;

import java.io.IOException;

/** Where generated posts go, one at a time and in event-time order: a file, stdout or Kafka. */
public interface PostSink extends AutoCloseable {

    /** Writes the post; {@code post} is reused by the generator, so a sink copies what it keeps. */
    void write(GeneratedPost post) throws IOException;

    /** Writes everything still buffered and releases the destination. */
    @Override
    void close() throws IOException;
}
