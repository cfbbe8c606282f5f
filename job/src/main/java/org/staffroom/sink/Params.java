package org.staffroom.sink;

import java.sql.SQLException;

/**
 * A row's columns, given in order by the statement classes, so that they never count indexes by
 * hand: bound to a statement ({@link StatementParams}), or named in JSON for the dead-letter
 * table ({@link JsonParams}).
 */
abstract class Params {
    abstract Params text(String value) throws SQLException;

    abstract Params number(long value) throws SQLException;

    abstract Params flag(boolean value) throws SQLException;

    /** Epoch milliseconds as a timestamptz. */
    abstract Params instant(long epochMillis) throws SQLException;

    abstract Params texts(String[] values) throws SQLException;

    abstract Params object(Object value) throws SQLException;
}
