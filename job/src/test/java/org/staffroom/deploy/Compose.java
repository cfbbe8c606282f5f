package org.staffroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repository's {@code docker-compose.yml}, read the way Docker Compose reads it: YAML, then
 * variable interpolation ({@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}, nested
 * defaults, {@code $$} for a literal {@code $}) in every value, with an empty environment unless
 * one is given, so the defaults apply.
 */
public final class Compose {
    public static final YAMLMapper YAML = new YAMLMapper();

    /** The file as written, before interpolation. */
    public final JsonNode raw;
    /** The file as Compose sees it, every variable replaced. */
    public final JsonNode resolved;

    private Compose(JsonNode raw, JsonNode resolved) {
        this.raw = raw;
        this.resolved = resolved;
    }

    public static Compose load(Path file, Map<String, String> environment) {
        try {
            JsonNode raw = YAML.readTree(Files.readString(file));
            return new Compose(raw, interpolateTree(raw.deepCopy(), environment));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's root: the nearest directory up from here that holds docker-compose.yml. */
    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
    }

    public JsonNode service(String name) {
        JsonNode s = resolved.path("services").path(name);
        if (s.isMissingNode()) {
            throw new AssertionError("docker-compose.yml has no service '" + name + "'");
        }
        return s;
    }

    public JsonNode rawService(String name) {
        return raw.path("services").path(name);
    }

    /** A service's environment as a map, whether written as a mapping or as a list of KEY=VALUE. */
    public static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = service.path("environment");
        if (e.isObject()) {
            e.fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().isNull() ? "" : f.getValue().asText()));
        } else if (e.isArray()) {
            for (JsonNode item : e) {
                String s = item.asText();
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return env;
    }

    /** A command or entrypoint as its argument list (a string is split on blanks, as Compose does). */
    public static List<String> arguments(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (node.isTextual()) {
            out.addAll(ShellWords.split(node.asText()));
        }
        return out;
    }

    /** A volume, from the short ({@code src:dst[:mode]}) or the long syntax. */
    public record Volume(String type, String source, String target, boolean readOnly, JsonNode node) {
        public boolean isHostPath() {
            return type.equals("bind");
        }
    }

    public static List<Volume> volumes(JsonNode service) {
        List<Volume> out = new ArrayList<>();
        for (JsonNode v : service.path("volumes")) {
            if (v.isTextual()) {
                String[] parts = v.asText().split(":");
                String source = parts[0];
                String target = parts.length > 1 ? parts[1] : parts[0];
                boolean ro = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
                boolean bind = source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
                out.add(new Volume(bind ? "bind" : "volume", source, target, ro, v));
            } else {
                out.add(new Volume(v.path("type").asText("volume"), v.path("source").asText(null),
                        v.path("target").asText(), v.path("read_only").asBoolean(false), v));
            }
        }
        return out;
    }

    private static JsonNode interpolateTree(JsonNode node, Map<String, String> env) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            it.forEachRemaining(fields::add);
            for (Map.Entry<String, JsonNode> f : fields) {
                o.set(f.getKey(), interpolateTree(f.getValue(), env));
            }
            return o;
        }
        if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, interpolateTree(a.get(i), env));
            }
            return a;
        }
        if (node.isTextual()) {
            return new TextNode(interpolate(node.asText(), env));
        }
        return node;
    }

    /** Compose's interpolation of one value. */
    public static String interpolate(String s, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '$' || i + 1 >= s.length()) {
                out.append(c);
                i++;
                continue;
            }
            char n = s.charAt(i + 1);
            if (n == '$') {
                out.append('$');
                i += 2;
            } else if (n == '{') {
                int end = matchingBrace(s, i + 1);
                out.append(expand(s.substring(i + 2, end), env));
                i = end + 1;
            } else if (Character.isLetter(n) || n == '_') {
                int j = i + 1;
                while (j < s.length() && isNameChar(s.charAt(j))) {
                    j++;
                }
                out.append(env.getOrDefault(s.substring(i + 1, j), ""));
                i = j;
            } else {
                throw new IllegalArgumentException("'$' must be written '$$' in docker-compose.yml: " + s);
            }
        }
        return out.toString();
    }

    private static String expand(String expression, Map<String, String> env) {
        int j = 0;
        while (j < expression.length() && isNameChar(expression.charAt(j))) {
            j++;
        }
        String name = expression.substring(0, j);
        String rest = expression.substring(j);
        String value = env.get(name);
        if (rest.isEmpty()) {
            return value == null ? "" : value;
        }
        if (rest.startsWith(":-")) {
            return value == null || value.isEmpty() ? interpolate(rest.substring(2), env) : value;
        }
        if (rest.startsWith("-")) {
            return value == null ? interpolate(rest.substring(1), env) : value;
        }
        if (rest.startsWith(":?") || rest.startsWith("?")) {
            if (value == null || (rest.startsWith(":") && value.isEmpty())) {
                throw new IllegalArgumentException("required variable " + name + " is not set");
            }
            return value;
        }
        throw new IllegalArgumentException("unsupported interpolation ${" + expression + "}");
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int k = open; k < s.length(); k++) {
            if (s.charAt(k) == '{') {
                depth++;
            } else if (s.charAt(k) == '}' && --depth == 0) {
                return k;
            }
        }
        throw new IllegalArgumentException("unclosed ${ in " + s);
    }
}
