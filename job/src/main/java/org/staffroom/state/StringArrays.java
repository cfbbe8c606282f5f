package org.staffroom.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Arrays of strings in the job's formats: the length plus one (zero for no array), then each string
 * as {@link Strings} writes it, which has a form for null too.
 */
public final class StringArrays {
    private StringArrays() {}

    public static void write(String[] strings, DataOutput out) throws IOException {
        if (strings == null) {
            Varints.writeUnsigned(out, 0);
            return;
        }
        Varints.writeUnsigned(out, strings.length + 1L);
        for (String s : strings) {
            Strings.write(s, out);
        }
    }

    public static String[] read(DataInput in) throws IOException {
        int lengthPlusOne = Varints.readSize(in);
        if (lengthPlusOne == 0) {
            return null;
        }
        String[] strings = new String[lengthPlusOne - 1];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = Strings.read(in);
        }
        return strings;
    }

    /** A copy of the array (its strings cannot change); null for null. */
    public static String[] copy(String[] strings) {
        return strings == null ? null : strings.clone();
    }
}
