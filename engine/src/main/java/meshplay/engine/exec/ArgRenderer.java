package meshplay.engine.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.model.Task;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.template.Templar;
import meshplay.engine.yaml.Unsafe;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.VarsFile;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/**
 * A task's arguments for one host: the `args:` keyword and the module's own mapping, templated. A
 * literal scalar is passed on as its YScalar so the validator can read its source text ("NO", "0644").
 * Free-form text goes to the module's free-form argument; its key=value words naming known arguments
 * are split off (as "creates=/x cmd" in Ansible). Values rendered to `omit` are dropped.
 */
public final class ArgRenderer {
    public static final String OMIT = "__omit_place_holder__";

    private ArgRenderer() {
    }

    public static Map<String, Object> render(Task task, YNode argsKeyword, ArgSpec spec, Templar templar, Map<String, Object> vars) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (argsKeyword instanceof YMap m) addMap(out, m, templar, vars);
        YNode a = task.args();
        if (a instanceof YMap m) {
            addMap(out, m, templar, vars);
        } else if (a instanceof YScalar s && s.value() != null) {
            Object rendered = templar.render(s, vars);
            String text = String.valueOf(rendered);
            freeForm(out, text, spec);
            // words split from unsafe text stay unsafe
            if (Unsafe.is(rendered)) out.replaceAll((k, v) -> Unsafe.mark(v));
        }
        out.values().removeIf(v -> OMIT.equals(v));
        return out;
    }

    private static void addMap(Map<String, Object> out, YMap m, Templar templar, Map<String, Object> vars) {
        for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
            YNode v = e.getValue();
            if (v instanceof YScalar s && !(s.value() instanceof String str && meshplay.engine.template.Templar.isTemplate(str))) {
                out.put(e.getKey(), s);
            } else {
                out.put(e.getKey(), v == null ? null : templar.render(v, vars));
            }
        }
    }

    private static void freeForm(Map<String, Object> out, String text, ArgSpec spec) {
        List<String> rest = new ArrayList<>();
        for (String word : words(text)) {
            int eq = word.indexOf('=');
            String key = eq > 0 ? word.substring(0, eq) : null;
            boolean named = key != null && VarsFile.isVariableName(key);
            boolean known = named && spec != null && spec.find(key) != null && !key.equals(spec.freeFormArg());
            boolean anyArg = named && spec != null && spec.acceptsAnyArgs();
            if (known || anyArg || (spec != null && spec.freeFormArg() == null && key != null)) {
                out.put(key, unquote(word.substring(eq + 1)));
            } else {
                rest.add(word);
            }
        }
        if (spec != null && spec.freeFormArg() != null && !rest.isEmpty()) {
            out.put(spec.freeFormArg(), String.join(" ", rest));
        } else if (!rest.isEmpty()) {
            out.put("_raw_params", String.join(" ", rest));
        }
    }

    /** Splits on spaces outside quotes, keeping the quotes (the command line is the module's to parse). */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                cur.append(c);
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
                cur.append(c);
            } else if (Character.isWhitespace(c)) {
                if (cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** Where an argument was written, for error messages. */
    public static Origin originOf(Task task, String key) {
        if (task.args() instanceof YMap m && m.has(key)) return m.keyOrigin(key);
        return task.args() != null ? task.args().origin() : task.origin();
    }
}
