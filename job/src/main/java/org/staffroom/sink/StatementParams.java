package org.staffroom.sink;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds a statement's parameters in order. */
final class StatementParams extends Params {
    private final PreparedStatement ps;
    private int next = 1;

    StatementParams(PreparedStatement ps) {
        this.ps = ps;
    }

    @Override
    Params text(String value) throws SQLException {
        ps.setString(next++, value);
        return this;
    }

    @Override
    Params number(long value) throws SQLException {
        ps.setLong(next++, value);
        return this;
    }

    @Override
    Params flag(boolean value) throws SQLException {
        ps.setBoolean(next++, value);
        return this;
    }

    @Override
    Params instant(long epochMillis) throws SQLException {
        ps.setObject(next++, new BinaryTimestamp(epochMillis));
        return this;
    }

    @Override
    Params texts(String[] values) throws SQLException {
        ps.setArray(next++, ps.getConnection().createArrayOf("text", values));
        return this;
    }

    @Override
    Params object(Object value) throws SQLException {
        ps.setObject(next++, value);
        return this;
    }
}
