package org.videogov.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the manifest needs, without a library: a writer whose output depends only on its
 * input (fixed key order, two-space indentation, {@code \n} line ends, no trailing spaces), so that the
 * manifest's bytes are the same wherever it is written, and a strict reader (objects, arrays, strings,
 * integers, booleans, null; duplicate keys and trailing text refused).
 */
final class Json {

    private Json() {
    }

    /** A JSON string literal: quotes, backslash and every control character escaped; the rest as is. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Writes a value made of {@link Map} (in its iteration order), {@link List}, {@link String},
     * {@link Long}/{@link Integer}, {@link Boolean} and null.
     */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            out.append(quote(s));
        } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                indent(out, depth + 1);
                out.append(quote((String) e.getKey())).append(": ");
                write(out, e.getValue(), depth + 1);
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            indent(out, depth);
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                indent(out, depth + 1);
                write(out, list.get(i), depth + 1);
                out.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            indent(out, depth);
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    private static void indent(StringBuilder out, int depth) {
        out.append("  ".repeat(depth));
    }

    /** Malformed JSON, with the position. */
    static final class MalformedJson extends Exception {
        MalformedJson(String message, int at) {
            super(message + " at character " + at);
        }
    }

    /** Reads one JSON value (objects as insertion-ordered maps, integers as Long); nothing may follow it. */
    static Object read(String text) throws MalformedJson {
        Reader reader = new Reader(text);
        Object value = reader.value(0);
        reader.skipSpace();
        if (reader.at < text.length()) {
            throw new MalformedJson("text after the value", reader.at);
        }
        return value;
    }

    private static final class Reader {
        private final String s;
        private int at;

        Reader(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (at < s.length() && (s.charAt(at) == ' ' || s.charAt(at) == '\n' || s.charAt(at) == '\r'
                    || s.charAt(at) == '\t')) {
                at++;
            }
        }

        Object value(int depth) throws MalformedJson {
            if (depth > 16) {
                throw new MalformedJson("nested too deep", at);
            }
            skipSpace();
            if (at >= s.length()) {
                throw new MalformedJson("unexpected end", at);
            }
            char c = s.charAt(at);
            if (c == '{') {
                at++;
                Map<String, Object> map = new LinkedHashMap<>();
                skipSpace();
                if (peek('}')) {
                    return map;
                }
                do {
                    skipSpace();
                    if (at >= s.length() || s.charAt(at) != '"') {
                        throw new MalformedJson("expected a key", at);
                    }
                    String key = string();
                    skipSpace();
                    expect(':');
                    if (map.containsKey(key)) {
                        throw new MalformedJson("duplicate key " + key, at);
                    }
                    map.put(key, value(depth + 1));
                    skipSpace();
                } while (peek(','));
                expect('}');
                return map;
            }
            if (c == '[') {
                at++;
                List<Object> list = new ArrayList<>();
                skipSpace();
                if (peek(']')) {
                    return list;
                }
                do {
                    list.add(value(depth + 1));
                    skipSpace();
                } while (peek(','));
                expect(']');
                return list;
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", at)) {
                at += 4;
                return null;
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                int start = at;
                if (c == '-') {
                    at++;
                }
                while (at < s.length() && Character.isDigit(s.charAt(at))) {
                    at++;
                }
                try {
                    return Long.parseLong(s.substring(start, at));
                } catch (NumberFormatException e) {
                    throw new MalformedJson("not an integer", start);
                }
            }
            throw new MalformedJson("unexpected character", at);
        }

        private boolean peek(char c) {
            if (at < s.length() && s.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) throws MalformedJson {
            if (!peek(c)) {
                throw new MalformedJson("expected '" + c + "'", at);
            }
        }

        private String string() throws MalformedJson {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (at < s.length()) {
                char c = s.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw new MalformedJson("control character in a string", at - 1);
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (at >= s.length()) {
                    break;
                }
                char e = s.charAt(at++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (at + 4 > s.length()) {
                            throw new MalformedJson("short \\u escape", at);
                        }
                        try {
                            out.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw new MalformedJson("bad \\u escape", at);
                        }
                        at += 4;
                    }
                    default -> throw new MalformedJson("bad escape", at - 1);
                }
            }
            throw new MalformedJson("unterminated string", at);
        }
    }
}
