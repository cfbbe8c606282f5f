package org.staffroom.datagen.replay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.staffroom.platforms.publish.RecordSink;

/** A sink that keeps what it is sent, in order, for tests. */
class ListSink implements RecordSink {
    record Sent(byte[] key, byte[] value) {
        String text() {
            return new String(value, StandardCharsets.UTF_8);
        }

        String keyText() {
            return key == null ? null : new String(key, StandardCharsets.UTF_8);
        }
    }

    final List<Sent> sent = new ArrayList<>();
    boolean finished;

    @Override
    public void send(byte[] key, byte[] value) {
        sent.add(new Sent(key, value));
    }

    @Override
    public void finish() {
        finished = true;
    }

    @Override
    public long acknowledged() {
        return sent.size();
    }

    @Override
    public void close() {}

    List<String> values() {
        List<String> out = new ArrayList<>(sent.size());
        for (Sent s : sent) {
            out.add(s.text());
        }
        return out;
    }
}
