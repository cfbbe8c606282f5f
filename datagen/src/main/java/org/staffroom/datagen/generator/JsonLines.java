package org.staffroom.datagen.generator;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes posts as JSON lines: one contract §1 object per line, UTF-8, {@code '\n'} after each.
 *
 * <p>A hand-written encoder rather than Jackson's data binding: reflection per post would cost more
 * than generating it. The bytes are exactly what {@link org.staffroom.platforms.PostEvent#toJson()}
 * gives for the same post (same field order, absent fields left out, Jackson's escapes: {@code \"},
 * {@code \\}, {@code \b \t \n \f \r}, other control characters as six-character unicode escapes
 * with upper-case hex digits, everything else as UTF-8), which the tests check. Handles, ids and
 * platform names are ASCII letters, digits and underscores by construction and are written without
 * escaping.
 */
public final class JsonLines implements PostSink {
    private static final int FLUSH_AT = 1 << 20;
    private static final int BUFFERS = 4;
    private static final ByteText FLUSH = new ByteText(0);
    private static final ByteText STOP = new ByteText(0);
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** 0: as is; otherwise the character after the backslash ('u' for a six-character unicode escape). */
    private static final byte[] ESCAPE = new byte[128];

    static {
        for (int c = 0; c < 32; c++) {
            ESCAPE[c] = 'u';
        }
        ESCAPE['"'] = '"';
        ESCAPE['\\'] = '\\';
        ESCAPE['\b'] = 'b';
        ESCAPE['\t'] = 't';
        ESCAPE['\n'] = 'n';
        ESCAPE['\f'] = 'f';
        ESCAPE['\r'] = 'r';
    }

    private static final byte[] ID = ascii("{\"id\":\"");
    private static final byte[] PLATFORM = ascii("\",\"platform\":\"");
    private static final byte[] CREATED_AT = ascii("\",\"createdAt\":\"");
    private static final byte[] AUTHOR_ID = ascii("\",\"author\":{\"id\":\"");
    private static final byte[] HANDLE = ascii("\",\"handle\":\"");
    private static final byte[] FOLLOWERS = ascii("\",\"followers\":");
    private static final byte[] TEXT_AFTER_FOLLOWERS = ascii("},\"text\":\"");
    private static final byte[] TEXT_AFTER_HANDLE = ascii("\"},\"text\":\"");
    private static final byte[] HASHTAGS = ascii("\",\"hashtags\":[");
    private static final byte[] MENTIONS = ascii(",\"mentions\":[");
    private static final byte[] URLS = ascii(",\"urls\":[");
    private static final byte[] RETWEET_OF = ascii(",\"retweetOf\":\"");
    private static final byte[] REPLY_TO = ascii(",\"replyTo\":\"");
    private static final byte[] QUOTE_OF = ascii(",\"quoteOf\":\"");
    private static final byte[] LANG = ascii(",\"lang\":\"en\"}");
    private static final byte[][] PLATFORM_NAMES = {
        ascii(Community.PLATFORMS[0]), ascii(Community.PLATFORMS[1]), ascii(Community.PLATFORMS[2]),
    };

    private final OutputStream out;
    private final Timestamps timestamps = new Timestamps();
    private final BlockingQueue<ByteText> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<ByteText> full = new ArrayBlockingQueue<>(BUFFERS + 2);
    private final BlockingQueue<Object> flushed = new ArrayBlockingQueue<>(1);
    private final Thread writer;
    private volatile IOException failure;
    private ByteText buffer;
    private long lines;
    private long handedOver;
    private boolean closed;

    /**
     * Writes to {@code out}, in chunks of about 1 MiB, on a writer thread of its own: on two cores,
     * encoding the next chunk while the kernel copies the last one nearly doubles the rate to a
     * file. {@link #close()} closes {@code out}.
     */
    public JsonLines(OutputStream out) {
        this.out = out;
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new ByteText(FLUSH_AT + (64 << 10)));
        }
        this.buffer = free.poll();
        this.writer = new Thread(this::writeLoop, "jsonlines-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void write(GeneratedPost post) throws IOException {
        encode(post, buffer, timestamps);
        buffer.append('\n');
        lines++;
        if (buffer.length >= FLUSH_AT) {
            handOver();
        }
    }

    /** Lines written so far. */
    public long lines() {
        return lines;
    }

    /** Bytes written so far, including those still buffered. */
    public long bytes() {
        return handedOver + (buffer == null ? 0 : buffer.length);
    }

    /** Returns once everything written so far is in the stream and the stream is flushed. */
    public void flush() throws IOException {
        checkOpen();
        handOver();
        enqueue(FLUSH);
        try {
            flushed.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while flushing");
        }
        rethrow();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            try {
                enqueue(STOP);
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                out.close();
            }
        }
        rethrow();
    }

    private void handOver() throws IOException {
        rethrow();
        if (buffer.length == 0) {
            return;
        }
        handedOver += buffer.length;
        enqueue(buffer);
        try {
            buffer = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
    }

    private void enqueue(ByteText b) throws IOException {
        try {
            full.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
    }

    private void rethrow() throws IOException {
        IOException f = failure;
        if (f != null) {
            throw new IOException(f.getMessage(), f);
        }
    }

    /** The writer thread: writes chunks in order; after a failure it only recycles them, so the producer never blocks. */
    private void writeLoop() {
        try {
            while (true) {
                ByteText b = full.take();
                if (b == STOP) {
                    return;
                }
                if (b == FLUSH) {
                    if (failure == null) {
                        try {
                            out.flush();
                        } catch (IOException e) {
                            failure = e;
                        }
                    }
                    flushed.put(FLUSH);
                    continue;
                }
                if (failure == null) {
                    try {
                        out.write(b.bytes, 0, b.length);
                    } catch (IOException e) {
                        failure = e;
                    }
                }
                b.clear();
                free.put(b);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The post's JSON object, without the newline (a Kafka record value). */
    public static byte[] toBytes(GeneratedPost post) {
        ByteText b = new ByteText(512 + 2 * post.text.length);
        encode(post, b, new Timestamps());
        return b.toByteArray();
    }

    static void encode(GeneratedPost p, ByteText b, Timestamps timestamps) {
        b.append(ID).appendDigits(p.id);
        b.append(PLATFORM).append(PLATFORM_NAMES[p.platform]);
        b.append(CREATED_AT);
        timestamps.append(p.timeMillis, b);
        b.append(AUTHOR_ID).appendDigits(Community.AUTHOR_ID_BASE + p.author);
        b.append(HANDLE).append(p.community.handle[p.author]);
        if (p.followers >= 0) {
            b.append(FOLLOWERS).appendDigits(p.followers).append(TEXT_AFTER_FOLLOWERS);
        } else {
            b.append(TEXT_AFTER_HANDLE);
        }
        string(p.text.bytes, 0, p.text.length, b);
        if (p.entities) {
            b.append(HASHTAGS);
            for (int i = 0; i < p.tagCount; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append('"');
                p.writtenTag(i, p.arrayHash, b); // letters, digits and '#'/'＃' only
                b.append('"');
            }
            b.append(']').append(MENTIONS);
            for (int i = 0; i < p.mentionCount; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append('"').append(p.community.handle[p.mentions[i]]).append('"');
            }
            b.append(']').append(URLS);
            for (int i = 0; i < p.urlCount; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append('"');
                ByteText u = p.urls[i];
                string(u.bytes, 0, u.length, b);
                b.append('"');
            }
            b.append(']');
        } else {
            b.append('"');
        }
        if (p.retweetOf != 0) {
            b.append(RETWEET_OF).appendDigits(p.retweetOf).append('"');
        }
        if (p.replyTo != 0) {
            b.append(REPLY_TO).appendDigits(p.replyTo).append('"');
        }
        if (p.quoteOf != 0) {
            b.append(QUOTE_OF).appendDigits(p.quoteOf).append('"');
        }
        b.append(LANG);
    }

    /** Appends UTF-8 bytes as the inside of a JSON string, escaped as Jackson does. */
    static void string(byte[] s, int offset, int length, ByteText b) {
        int end = offset + length;
        int run = offset;
        for (int i = offset; i < end; i++) {
            int c = s[i];
            if (c >= 0 && ESCAPE[c] != 0) {
                if (i > run) {
                    b.append(s, run, i - run);
                }
                byte e = ESCAPE[c];
                if (e == 'u') {
                    b.ensure(6);
                    b.append('\\').append('u').append('0').append('0');
                    b.append((char) HEX[c >> 4]).append((char) HEX[c & 0xF]);
                } else {
                    b.append('\\').append((char) e);
                }
                run = i + 1;
            }
        }
        if (end > run) {
            b.append(s, run, end - run);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
