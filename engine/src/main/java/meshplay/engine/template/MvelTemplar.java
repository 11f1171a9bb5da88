package meshplay.engine.template;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.lang.Nearest;
import meshplay.engine.template.filter.Registry;
import meshplay.engine.vault.Vault;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.Unsafe;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;
import org.mvel2.MVEL;
import org.mvel2.PropertyAccessException;

/**
 * The templar: Jinja-style templates whose expressions are translated to MVEL, compiled once and cached
 * (thread-safe; one instance serves all hosts and forks). Only YNode text is ever compiled: plain Java
 * values are data and are returned unchanged. What an expression computes from unsafe host data is
 * marked unsafe ({@link Unsafe}), and unsafe text is never evaluated. See docs/variables.md.
 */
public final class MvelTemplar implements Templar {
    private static final int CACHE_LIMIT = 20_000;

    /**
     * MVEL logs a Java stack trace (java.util.logging, WARNING) when a variable or method fails while it
     * optimizes an expression: the same errors this class reports as UserErrors. Its loggers stay silent;
     * the reference is kept because java.util.logging holds loggers weakly.
     */
    private static final Logger MVEL_LOG = Logger.getLogger("org.mvel2");

    static {
        MVEL_LOG.setLevel(Level.OFF);
    }

    private final Registry registry;
    private final Vault vault;
    private final Map<String, List<TemplateNode>> parsed;
    private final Map<String, String> translated;
    private final Map<String, Serializable> compiled;

    public MvelTemplar() {
        this(Registry.standard());
    }

    public MvelTemplar(Registry registry) {
        this(registry, Vault.NONE, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    private MvelTemplar(Registry registry, Vault vault, Map<String, List<TemplateNode>> parsed, Map<String, String> translated,
                        Map<String, Serializable> compiled) {
        this.registry = registry;
        this.vault = vault;
        this.parsed = parsed;
        this.translated = translated;
        this.compiled = compiled;
    }

    /**
     * The same templar (filters and compile caches shared) whose lookups open vault-encrypted files with
     * {@code vault}'s passwords, as the file, template and unvault lookups of Ansible do.
     */
    public MvelTemplar withVault(Vault vault) {
        return new MvelTemplar(registry, vault, parsed, translated, compiled);
    }

    Registry registry() {
        return registry;
    }

    /** The run's vault passwords, for lookups that read controller files. */
    Vault vault() {
        return vault;
    }

    // ---- Templar

    @Override
    public Object render(Object value, Map<String, Object> vars) {
        return renderValue(value, new RenderScope(this, vars));
    }

    @Override
    public Object evaluate(String expression, Map<String, Object> vars, Origin origin) {
        if (Unsafe.is(expression)) throw Unsafe.refused(expression, origin);
        RenderScope scope = new RenderScope(this, vars);
        String e = expression == null ? "" : expression.strip();
        if (Templar.isTemplate(e)) return renderText(e, origin, scope);
        return evaluateTop(e, e, origin, scope);
    }

    @Override
    public boolean test(String expression, Map<String, Object> vars, Origin origin) {
        return Ops.truthy(evaluate(expression, vars, origin));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Object> loopItems(String plugin, Object terms, Map<String, Object> vars) {
        // as in Ansible, a with_* loop's items come from a lookup plugin and are marked unsafe
        return (List<Object>) Unsafe.mark(Lookups.run(plugin, ListLookups.listify(terms), Map.of(), new RenderScope(this, vars)));
    }

    /** Renders trusted template text (a template file or a playbook string); the result is always text. */
    @Override
    public String renderTemplate(String text, Map<String, Object> vars, Origin origin) {
        return renderTemplate(text, origin, new RenderScope(this, vars));
    }

    /** The same, in a render call's scope (the template lookup); unsafe when any part read unsafe data. */
    String renderTemplate(String text, Origin origin, RenderScope scope) {
        return renderAll(nodes(text, origin), origin, scope);
    }

    // ---- rendering

    /** YNodes inside are rendered; a plain container with none inside is returned as it is (data keeps its identity). */
    Object renderValue(Object value, RenderScope scope) {
        if (value instanceof YNode n) return renderNode(n, scope);
        if (value instanceof Map<?, ?> m && !(value instanceof VariableNamespace)) {
            Map<Object, Object> out = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object r = renderValue(e.getValue(), scope);
                changed |= r != e.getValue();
                out.put(e.getKey(), r);
            }
            return changed ? out : value;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            boolean changed = false;
            for (Object v : l) {
                Object r = renderValue(v, scope);
                changed |= r != v;
                out.add(r);
            }
            return changed ? out : value;
        }
        return value;
    }

    Object renderNode(YNode node, RenderScope scope) {
        if (node instanceof YScalar s) {
            if (s.value() instanceof String text) {
                return Templar.isTemplate(text) ? renderText(text, s.origin(), scope) : text;
            }
            return s.value();
        }
        if (node instanceof YMap m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> {
                String key = Templar.isTemplate(k) ? Ops.toText(renderText(k, m.keyOrigin(k), scope)) : k;
                out.put(key, v == null ? null : renderNode(v, scope));
            });
            return out;
        }
        YList l = (YList) node;
        List<Object> out = new ArrayList<>(l.items().size());
        for (YNode n : l.items()) out.add(n == null ? null : renderNode(n, scope));
        return out;
    }

    /**
     * A text with templates, rendered as Ansible's (non-native) templating does. A text that is only
     * {@code {{ name }}}, naming a variable whose value is a number, a boolean or None, gives that value.
     * Otherwise a text that is one "{{ }}" and nothing else gives its value for a list, a mapping or a
     * boolean, while a number or a tuple becomes its text and None the empty string. Any other result is
     * text, and as in Ansible, text that is a Python literal starting with [ or { becomes that list or
     * mapping, and "True"/"False" a boolean ({@link PyLiteral}), unless it is the text of a filter such
     * as to_json alone; spaces around the expression are kept, so " {{ list }}" stays text.
     */
    private Object renderText(String text, Origin origin, RenderScope scope) {
        List<TemplateNode> nodes = nodes(text, origin);
        if (nodes.size() != 1 || !(nodes.get(0) instanceof TemplateNode.Output single)) return literal(renderAll(nodes, origin, scope));
        Object value = evaluateTop(single.expression(), "{{ " + single.expression() + " }}", at(origin, single.line()), scope);
        if (namesPlainScalar(text, scope)) return value;
        if (value instanceof Number || value instanceof PyTuple) return Ops.toText(value);
        // the text of to_json, string and the like stays text (Ansible's STRING_TYPE_FILTERS)
        if (value instanceof CharSequence s) return FilterNames.endsWithTextFilter(single.expression()) ? value : literal(s.toString());
        return finalized(value);
    }

    /** Rendered text as Ansible's templating leaves it: a list, a mapping or a boolean when it is one (unsafe stays unsafe). */
    private static Object literal(String text) {
        java.util.Optional<Object> value = PyLiteral.of(text);
        if (value.isEmpty()) return text;
        return Unsafe.is(text) ? Unsafe.mark(value.get()) : value.get();
    }

    /** {@code {{ name }}} exactly. */
    private static final Pattern SINGLE_VAR = Pattern.compile("\\{\\{\\s*(\\w*)\\s*}}");

    /** True when the text is only {@code {{ name }}} and the variable holds a number, a boolean or None as written. */
    private static boolean namesPlainScalar(String text, RenderScope scope) {
        Matcher m = SINGLE_VAR.matcher(text);
        if (!m.matches() || !scope.isDefined(m.group(1))) return false;
        Object raw = scope.raw(m.group(1));
        if (raw instanceof YScalar s) raw = s.value();
        return raw == null || raw instanceof Number || raw instanceof Boolean;
    }

    /** What an output expression's value becomes in the rendered template (Ansible's finalize: None is ""). */
    private static Object finalized(Object value) {
        return value == null ? "" : value;
    }

    /** The nodes rendered to text: unsafe when any part read unsafe data. */
    private String renderAll(List<TemplateNode> nodes, Origin origin, RenderScope scope) {
        boolean outer = scope.startTaint();
        try {
            StringBuilder out = new StringBuilder();
            renderNodes(nodes, origin, scope, out);
            String text = out.toString();
            return scope.endTaint(outer) ? (String) Unsafe.mark(text) : text;
        } finally {
            scope.endTaint(outer);
        }
    }


    private List<TemplateNode> nodes(String text, Origin origin) {
        List<TemplateNode> n = parsed.get(text);
        if (n != null) return n;
        try {
            n = TemplateParser.parse(text);
        } catch (TemplateSyntaxException e) {
            throw new UserError(at(origin, e.line), "template error: " + e.getMessage(),
                "check the braces: expressions are written {{ expr }}, statements {% if ... %}", ExitCode.PARSE_ERROR);
        }
        if (parsed.size() > CACHE_LIMIT) parsed.clear();
        parsed.put(text, n);
        return n;
    }

    private void renderNodes(List<TemplateNode> nodes, Origin origin, RenderScope scope, StringBuilder out) {
        for (TemplateNode node : nodes) {
            if (node instanceof TemplateNode.Text t) {
                out.append(t.text());
            } else if (node instanceof TemplateNode.Output o) {
                out.append(Ops.toText(finalized(evaluateTop(o.expression(), "{{ " + o.expression() + " }}", at(origin, o.line()), scope))));
            } else if (node instanceof TemplateNode.If f) {
                List<TemplateNode> chosen = f.otherwise();
                for (TemplateNode.Branch b : f.branches()) {
                    if (truth(b.condition(), "{% if " + b.condition() + " %}", at(origin, b.line()), scope)) {
                        chosen = b.body();
                        break;
                    }
                }
                renderNodes(chosen, origin, scope, out);
            } else if (node instanceof TemplateNode.For f) {
                renderFor(f, origin, scope, out);
            } else if (node instanceof TemplateNode.Set s) {
                scope.setLocal(s.name(), evaluateTop(s.expression(), "{% set " + s.name() + " = " + s.expression() + " %}",
                    at(origin, s.line()), scope));
            }
        }
    }

    private void renderFor(TemplateNode.For f, Origin origin, RenderScope scope, StringBuilder out) {
        Origin where = at(origin, f.line());
        Object iterable = evaluateTop(f.iterable(), "{% for ... in " + f.iterable() + " %}", where, scope);
        List<Object> items;
        try {
            items = iterable instanceof Map<?, ?> m && f.targets().size() == 2 ? PyItems.of(m) : Seq.of(iterable);
        } catch (TemplateTypeException e) {
            throw new UserError(where, "cannot loop over " + Ops.typeName(iterable) + " in {% for ... in " + f.iterable() + " %}",
                null, ExitCode.ERROR);
        }
        if (f.condition() != null) {
            List<Object> kept = new ArrayList<>();
            for (Object item : items) {
                RenderScope body = scope.child();
                bindTargets(f, item, body, where);
                if (truth(f.condition(), "{% for ... if " + f.condition() + " %}", where, body)) kept.add(item);
            }
            items = kept;
        }
        if (items.isEmpty()) {
            renderNodes(f.otherwise(), origin, scope, out);
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            RenderScope body = scope.child();
            bindTargets(f, items.get(i), body, where);
            body.setLocal("loop", LoopInfo.of(items, i));
            renderNodes(f.body(), origin, body, out);
        }
    }

    private static void bindTargets(TemplateNode.For f, Object item, RenderScope body, Origin where) {
        if (f.targets().size() == 1) {
            body.setLocal(f.targets().get(0), item);
            return;
        }
        List<Object> parts = Seq.of(item);
        if (parts.size() != f.targets().size()) {
            throw new UserError(where, "cannot unpack " + parts.size() + " values into " + String.join(", ", f.targets()),
                null, ExitCode.ERROR);
        }
        for (int k = 0; k < parts.size(); k++) body.setLocal(f.targets().get(k), parts.get(k));
    }

    private boolean truth(String expression, String display, Origin origin, RenderScope scope) {
        return Ops.truthy(evaluateTop(expression, display, origin, scope));
    }

    private static Origin at(Origin origin, int lineOffset) {
        if (origin == null) return Origin.UNKNOWN;
        if (lineOffset == 0 || origin.line() <= 0) return origin;
        return new Origin(origin.file(), origin.line() + lineOffset, 1);
    }

    // ---- expressions

    /**
     * Evaluates one expression. Errors become UserErrors naming the expression and origin, except an
     * undefined variable met while rendering another variable's value: that stays an UndefinedException
     * so that "| default" and "is defined" further out still see it.
     */
    Object evaluateTop(String expression, String display, Origin origin, RenderScope scope) {
        String mvel;
        try {
            mvel = translate(expression);
        } catch (ExpressionSyntaxException e) {
            throw new UserError(origin, "syntax error in " + display + ": " + e.getMessage()
                + " (at character " + (e.position + 1) + " of '" + expression + "')",
                "expressions use Jinja syntax: a.b, a['b'], x | filter(arg), x is defined, 'a' ~ b, a if cond else b",
                ExitCode.PARSE_ERROR);
        }
        boolean outer = scope.startTaint();
        try {
            Object v = execute(mvel, scope);
            if (v instanceof Undefined u) throw u.error();
            if (v instanceof VariableNamespace ns) v = materialize(ns);
            boolean tainted = scope.endTaint(outer) || Unsafe.holds(v);
            return tainted ? Unsafe.mark(v) : v;
        } catch (UndefinedException e) {
            if (scope.nested()) throw e;
            throw undefined(e, display, origin, scope);
        } catch (TemplateTypeException e) {
            throw new UserError(origin, e.getMessage() + " in " + display, null, ExitCode.ERROR);
        } finally {
            scope.endTaint(outer);
        }
    }

    /** A whole namespace as a value ({{ hostvars['n2'] }}): its variables rendered with the namespace itself. */
    private Map<String, Object> materialize(VariableNamespace ns) {
        RenderScope own = new RenderScope(this, ns);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : ns.keySet()) out.put(name, own.lookup(name));
        return out;
    }

    private static UserError undefined(UndefinedException e, String display, Origin origin, RenderScope scope) {
        String root = e.name().split("[.\\[]", 2)[0];
        String hint;
        if (e.name().equals(root)) {
            String near = Nearest.of(root, scope.names());
            hint = (near != null ? "did you mean '" + near + "'? Otherwise " : "")
                + "define '" + root + "' (play vars, inventory, vars files or -e), or give a fallback: " + root + " | default(...)";
        } else {
            hint = "check the name, or give a fallback: " + e.name() + " | default(...)";
        }
        return new UserError(origin, e.getMessage() + " in " + display, hint, ExitCode.ERROR);
    }

    String translate(String expression) {
        String m = translated.get(expression);
        if (m == null) {
            m = JinjaTranslator.translate(expression);
            if (translated.size() > CACHE_LIMIT) translated.clear();
            translated.put(expression, m);
        }
        return m;
    }

    /** Runs translated MVEL code in the scope; errors come out as UndefinedException, TemplateTypeException or UserError. */
    Object execute(String mvel, RenderScope scope) {
        Serializable code = compiled.get(mvel);
        if (code == null) {
            try {
                code = MVEL.compileExpression(mvel);
            } catch (RuntimeException e) {
                throw new TemplateTypeException("cannot compile expression: " + readable(mvelMessage(e)));
            }
            if (compiled.size() > CACHE_LIMIT) compiled.clear();
            compiled.put(mvel, code);
        }
        try {
            return MVEL.executeExpression(code, scope.factory);
        } catch (RuntimeException e) {
            throw unwrap(e);
        }
    }

    private static RuntimeException unwrap(RuntimeException e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UndefinedException || t instanceof TemplateTypeException || t instanceof UserError) {
                return (RuntimeException) t;
            }
            if (t instanceof ArithmeticException a) return new TemplateTypeException("arithmetic error: " + a.getMessage());
            root = t;
        }
        String msg = mvelMessage(e);
        String prefix = "unresolvable property or identifier: ";
        if (e instanceof PropertyAccessException && msg.startsWith(prefix)) {
            return UndefinedException.variable(msg.substring(prefix.length()).trim());
        }
        if (!root.getClass().getName().startsWith("org.mvel2")) {
            return new TemplateTypeException("evaluation failed: " + Reflect.rootMessage(root));
        }
        return new TemplateTypeException(readable(msg));
    }

    /** Generated code is not the user's text: a message quoting it is replaced. */
    private static String readable(String mvelMessage) {
        return mvelMessage.contains(JinjaTranslator.CTX) ? "the expression cannot be evaluated" : mvelMessage;
    }

    /** MVEL's "[Error: ...]" line without the "[Near ...]" decoration. */
    static String mvelMessage(Throwable e) {
        String m = e.getMessage();
        if (m == null) return e.getClass().getSimpleName();
        int s = m.indexOf("[Error: ");
        if (s >= 0) {
            int end = m.indexOf(']', s);
            m = m.substring(s + 8, end > 0 ? end : m.length());
        }
        return m.strip();
    }
}
