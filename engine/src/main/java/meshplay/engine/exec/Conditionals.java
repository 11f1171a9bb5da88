package meshplay.engine.exec;

import java.util.List;
import java.util.Map;
import meshplay.engine.module.ArgValidator;
import meshplay.engine.template.Ops;
import meshplay.engine.template.Templar;
import meshplay.engine.yaml.Unsafe;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/**
 * Evaluates bare conditions (when, changed_when, failed_when, until): a list is AND-ed. A condition
 * that is one template whose value is unsafe text (host data) is refused, as in Ansible.
 */
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
            String written = String.valueOf(s.value()).trim();
            String expr = written;
            // `when: "{{ x }}"` works in Ansible (with a warning): evaluate the inside as the expression
            boolean templated = expr.startsWith("{{") && expr.endsWith("}}") && expr.indexOf("{{", 2) < 0;
            if (templated) expr = expr.substring(2, expr.length() - 2).trim();
            Object value = templar.evaluate(expr, vars, s.origin());
            // a template that gives a host's text would make that text the condition: refused, never evaluated
            if (templated && value instanceof String text && Unsafe.is(text)) throw Unsafe.refused(written, s.origin());
            return Ops.truthy(value);
        }
        Object v = templar.render(c, vars);
        return ArgValidator.toBool(v);
    }
}
