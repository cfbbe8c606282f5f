package org.staffroom.platforms.bluesky;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.staffroom.platforms.MappingException;
import org.staffroom.platforms.SourceNode;

/** A post's text as UTF-8 bytes: facet offsets count bytes, so "Café ☕ #x" puts {@code #x} at byte 11, not char 7. */
final class Utf8Text {
    private final byte[] bytes;

    Utf8Text(String text) {
        this.bytes = text.getBytes(StandardCharsets.UTF_8);
    }

    /** The text of a facet's {@code index}; its offsets must lie in the text, on character boundaries. */
    String slice(SourceNode index) {
        long start = index.field("byteStart").optionalLong().orElse(-1L);
        long end = index.field("byteEnd").optionalLong().orElse(-1L);
        if (start < 0 || end < start || end > bytes.length) {
            throw new MappingException(index.path() + " [" + start + ", " + end
                    + ") does not lie within the text's " + bytes.length + " UTF-8 bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, (int) start, (int) (end - start)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MappingException(index.path() + " [" + start + ", " + end
                    + ") cuts a character of the text in two");
        }
    }
}
