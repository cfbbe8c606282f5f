package org.staffroom.sink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A row's columns as plain values, in order: equal keys give equal lists. */
final class ParamValues extends Params {
    private final List<Object> values = new ArrayList<>(4);

    @Override
    Params text(String value) {
        values.add(value);
        return this;
    }

    @Override
    Params number(long value) {
        values.add(value);
        return this;
    }

    @Override
    Params flag(boolean value) {
        values.add(value);
        return this;
    }

    @Override
    Params instant(long epochMillis) {
        values.add(epochMillis);
        return this;
    }

    @Override
    Params texts(String[] values) {
        this.values.add(values == null ? null : Arrays.asList(values));
        return this;
    }

    @Override
    Params object(Object value) {
        values.add(value);
        return this;
    }

    List<Object> values() {
        return values;
    }
}
