package meshplay.engine.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.lang.LangException;
import meshplay.engine.lang.ShortName;
import meshplay.engine.template.filter.FilterCall;
import meshplay.engine.template.filter.FilterEnv;

/**
 * The object generated MVEL code calls (as {@value JinjaTranslator#CTX}) for everything with Python
 * semantics: operators, attribute/item access with clear "undefined" errors, filters, tests, functions.
 * Every value it hands back is noted in the render scope, so that what an expression computes from
 * unsafe host data is marked unsafe too. One instance per render call; public because MVEL calls it
 * reflectively.
 */
public final class EvalContext implements FilterEnv {
    private final RenderScope scope;
    private Object last;

    EvalContext(RenderScope scope) {
        this.scope = scope;
    }

    // ---- variables and truthiness

    public Object v(String name) {
        return scope.lookup(name);
    }

    /** Truthiness; remembers the value so that "a or b" can return a itself (see last()). */
    public boolean t(Object value) {
        last = value;
        return Ops.truthy(value);
    }

    public Object last() {
        return last;
    }

    /** Evaluates separately compiled code, turning an undefined error into an Undefined value. */
    public Object guard(String mvel) {
        try {
            return scope.templar.execute(mvel, scope);
        } catch (UndefinedException e) {
            return new Undefined(e);
        }
    }

    // ---- operators

    public boolean eq(Object a, Object b) {
        return Ops.eq(a, b);
    }

    public boolean ne(Object a, Object b) {
        return !Ops.eq(a, b);
    }

    public boolean lt(Object a, Object b) {
        return Ops.compare(a, b, "<") < 0;
    }

    public boolean le(Object a, Object b) {
        return Ops.compare(a, b, "<=") <= 0;
    }

    public boolean gt(Object a, Object b) {
        return Ops.compare(a, b, ">") > 0;
    }

    public boolean ge(Object a, Object b) {
        return Ops.compare(a, b, ">=") >= 0;
    }

    public boolean isIn(Object item, Object container) {
        return Ops.contains(container, item);
    }

    public String cat(Object a, Object b) {
        return Ops.toText(a) + Ops.toText(b);
    }

    public Object add(Object a, Object b) {
        return Ops.add(a, b);
    }

    public Object sub(Object a, Object b) {
        return Ops.sub(a, b);
    }

    public Object mul(Object a, Object b) {
        return Ops.mul(a, b);
    }

    public Object div(Object a, Object b) {
        return Ops.div(a, b);
    }

    public Object floordiv(Object a, Object b) {
        return Ops.floordiv(a, b);
    }

    public Object mod(Object a, Object b) {
        return Ops.mod(a, b);
    }

    public Object pow(Object a, Object b) {
        return Ops.pow(a, b);
    }

    public Object neg(Object a) {
        return Ops.neg(a);
    }

    public Object lng(String digits) {
        return new BigInteger(digits).longValue();
    }

    // ---- literals (fresh, ordered containers each time)

    public List<Object> list(List<?> items) {
        return new ArrayList<>(items);
    }

    public Map<Object, Object> dict(List<?> keysAndValues) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.size(); i += 2) m.put(keysAndValues.get(i), keysAndValues.get(i + 1));
        return m;
    }

    // ---- access

    public Object attr(Object obj, String name, String path) {
        if (obj instanceof Map<?, ?> m) {
            if (m.containsKey(name)) return found(m, m.get(name));
            throw missingKey(path, name, m);
        }
        if (obj instanceof List<?> l && name.chars().allMatch(Character::isDigit)) {
            return item(l, Integer.parseInt(name), path);
        }
        if (obj == null) {
            throw new UndefinedException(path + "." + name, "'" + path + "' is None, so it has no attribute '" + name + "'");
        }
        return scope.noted(Reflect.property(obj, name, path));
    }

    @Override
    public Object item(Object obj, Object key, String path) {
        if (obj instanceof Map<?, ?> m) {
            if (m.containsKey(key)) return found(m, m.get(key));
            if (key instanceof Number && m.containsKey(key.toString())) return found(m, m.get(key.toString()));
            throw missingKey(path, Ops.toText(key), m);
        }
        if (obj == null) {
            throw new UndefinedException(path + "[" + Ops.repr(key, true) + "]",
                "'" + path + "' is None, so it has no item " + Ops.repr(key, true));
        }
        if (obj instanceof List<?> || obj instanceof CharSequence || obj.getClass().isArray()) {
            if (!(key instanceof Number n) || !Ops.isIntegral(n)) {
                throw new TemplateTypeException("'" + path + "' is a " + Ops.typeName(obj) + ": its index must be an integer, got "
                    + Ops.repr(key, true));
            }
            List<?> seq = Seq.of(obj);
            int i = n.intValue();
            int at = i < 0 ? seq.size() + i : i;
            if (at < 0 || at >= seq.size()) {
                throw new UndefinedException(path + "[" + i + "]",
                    "'" + path + "' has no item [" + i + "] (it has " + seq.size() + (seq.size() == 1 ? " item)" : " items)"));
            }
            return obj instanceof List<?> ? found(null, seq.get(at)) : scope.noted(seq.get(at));
        }
        if (key instanceof String s) return attr(obj, s, path);
        throw new TemplateTypeException("'" + path + "' (" + Ops.typeName(obj) + ") cannot be indexed");
    }

    private Object found(Map<?, ?> container, Object value) {
        if (container instanceof VariableNamespace ns && value instanceof meshplay.engine.yaml.YNode) {
            return scope.noted(new RenderScope(scope.templar, ns).renderFound(value));
        }
        return scope.renderFound(value);
    }

    private static UndefinedException missingKey(String path, String key, Map<?, ?> m) {
        StringBuilder msg = new StringBuilder("'" + path + "' has no key '" + key + "'");
        if (m.isEmpty()) {
            msg.append(" (it is empty)");
        } else if (m.size() <= 12) {
            List<String> keys = new ArrayList<>();
            for (Object k : m.keySet()) keys.add(String.valueOf(k));
            msg.append(" (it has: ").append(String.join(", ", keys)).append(")");
        }
        return new UndefinedException(path + "." + key, msg.toString());
    }

    public Object slice(Object obj, Object start, Object stop, Object step) {
        return scope.noted(Seq.slice(obj, start, stop, step));
    }

    public Object call(Object obj, String method, List<Object> args, List<Object> kw) {
        try {
            return scope.noted(PyMethods.call(obj, method, args, kwargs(kw)));
        } catch (RuntimeException e) {
            throw failure(e, method + "()");
        }
    }

    public Object fn(String name, List<Object> args, List<Object> kw) {
        try {
            return scope.noted(Functions.call(name, args, kwargs(kw), scope));
        } catch (RuntimeException e) {
            throw failure(e, name + "()");
        }
    }

    /** Our own errors pass; anything else (a bug or a Java exception from a method) gets a readable message. */
    private static RuntimeException failure(RuntimeException e, String what) {
        if (e instanceof UndefinedException || e instanceof TemplateTypeException || e instanceof meshplay.engine.error.UserError) {
            return e;
        }
        if (e instanceof LangException) return new TemplateTypeException(what + ": " + e.getMessage());
        if (e instanceof IndexOutOfBoundsException) return new TemplateTypeException(what + ": missing argument");
        if (e instanceof ClassCastException) return new TemplateTypeException(what + ": an argument has the wrong type");
        return new TemplateTypeException(what + " failed: " + Reflect.rootMessage(e));
    }

    // ---- filters and tests

    public Object pipe(String name, Object input, List<Object> args, List<Object> kw) {
        if (input instanceof Undefined u && !FilterNames.acceptsUndefined(name)) throw u.error();
        return filter(name, input, args, kwargs(kw));
    }

    @Override
    public Object filter(String name, Object input, List<Object> args, Map<String, Object> kwargs) {
        var filter = scope.templar.registry().filter(name);
        try {
            return scope.noted(filter.apply(input, new FilterCall(ShortName.of(name), args, kwargs, this)));
        } catch (RuntimeException e) {
            throw failure(e, "filter '" + ShortName.of(name) + "'");
        }
    }

    public boolean check(String name, Object input, List<Object> args) {
        String n = ShortName.of(name);
        if (input instanceof Undefined u && !n.equals("defined") && !n.equals("undefined")) throw u.error();
        return test(n, input, args);
    }

    @Override
    public boolean test(String name, Object input, List<Object> args) {
        var test = scope.templar.registry().test(name);
        try {
            return test.test(input, new FilterCall(ShortName.of(name), args, Map.of(), this));
        } catch (RuntimeException e) {
            throw failure(e, "test '" + ShortName.of(name) + "'");
        }
    }

    @Override
    public Object attribute(Object value, String path) {
        Object cur = value;
        StringBuilder where = new StringBuilder("item");
        for (String part : path.split("\\.")) {
            if (cur instanceof List<?> && part.matches("-?\\d+")) cur = item(cur, Integer.parseInt(part), where.toString());
            else cur = attr(cur, part, where.toString());
            where.append('.').append(part);
        }
        return cur;
    }

    private static Map<String, Object> kwargs(List<Object> flat) {
        if (flat.isEmpty()) return Map.of();
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) m.put((String) flat.get(i), flat.get(i + 1));
        return m;
    }
}
