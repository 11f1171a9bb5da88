package meshplay.engine.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import meshplay.engine.module.ArgValidator;
import meshplay.engine.template.Templar;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;
import org.mvel2.MVEL;

/**
 * A small Templar for runner tests: "{{ mvel }}" in YAML text only, no filters. Plain Java values are
 * data and returned unchanged, as the real templar does.
 */
final class TestTemplar implements Templar {
    private static final Pattern EXPR = Pattern.compile("\\{\\{(.*?)}}");

    @Override
    public Object render(Object value, Map<String, Object> vars) {
        if (value instanceof YScalar s) {
            if (!(s.value() instanceof String text) || !text.contains("{{")) return s.value();
            Matcher whole = Pattern.compile("^\\{\\{(.*?)}}$").matcher(text.trim());
            if (whole.matches() && !whole.group(1).contains("{{")) return eval(whole.group(1), vars);
            Matcher m = EXPR.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(eval(m.group(1), vars))));
            m.appendTail(out);
            return out.toString();
        }
        if (value instanceof YMap m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> out.put(k, render(v, vars)));
            return out;
        }
        if (value instanceof YList l) {
            List<Object> out = new ArrayList<>();
            for (YNode n : l.items()) out.add(render(n, vars));
            return out;
        }
        return value;
    }

    private Object eval(String expr, Map<String, Object> vars) {
        return MVEL.eval(expr.trim(), resolved(vars));
    }

    private Map<String, Object> resolved(Map<String, Object> vars) {
        Map<String, Object> out = new LinkedHashMap<>();
        vars.forEach((k, v) -> out.put(k, v instanceof YNode n ? render(n, vars) : v));
        return out;
    }

    @Override
    public Object evaluate(String expression, Map<String, Object> vars, Origin origin) {
        return eval(expression, vars);
    }

    @Override
    public boolean test(String expression, Map<String, Object> vars, Origin origin) {
        Object v = eval(expression, vars);
        return v instanceof Boolean b ? b : ArgValidator.toBool(v);
    }
}
