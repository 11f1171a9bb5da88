package meshplay.engine.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** JSON text for template values (Python json.dumps layout) and a strict JSON parser. */
public final class Json {
    private Json() {
    }

    /** Compact form as Python writes it: {"a": 1, "b": [1, 2]}. */
    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(value, b, -1, 0, false);
        return b.toString();
    }

    /** Indented form; {@code sortKeys} as to_nice_json does. */
    public static String writePretty(Object value, int indent, boolean sortKeys) {
        StringBuilder b = new StringBuilder();
        write(value, b, indent, 0, sortKeys);
        return b.toString();
    }

    private static void write(Object v, StringBuilder b, int indent, int level, boolean sortKeys) {
        if (v instanceof Undefined u) throw u.error();
        if (level > 64) throw new TemplateTypeException("the value is nested too deeply to write as JSON (does it contain itself?)");
        if (v == null) {
            b.append("null");
        } else if (v instanceof Boolean || Ops.isIntegral(v) || v instanceof BigDecimal) {
            b.append(v);
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) b.append(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
            else b.append(Ops.floatText(d));
        } else if (v instanceof Map<?, ?> m) {
            Map<?, ?> entries = sortKeys ? sorted(m) : m;
            if (entries.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                if (!first) b.append(indent < 0 ? ", " : ",");
                first = false;
                newline(b, indent, level + 1);
                string(String.valueOf(e.getKey() instanceof String ? e.getKey() : Ops.toText(e.getKey())), b);
                b.append(": ");
                write(e.getValue(), b, indent, level + 1, sortKeys);
            }
            newline(b, indent, level);
            b.append('}');
        } else if (v instanceof Collection<?> || v.getClass().isArray()) {
            List<Object> items = Seq.of(v);
            if (items.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) b.append(indent < 0 ? ", " : ",");
                newline(b, indent, level + 1);
                write(items.get(i), b, indent, level + 1, sortKeys);
            }
            newline(b, indent, level);
            b.append(']');
        } else {
            string(v.toString(), b);
        }
    }

    private static Map<?, ?> sorted(Map<?, ?> m) {
        Map<String, Object> t = new TreeMap<>();
        m.forEach((k, val) -> t.put(String.valueOf(k), val));
        return t;
    }

    private static void newline(StringBuilder b, int indent, int level) {
        if (indent < 0) return;
        b.append('\n').append(" ".repeat(indent * level));
    }

    static void string(String s, StringBuilder b) {
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

    /** Parses JSON text: objects keep their key order; integers become Integer/Long/BigInteger, decimals Double. */
    public static Object parse(String text) {
        Parser p = new Parser(text);
        p.ws();
        Object v = p.value();
        p.ws();
        if (p.i < text.length()) throw p.error("unexpected text after the JSON value");
        return v;
    }

    private static final class Parser {
        final String s;
        int i;

        Parser(String s) {
            this.s = s;
        }

        TemplateTypeException error(String what) {
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
            return new TemplateTypeException("invalid JSON: " + what + " at line " + line + " column " + col);
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
                return big.bitLength() < 64 ? Ops.integer(big.longValue()) : big;
            } catch (NumberFormatException e) {
                throw error("bad number '" + t + "'");
            }
        }
    }
}
