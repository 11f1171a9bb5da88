package meshplay.cli.repl;

import java.util.Collection;
import java.util.Map;
import meshplay.engine.lang.Json;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/** Values typed at the prompt (set/args) and values shown by it (p, vars, args). */
final class ValueText {
    static final Origin PROMPT = Origin.of("<step prompt>");

    private ValueText() {
    }

    /** "name=value" split at the first '='; null when there is none or the name is empty. */
    static String[] assignment(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) return null;
        return new String[] {text.substring(0, eq).strip(), text.substring(eq + 1).strip()};
    }

    /**
     * A typed value as YAML would read it: true/false, whole and decimal numbers, JSON lists and
     * mappings, quoted text without its quotes, anything else as text.
     */
    static Object parse(String text) {
        String t = text.strip();
        if (t.length() >= 2 && (t.startsWith("'") && t.endsWith("'") || t.startsWith("\"") && t.endsWith("\""))) {
            return t.substring(1, t.length() - 1);
        }
        if (t.equals("true") || t.equals("True")) return true;
        if (t.equals("false") || t.equals("False")) return false;
        if (t.matches("-?\\d{1,18}")) return Long.parseLong(t);
        if (t.matches("-?\\d+\\.\\d+")) return Double.parseDouble(t);
        if (t.startsWith("[") || t.startsWith("{")) {
            try {
                return Json.parse(t);
            } catch (RuntimeException e) {
                return t;
            }
        }
        return t;
    }

    /**
     * A typed argument: kept as a scalar with its source text, so that the module's argument types read
     * it as they read YAML ("0644" stays an octal mode, "yes" a boolean).
     */
    static Object argument(String text) {
        Object v = parse(text);
        if (v instanceof Map || v instanceof Collection) return v;
        String t = text.strip();
        boolean quoted = t.length() >= 2 && (t.startsWith("'") || t.startsWith("\""));
        if (t.matches("0\\d+")) v = t; // a mode such as 0700 is shown as written, not as the number 700
        return new YScalar(quoted ? String.valueOf(v) : t, quoted ? String.valueOf(v) : v, quoted, PROMPT);
    }

    /** One line for a value: text as it is, everything else as JSON. */
    static String show(Object value) {
        Object v = value instanceof YNode n ? n.toJava() : value;
        if (v instanceof String s) return s;
        return Json.write(v, Json.COMPACT);
    }

    /** A value cut to one screen line. */
    static String brief(String text, int max) {
        String oneLine = text.replace("\n", "\\n");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }
}
