package org.staffroom.platforms;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes contract events as one platform's native records, the inverse of that platform's
 * converter: what the converter reads back is the event, modulo what the platform's records
 * cannot say (each writer's class comment lists it). Posts come in {@code createdAt} order, and a
 * retweet, reply or quote after the post it refers to, which the writer remembers.
 */
public interface NativeWriter extends Closeable {

    /** Writes {@code post}, or buffers it until its page is full; refuses posts of another platform. */
    void write(PostEvent post) throws IOException;

    /** Writes what is buffered (an unfinished page) and closes the output. */
    @Override
    void close() throws IOException;
}
