package meshplay.engine.lang;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import meshplay.engine.yaml.YNode;

/**
 * The one JSON writer and reader. Writing follows Python's json.dumps; a {@link Style} chooses the
 * separators, indentation and key order: {@link #PYTHON} for to_json, {@link #indented} for
 * to_nice_json and the console's result blocks, {@link #COMPACT} for JSON lines. Reading is strict
 * JSON: objects keep their key order, integers become Integer, Long or BigInteger, decimals Double.
 */
public final class Json {
    /** How values are laid out. {@code indent < 0} writes one line; {@code strict} writes NaN and infinities as text. */
    public record Style(String itemSeparator, String keySeparator, int indent, boolean sortKeys, boolean strict) {
        /** This style with the keys of every object sorted, or not. */
        public Style sortKeys(boolean sort) {
            return new Style(itemSeparator, keySeparator, indent, sort, strict);
        }
    }

    /** json.dumps(value): {"a": 1, "b": [1, 2]}. */
    public static final Style PYTHON = new Style(", ", ": ", -1, false, false);
    /** One line without spaces, NaN as text so every line is valid JSON: {"a":1,"b":[1,2]}. */
    public static final Style COMPACT = new Style(",", ":", -1, false, true);
    /** A result as the console shows it at length: 4 spaces per level, NaN as text. */
    public static final Style BLOCK = new Style(",", ": ", 4, false, true);

    private static final int MAX_DEPTH = 64;

    private Json() {
    }

    /** json.dumps(value, indent=indent, sort_keys=sortKeys): one item per line. */
    public static Style indented(int indent, boolean sortKeys) {
        return new Style(",", ": ", indent, sortKeys, false);
    }

    /** json.dumps(value) in the {@link #PYTHON} style. */
    public static String write(Object value) {
        return write(value, PYTHON);
    }

    public static String write(Object value, Style style) {
        return write(value, style, UnaryOperator.identity());
    }

    /**
     * {@code value} as JSON text; {@code resolve} sees every value before it is written and may
     * replace it or refuse it by throwing (templating refuses undefined values this way).
     */
    public static String write(Object value, Style style, UnaryOperator<Object> resolve) {
        StringBuilder out = new StringBuilder(128);
        new Writer(style, resolve, out).value(value, 0);
        return out.toString();
    }

    /** A JSON string literal for {@code s}, with Python's escapes. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        string(s, out);
        return out.toString();
    }

    /** Parses JSON text; a {@link LangException} names the line and column of what is wrong. */
    public static Object parse(String text) {
        Parser p = new Parser(text);
        p.ws();
        Object v = p.value();
        p.ws();
        if (p.i < text.length()) throw p.error("unexpected text after the JSON value");
        return v;
    }

    private record Writer(Style style, UnaryOperator<Object> resolve, StringBuilder out) {
        void value(Object raw, int level) {
            if (level > MAX_DEPTH) throw new LangException("the value is nested too deeply to write as JSON (does it contain itself?)");
            Object v = resolve.apply(raw instanceof YNode n ? n.toJava() : raw);
            if (v == null) {
                out.append("null");
            } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                    || v instanceof BigInteger || v instanceof BigDecimal) {
                out.append(v);
            } else if (v instanceof Number n) {
                number(n.doubleValue());
            } else if (v instanceof Map<?, ?> m) {
                map(m, level);
            } else if (v instanceof Collection<?> || v.getClass().isArray()) {
                list(v instanceof Collection<?> c ? new ArrayList<>(c) : arrayItems(v), level);
            } else {
                string(v.toString(), out);
            }
        }

        private void number(double d) {
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                String text = Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
                if (style.strict()) string(text, out);
                else out.append(text);
            } else {
                out.append(PyFloat.repr(d));
            }
        }

        private void map(Map<?, ?> m, int level) {
            if (m.isEmpty()) {
                out.append("{}");
                return;
            }
            Map<?, ?> entries = m;
            if (style.sortKeys()) {
                Map<String, Object> sorted = new TreeMap<>();
                m.forEach((k, val) -> sorted.put(String.valueOf(k), val));
                entries = sorted;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                if (!first) out.append(style.itemSeparator());
                first = false;
                newline(level + 1);
                string(String.valueOf(e.getKey()), out);
                out.append(style.keySeparator());
                value(e.getValue(), level + 1);
            }
            newline(level);
            out.append('}');
        }

        private void list(List<?> items, int level) {
            if (items.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) out.append(style.itemSeparator());
                newline(level + 1);
                value(items.get(i), level + 1);
            }
            newline(level);
            out.append(']');
        }

        private void newline(int level) {
            if (style.indent() >= 0) out.append('\n').append(" ".repeat(style.indent() * level));
        }

        private static List<Object> arrayItems(Object array) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(array); i++) items.add(Array.get(array, i));
            return items;
        }
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        b.append('"');
    }

    private static final class Parser {
        final String s;
        int i;

        Parser(String s) {
            this.s = s;
        }

        LangException error(String what) {
            int line = 1;
            int col = 1;
            for (int k = 0; k < Math.min(i, s.length()); k++) {
                if (s.charAt(k) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            return new LangException("invalid JSON: " + what + " at line " + line + " column " + col);
        }

        void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        Object value() {
            if (i >= s.length()) throw error("unexpected end");
            char c = s.charAt(i);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return str();
                default:
                    if (s.startsWith("true", i)) {
                        i += 4;
                        return true;
                    }
                    if (s.startsWith("false", i)) {
                        i += 5;
                        return false;
                    }
                    if (s.startsWith("null", i)) {
                        i += 4;
                        return null;
                    }
                    if (c == '-' || Character.isDigit(c)) return number();
                    throw error("unexpected character '" + c + "'");
            }
        }

        Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            ws();
            if (i < s.length() && s.charAt(i) == '}') {
                i++;
                return m;
            }
            while (true) {
                ws();
                if (i >= s.length() || s.charAt(i) != '"') throw error("expected a string key");
                String k = str();
                ws();
                expect(':');
                ws();
                m.put(k, value());
                ws();
                if (i < s.length() && s.charAt(i) == ',') {
                    i++;
                    continue;
                }
                expect('}');
                return m;
            }
        }

        List<Object> array() {
            List<Object> l = new ArrayList<>();
            i++;
            ws();
            if (i < s.length() && s.charAt(i) == ']') {
                i++;
                return l;
            }
            while (true) {
                ws();
                l.add(value());
                ws();
                if (i < s.length() && s.charAt(i) == ',') {
                    i++;
                    continue;
                }
                expect(']');
                return l;
            }
        }

        void expect(char c) {
            if (i >= s.length() || s.charAt(i) != c) throw error("expected '" + c + "'");
            i++;
        }

        String str() {
            StringBuilder b = new StringBuilder();
            i++;
            while (true) {
                if (i >= s.length()) throw error("unterminated string");
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (i >= s.length()) throw error("unterminated string");
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) throw error("bad \\u escape");
                        try {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        Object number() {
            int start = i;
            if (s.charAt(i) == '-') i++;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            boolean real = false;
            if (i < s.length() && s.charAt(i) == '.') {
                real = true;
                i++;
                while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            }
            if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                real = true;
                i++;
                if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
                while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            }
            String t = s.substring(start, i);
            try {
                if (real) return Double.parseDouble(t);
                BigInteger big = new BigInteger(t);
                if (big.bitLength() >= 64) return big;
                long v = big.longValue();
                return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
            } catch (NumberFormatException e) {
                throw error("bad number '" + t + "'");
            }
        }
    }
}
