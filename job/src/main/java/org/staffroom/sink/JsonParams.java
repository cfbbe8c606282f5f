package org.staffroom.sink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;

/** A row's columns as a JSON object, by column name, in the order the statement gives them. */
final class JsonParams extends Params {
    private final ObjectNode json = JsonNodeFactory.instance.objectNode();
    private final Iterator<String> names;

    JsonParams(List<String> names) {
        this.names = names.iterator();
    }

    @Override
    Params text(String value) {
        json.put(names.next(), readable(value));
        return this;
    }

    @Override
    Params number(long value) {
        json.put(names.next(), value);
        return this;
    }

    @Override
    Params flag(boolean value) {
        json.put(names.next(), value);
        return this;
    }

    @Override
    Params instant(long epochMillis) {
        json.put(names.next(), Instant.ofEpochMilli(epochMillis).toString());
        return this;
    }

    @Override
    Params texts(String[] values) {
        String name = names.next();
        if (values == null) {
            json.putNull(name);
        } else {
            ArrayNode array = json.putArray(name);
            for (String v : values) {
                array.add(readable(v));
            }
        }
        return this;
    }

    @Override
    Params object(Object value) {
        json.put(names.next(), value == null ? null : readable(value.toString()));
        return this;
    }

    /** jsonb cannot hold NUL (as text cannot), and a refused row may be refused for one. */
    private static String readable(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }

    String json() {
        return json.toString();
    }
}
