package meshplay.engine.exec;

import java.util.List;
import java.util.Map;
import meshplay.engine.module.ArgValidator;
import meshplay.engine.template.Templar;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/** Evaluates bare conditions (when, changed_when, failed_when, until): a list is AND-ed. */
public final class Conditionals {
    private Conditionals() {
    }

    public static boolean all(Templar templar, List<YNode> conditions, Map<String, Object> vars) {
        for (YNode c : conditions) {
            if (!test(templar, c, vars)) return false;
        }
        return true;
    }

    /** One condition node: a YAML boolean, or an expression (a list means all of them). */
    public static boolean test(Templar templar, YNode c, Map<String, Object> vars) {
        if (c instanceof meshplay.engine.yaml.YList l) return all(templar, l.items(), vars);
        if (c instanceof YScalar s) {
            if (s.value() instanceof Boolean b) return b;
            if (s.value() == null) return true;
            String expr = String.valueOf(s.value()).trim();
            // `when: "{{ x }}"` works in Ansible (with a warning): evaluate the inside as the expression
            if (expr.startsWith("{{") && expr.endsWith("}}") && expr.indexOf("{{", 2) < 0) {
                expr = expr.substring(2, expr.length() - 2).trim();
            }
            return templar.test(expr, vars, s.origin());
        }
        Object v = templar.render(c, vars);
        return ArgValidator.toBool(v);
    }
}
