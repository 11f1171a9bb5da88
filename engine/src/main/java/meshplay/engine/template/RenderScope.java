package meshplay.engine.template;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Unsafe;
import meshplay.engine.yaml.YNode;

/**
 * The state of one render/evaluate call: the variables, the values of YNode variables rendered so far
 * (each trusted variable is rendered at most once per call) and the chain of variables being rendered,
 * to report recursive definitions. A child scope adds template locals ({% for %} targets, {% set %}).
 * It also notes whether the expression being evaluated read an unsafe value (see {@link Unsafe}): the
 * templar then marks what the expression computed. Not shared between threads.
 */
final class RenderScope {
    final MvelTemplar templar;
    final EvalContext context;
    final LazyVarsFactory factory;
    private final Map<String, Object> vars;
    private final RenderScope parent;
    private final Map<String, Object> locals = new HashMap<>();
    private final Map<String, Object> rendered;
    private final LinkedHashSet<String> resolving;
    private boolean tainted;

    RenderScope(MvelTemplar templar, Map<String, Object> vars) {
        this(templar, vars == null ? Map.of() : vars, null);
    }

    private RenderScope(MvelTemplar templar, Map<String, Object> vars, RenderScope parent) {
        this.templar = templar;
        this.vars = vars;
        this.parent = parent;
        this.rendered = parent == null ? new HashMap<>() : parent.rendered;
        this.resolving = parent == null ? new LinkedHashSet<>() : parent.resolving;
        this.context = new EvalContext(this);
        this.factory = new LazyVarsFactory(this);
    }

    /** A scope for a template block: new locals, same variables and caches. */
    RenderScope child() {
        return new RenderScope(templar, vars, this);
    }

    void setLocal(String name, Object value) {
        locals.put(name, value);
    }

    boolean isDefined(String name) {
        if (locals.containsKey(name)) return true;
        return parent != null ? parent.isDefined(name) : vars.containsKey(name) || VARS.equals(name);
    }

    /** {@code vars['tb4_' ~ iface]}: all variables by name, as in Ansible, unless a variable is called "vars". */
    private static final String VARS = "vars";

    /** Every variable name visible here (for "did you mean"). */
    java.util.Set<String> names() {
        java.util.Set<String> all = new java.util.TreeSet<>(locals.keySet());
        if (parent != null) all.addAll(parent.names());
        else all.addAll(vars.keySet());
        return all;
    }

    /** True while a variable's own template is being rendered (errors then carry the variable chain). */
    boolean nested() {
        return !resolving.isEmpty();
    }

    /** A variable's value as it is held, before any rendering (a YNode for a trusted variable). */
    Object raw(String name) {
        if (locals.containsKey(name)) return locals.get(name);
        if (parent != null) return parent.raw(name);
        return vars.get(name);
    }

    Object lookup(String name) {
        return noted(find(name));
    }

    /** Remembers (in the outermost scope) that the expression read the value, when it is or holds unsafe data. */
    Object noted(Object value) {
        RenderScope r = root();
        if (!r.tainted && Unsafe.holds(value)) r.tainted = true;
        return value;
    }

    /** Starts a new expression: returns whether the enclosing one has read unsafe values so far. */
    boolean startTaint() {
        RenderScope r = root();
        boolean outer = r.tainted;
        r.tainted = false;
        return outer;
    }

    /**
     * Ends an expression started with {@link #startTaint}: true when it read unsafe values. The enclosing
     * expression then counts them as its own. Calling it again for the same expression changes nothing.
     */
    boolean endTaint(boolean outer) {
        RenderScope r = root();
        boolean inner = r.tainted;
        r.tainted = outer || inner;
        return inner;
    }

    private RenderScope root() {
        return parent == null ? this : parent.root();
    }

    private Object find(String name) {
        if (locals.containsKey(name)) return locals.get(name);
        if (parent != null) return parent.find(name);
        if (rendered.containsKey(name)) return rendered.get(name);
        if (!vars.containsKey(name)) {
            if (VARS.equals(name)) return new NamespaceView(vars);
            throw UndefinedException.variable(name);
        }
        Object value = vars.get(name);
        if (!(value instanceof YNode node)) return value;
        if (resolving.contains(name)) {
            throw new UserError(node.origin(), "recursive loop in variable '" + name + "': "
                + String.join(" -> ", resolving) + " -> " + name,
                "a variable's value cannot refer to itself, directly or through other variables", ExitCode.ERROR);
        }
        resolving.add(name);
        Object result;
        try {
            result = templar.renderNode(node, this);
        } catch (UndefinedException e) {
            throw new UndefinedException(e.name(), e.getMessage() + " (in the value of '" + name + "' at " + node.origin() + ")");
        } finally {
            resolving.remove(name);
        }
        rendered.put(name, result);
        return result;
    }

    /** A trusted value met inside a plain container (attribute/item access): rendered in this scope. */
    Object renderFound(Object value) {
        return noted(value instanceof YNode node ? templar.renderNode(node, this) : value);
    }
}
