package meshplay.engine.report;

import java.util.Collection;
import java.util.Map;

/** A minimal JSON writer for events and results (strings, numbers, booleans, maps, lists). */
public final class Json {
    private Json() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder(128);
        write(out, value);
        return out.toString();
    }

    public static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof Short) {
            out.append(value);
        } else if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) string(out, String.valueOf(d));
            else out.append(value);
        } else if (value instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) out.append(',');
                first = false;
                string(out, String.valueOf(e.getKey()));
                out.append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> c) {
            out.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) out.append(',');
                first = false;
                write(out, o);
            }
            out.append(']');
        } else if (value instanceof Object[] arr) {
            write(out, java.util.Arrays.asList(arr));
        } else if (value instanceof meshplay.engine.yaml.YNode n) {
            write(out, n.toJava());
        } else {
            string(out, value.toString());
        }
    }

    /** Indented like Ansible's result output: 4 spaces, "key": value. */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder(128);
        pretty(out, value, 0);
        return out.toString();
    }

    private static void pretty(StringBuilder out, Object value, int depth) {
        Object v = value instanceof meshplay.engine.yaml.YNode n ? n.toJava() : value;
        String pad = "    ".repeat(depth + 1);
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            out.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(pad);
                string(out, String.valueOf(e.getKey()));
                out.append(": ");
                pretty(out, e.getValue(), depth + 1);
                out.append(++i < m.size() ? ",\n" : "\n");
            }
            out.append("    ".repeat(depth)).append('}');
        } else if (v instanceof Collection<?> c && !c.isEmpty()) {
            out.append("[\n");
            int i = 0;
            for (Object o : c) {
                out.append(pad);
                pretty(out, o, depth + 1);
                out.append(++i < c.size() ? ",\n" : "\n");
            }
            out.append("    ".repeat(depth)).append(']');
        } else {
            write(out, v);
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
