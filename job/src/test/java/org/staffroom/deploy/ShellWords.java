package org.staffroom.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a simple shell command line into its words as bash would: blanks separate words, single
 * quotes keep everything, double quotes keep blanks and expand variables, a backslash escapes the
 * next character. Variables ({@code $NAME}, {@code ${NAME}}, {@code ${NAME:-default}}) are taken
 * from the given map; a variable the map lacks, or a command substitution, is an error, so a test
 * never silently checks something other than what the container runs.
 */
public final class ShellWords {
    private ShellWords() {}

    public static List<String> split(String line) {
        return split(line, Map.of());
    }

    public static List<String> split(String line, Map<String, String> variables) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                i++;
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed ' in: " + line);
                }
                word.append(line, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (i < line.length() && line.charAt(i) != '"') {
                    char d = line.charAt(i);
                    if (d == '\\' && i + 1 < line.length() && "$`\"\\".indexOf(line.charAt(i + 1)) >= 0) {
                        word.append(line.charAt(i + 1));
                        i += 2;
                    } else if (d == '$') {
                        i = variable(line, i, variables, word);
                    } else {
                        word.append(d);
                        i++;
                    }
                }
                if (i >= line.length()) {
                    throw new IllegalArgumentException("unclosed \" in: " + line);
                }
                i++;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else if (c == '$') {
                i = variable(line, i, variables, word);
            } else if ("|&;<>()`".indexOf(c) >= 0) {
                throw new IllegalArgumentException("not a simple command (" + c + "): " + line);
            } else {
                word.append(c);
                i++;
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static int variable(String line, int dollar, Map<String, String> variables, StringBuilder out) {
        int i = dollar + 1;
        if (i < line.length() && line.charAt(i) == '{') {
            int end = line.indexOf('}', i);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed ${ in: " + line);
            }
            String expression = line.substring(i + 1, end);
            int colon = expression.indexOf(":-");
            String name = colon < 0 ? expression : expression.substring(0, colon);
            String value = variables.get(name);
            if (colon >= 0 && (value == null || value.isEmpty())) {
                value = expression.substring(colon + 2);
            }
            out.append(require(name, value, line));
            return end + 1;
        }
        int j = i;
        while (j < line.length() && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '_')) {
            j++;
        }
        if (j == i) {
            throw new IllegalArgumentException("unsupported $ expansion at " + dollar + " in: " + line);
        }
        String name = line.substring(i, j);
        out.append(require(name, variables.get(name), line));
        return j;
    }

    private static String require(String name, String value, String line) {
        if (value == null) {
            throw new IllegalArgumentException("variable " + name + " is not known to the test, in: " + line);
        }
        return value;
    }
}
