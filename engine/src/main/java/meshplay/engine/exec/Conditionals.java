package meshplay.engine.exec;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import meshplay.engine.error.UserError;
import meshplay.engine.lang.Truth;
import meshplay.engine.template.Ops;
import meshplay.engine.template.PlainExpression;
import meshplay.engine.template.Templar;
import meshplay.engine.yaml.Unsafe;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/**
 * The one evaluator of bare conditions (when, changed_when, failed_when, until): a list is AND-ed. A
 * condition written with {{ }} is handled as Ansible does, with its warning: the text is rendered
 * first, and the rendered text is then evaluated as the expression (`"{{ n }} == 2"` is `1 == 2`).
 * That second evaluation is the only place where the result of rendering is evaluated again, see
 * {@link #evaluateRendered}; rendered text that is unsafe (it holds data from a host) is refused
 * there, as in Ansible, and never evaluated.
 */
public final class Conditionals {
    private final Templar templar;
    private final Consumer<String> warnings;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** {@code warnings} receives each distinct warning once. */
    public Conditionals(Templar templar, Consumer<String> warnings) {
        this.templar = templar;
        this.warnings = warnings;
    }

    public boolean all(List<YNode> conditions, Map<String, Object> vars) {
        for (YNode c : conditions) {
            if (!test(c, vars)) return false;
        }
        return true;
    }

    /** One condition node: a YAML boolean, or an expression (a list means all of them). */
    public boolean test(YNode c, Map<String, Object> vars) {
        if (c instanceof YList l) return all(l.items(), vars);
        if (c instanceof YScalar s) {
            if (s.value() instanceof Boolean b) return b;
            if (s.value() == null) return true;
            String expr = String.valueOf(s.value()).trim();
            if (!Templar.isTemplate(expr)) return templar.test(expr, vars, s.origin());
            String warning = "conditional statements should not include jinja2 templating delimiters such as {{ }} or {% %}. Found: " + expr;
            if (warned.add(warning)) warnings.accept(warning);
            return evaluateRendered(templar.render(s, vars), s, vars);
        }
        Object v = templar.render(c, vars);
        return Truth.toBool(v);
    }

    /**
     * The rendered value of a templated condition: a value that is not text counts by its truthiness;
     * text is evaluated as an expression, and only when it is a plain expression (names, literals,
     * operators): rendered text may hold data from a host, and such data must never run as code.
     */
    private boolean evaluateRendered(Object rendered, YScalar condition, Map<String, Object> vars) {
        if (!(rendered instanceof String text)) return Ops.truthy(rendered);
        // a template that gives a host's text would make that text the condition: refused, never evaluated
        if (Unsafe.is(text)) throw Unsafe.refused(String.valueOf(condition.value()).trim(), condition.origin());
        if (text.isBlank()) return false;
        if (!PlainExpression.is(text)) {
            throw new UserError(condition.origin(), "the condition '" + condition.value() + "' rendered to '" + text
                    + "', which is not a plain expression to evaluate",
                    "write the condition as a bare expression, without {{ }}, e.g. when: n == 2");
        }
        return templar.test(text, vars, condition.origin());
    }
}
