package org.staffroom.state;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Keys of the form platform, NUL, id — a participant ({@code model.ParticipantKey}) or a post's
 * identity ({@code Post.identity()}), the most numerous entries of the state. One tag byte holds the
 * platform, when it is one of the contract's, and how the id follows: a decimal number in its
 * canonical spelling (no sign, no leading zero) as a number, seven bits a byte or eight bytes when
 * that is shorter, anything else as text. An id that only looks like a number ({@code 007},
 * {@code -5}, beyond a long) stays text, so every string reads back as written; a string without
 * NUL (a mentioned account) is written whole.
 */
public final class PlatformIdSerializer extends CompactSerializer<String> {
    private static final long serialVersionUID = 1L;
    public static final PlatformIdSerializer INSTANCE = new PlatformIdSerializer();

    private static final char SEPARATOR = '\u0000';
    /** Tag 1..n (above the two bits of the id's form); 0 = the platform follows as text. Append only. */
    private static final String[] PLATFORMS = {"twitter", "mastodon", "bluesky", "unknown"};
    private static final int TEXT = 0;
    private static final int SHORT_NUMBER = 1;
    private static final int LONG_NUMBER = 2;
    /** No separator: the string follows whole (with platform code 0). */
    private static final int WHOLE = 3;
    /** Numbers below it take at most eight bytes as a varint; larger ones are written as a fixed long. */
    private static final long SHORT_LIMIT = 1L << 56;
    private static final String MAX_LONG = Long.toString(Long.MAX_VALUE);

    private PlatformIdSerializer() {
        super(() -> "", Snapshot::new);
    }

    @Override
    public void serialize(String key, DataOutputView out) throws IOException {
        int separator = key.indexOf(SEPARATOR);
        if (separator < 0) {
            out.writeByte(WHOLE);
            Strings.write(key, out);
            return;
        }
        int platform = platformCode(key, separator);
        long number = canonicalNumber(key, separator + 1);
        int form = number < 0 ? TEXT : number < SHORT_LIMIT ? SHORT_NUMBER : LONG_NUMBER;
        out.writeByte(platform << 2 | form);
        if (platform == 0) {
            Strings.write(key.subSequence(0, separator), out);
        }
        switch (form) {
            case TEXT -> Strings.write(key.subSequence(separator + 1, key.length()), out);
            case SHORT_NUMBER -> Varints.writeUnsigned(out, number);
            default -> out.writeLong(number);
        }
    }

    @Override
    public String deserialize(DataInputView in) throws IOException {
        int tag = in.readUnsignedByte();
        int form = tag & 3;
        int platform = tag >>> 2;
        if (form == WHOLE) {
            return Strings.read(in);
        }
        if (platform > PLATFORMS.length) {
            throw new IOException("unknown platform code " + platform + ": the state is not in this format");
        }
        String name = platform == 0 ? Strings.read(in) : PLATFORMS[platform - 1];
        String id = switch (form) {
            case TEXT -> Strings.read(in);
            case SHORT_NUMBER -> Long.toString(Varints.readUnsigned(in));
            default -> Long.toString(in.readLong());
        };
        return name + SEPARATOR + id;
    }

    /** 1 + the platform's index when the key's platform is one of {@link #PLATFORMS}, else 0. */
    private static int platformCode(String key, int separator) {
        for (int i = 0; i < PLATFORMS.length; i++) {
            String platform = PLATFORMS[i];
            if (platform.length() == separator && key.startsWith(platform)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The id from {@code from} on as a long, if it is one spelt as {@link Long#toString} spells it; else -1. */
    private static long canonicalNumber(String key, int from) {
        int length = key.length() - from;
        if (length < 1 || length > MAX_LONG.length() || length > 1 && key.charAt(from) == '0') {
            return -1;
        }
        for (int i = from; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        if (length == MAX_LONG.length() && key.substring(from).compareTo(MAX_LONG) > 0) {
            return -1;
        }
        return Long.parseLong(key, from, key.length(), 10);
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public String copy(String from) {
        return from;
    }

    public static final class Snapshot extends CompactSerializer.Snapshot<String> {
        public Snapshot() {
            super(1, INSTANCE);
        }
    }
}
