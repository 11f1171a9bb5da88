package meshplay.engine.template;

import java.util.Map;
import meshplay.engine.yaml.Origin;

/**
 * Renders "{{ expr | filter(args) }}" templates (MVEL expressions, Java filters). Only trusted values
 * are templated: YNode values (from playbooks, inventories, vars files, -e). Plain Java strings from
 * hosts or from earlier rendering are data and are returned unchanged. A value that is exactly one
 * "{{ }}" keeps its native type. What an expression computes from unsafe values is marked unsafe.
 */
public interface Templar {
    /** True when the text contains template syntax ("{{", "{%" or "{#") and so must be rendered. */
    static boolean isTemplate(String text) {
        return text != null && (text.contains("{{") || text.contains("{%") || text.contains("{#"));
    }

    /** Renders a value (YNode, or plain value) recursively against the variables. */
    Object render(Object value, Map<String, Object> vars);

    /**
     * Evaluates a bare expression (when:, that:, changed_when:, until:), optionally with filters. The one
     * place where text becomes an expression: unsafe text (host data, see meshplay.engine.yaml.Unsafe)
     * is refused with Ansible's "Conditional is marked as unsafe" error, never evaluated.
     */
    Object evaluate(String expression, Map<String, Object> vars, Origin origin);

    /** Evaluates a bare expression as a condition (Ansible truthiness; undefined variable is an error). */
    boolean test(String expression, Map<String, Object> vars, Origin origin);

    /**
     * The items of a {@code with_NAME} loop: the lookup plugin NAME run on the loop's rendered value
     * (a list is the terms; anything else is one term), as query() would return them.
     */
    default java.util.List<Object> loopItems(String plugin, Object terms, Map<String, Object> vars) {
        throw new UnsupportedOperationException("with_" + plugin + " loops need a templar with lookups");
    }

    /**
     * Renders trusted template text (a controller-side template file named by the playbook) to text,
     * with {% if %}/{% for %} statements; {@code origin} is the file, line 1.
     */
    default String renderTemplate(String text, Map<String, Object> vars, Origin origin) {
        Object r = render(new meshplay.engine.yaml.YScalar(text, text, true, origin), vars);
        return r == null ? "" : String.valueOf(r);
    }
}
