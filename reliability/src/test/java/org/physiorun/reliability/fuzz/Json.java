package org.physiorun.reliability.fuzz;

import java.util.List;
import java.util.stream.Collectors;

/**
 * JSON text written by hand, so that a body can hold what a JSON library would never write: lone surrogates, NUL,
 * numbers beyond every Java type, duplicate keys.
 */
public final class Json {

    private Json() {
    }

    /** A JSON string; control characters and every surrogate are escaped, so lone surrogates survive as escapes. */
    public static String string(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    public static String member(String name, String value) {
        return string(name) + ":" + value;
    }

    /** An object of the members given; blank ones (fields left out) are skipped. */
    public static String object(List<String> members) {
        return members.stream().filter(m -> !m.isEmpty()).collect(Collectors.joining(",", "{", "}"));
    }

    public static String array(List<String> values) {
        return String.join(",", values).transform(joined -> "[" + joined + "]");
    }
}
