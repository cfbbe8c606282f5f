package org.staffroom.sink;

import java.time.Instant;
import org.postgresql.util.ByteConverter;
import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;

/**
 * Epoch milliseconds as a timestamptz parameter in PostgreSQL's binary form, microseconds since
 * 2000-01-01 UTC: the server reads eight bytes where it would parse a text, and the driver formats
 * nothing. Exact for every instant a timestamptz holds. A value beyond them is sent as one that is
 * beyond them too, and never as ±infinity (the two extreme values), so that PostgreSQL refuses it
 * as out of range, as it would the text.
 */
final class BinaryTimestamp extends PGobject implements PGBinaryObject {
    private static final long serialVersionUID = 1L;
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch. */
    private static final long POSTGRES_EPOCH_MILLIS = 946_684_800_000L;

    private final long epochMillis;

    BinaryTimestamp(long epochMillis) {
        this.type = "timestamptz";
        this.epochMillis = epochMillis;
    }

    private static long postgresMicros(long epochMillis) {
        try {
            return Math.multiplyExact(Math.subtractExact(epochMillis, POSTGRES_EPOCH_MILLIS), 1000L);
        } catch (ArithmeticException e) {
            return epochMillis < 0 ? Long.MIN_VALUE + 1 : Long.MAX_VALUE - 1;
        }
    }

    @Override
    public int lengthInBytes() {
        return 8;
    }

    @Override
    public void toBytes(byte[] bytes, int offset) {
        ByteConverter.int8(bytes, offset, postgresMicros(epochMillis));
    }

    @Override
    public void setByteValue(byte[] value, int offset) {
        throw new UnsupportedOperationException("a parameter only, never read back");
    }

    /**
     * The text the driver sends instead where binary transfer is off (binaryTransfer=false in the
     * JDBC URL): ISO-8601, which PostgreSQL reads for the years 1 to 9999.
     */
    @Override
    public String getValue() {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
