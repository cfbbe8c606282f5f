package org.staffroom.sink;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds a statement's parameters in order, so that builders never count indexes by hand. */
final class Params {
    private final PreparedStatement ps;
    private int next = 1;

    Params(PreparedStatement ps) {
        this.ps = ps;
    }

    Params text(String value) throws SQLException {
        ps.setString(next++, value);
        return this;
    }

    Params number(long value) throws SQLException {
        ps.setLong(next++, value);
        return this;
    }

    Params flag(boolean value) throws SQLException {
        ps.setBoolean(next++, value);
        return this;
    }

    /** Epoch milliseconds as a timestamptz. */
    Params instant(long epochMillis) throws SQLException {
        ps.setObject(next++, Timestamps.of(epochMillis));
        return this;
    }

    Params texts(String[] values) throws SQLException {
        ps.setArray(next++, ps.getConnection().createArrayOf("text", values));
        return this;
    }

    Params object(Object value) throws SQLException {
        ps.setObject(next++, value);
        return this;
    }
}
