package meshplay.engine.template;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import meshplay.engine.lang.PyFloat;
import meshplay.engine.lang.Truth;

/**
 * Python/Jinja semantics for values: truthiness, equality, ordering, arithmetic, membership, str().
 * Shared by the expression context and the filters.
 */
public final class Ops {
    private Ops() {
    }

    public static boolean truthy(Object o) {
        if (o instanceof Undefined u) throw u.error();
        return Truth.of(o);
    }

    public static boolean isIntegral(Object n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
            || n instanceof BigInteger;
    }

    /** A Boolean counts as a number, as in Python. */
    private static boolean numeric(Object o) {
        return o instanceof Number || o instanceof Boolean;
    }

    private static Number num(Object o) {
        return o instanceof Boolean b ? (b ? 1 : 0) : (Number) o;
    }

    /** An integral result as Integer when it fits, else Long. */
    public static Number integer(long v) {
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Number) (int) v : (Number) v;
    }

    public static boolean eq(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (numeric(a) && numeric(b)) {
            Number x = num(a);
            Number y = num(b);
            if (isIntegral(x) && isIntegral(y)) return new BigInteger(x.toString()).equals(new BigInteger(y.toString()));
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof CharSequence || a instanceof Character) {
            return (b instanceof CharSequence || b instanceof Character) && a.toString().equals(b.toString());
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            Iterator<?> i = y.iterator();
            for (Object e : x) if (!eq(e, i.next())) return false;
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) return false;
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !eq(e.getValue(), y.get(e.getKey()))) return false;
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    public static int compare(Object a, Object b, String op) {
        if (numeric(a) && numeric(b)) {
            Number x = num(a);
            Number y = num(b);
            if (isIntegral(x) && isIntegral(y)) return new BigInteger(x.toString()).compareTo(new BigInteger(y.toString()));
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof CharSequence && b instanceof CharSequence) return a.toString().compareTo(b.toString());
        if (a instanceof List<?> x && b instanceof List<?> y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                int c = compare(x.get(i), y.get(i), op);
                if (c != 0) return c;
            }
            return Integer.compare(x.size(), y.size());
        }
        throw new TemplateTypeException("'" + op + "' is not supported between " + typeName(a) + " and " + typeName(b)
            + (a instanceof CharSequence || b instanceof CharSequence ? " (convert with | int or | float first)" : ""));
    }

    public static Object add(Object a, Object b) {
        if (numeric(a) && numeric(b)) {
            Number x = num(a);
            Number y = num(b);
            if (isIntegral(x) && isIntegral(y)) return integer(Math.addExact(x.longValue(), y.longValue()));
            return x.doubleValue() + y.doubleValue();
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            List<Object> out = new ArrayList<>(x);
            out.addAll(y);
            return out;
        }
        // Lenient where Python is strict: text + number concatenates, as MVEL users expect.
        if (a instanceof CharSequence || b instanceof CharSequence) return toText(a) + toText(b);
        throw new TemplateTypeException("cannot add " + typeName(a) + " and " + typeName(b));
    }

    public static Object sub(Object a, Object b) {
        requireNumbers(a, b, "-");
        Number x = num(a);
        Number y = num(b);
        if (isIntegral(x) && isIntegral(y)) return integer(Math.subtractExact(x.longValue(), y.longValue()));
        return x.doubleValue() - y.doubleValue();
    }

    public static Object mul(Object a, Object b) {
        if ((a instanceof CharSequence || a instanceof List) && numeric(b)) return repeat(a, num(b).intValue());
        if ((b instanceof CharSequence || b instanceof List) && numeric(a)) return repeat(b, num(a).intValue());
        requireNumbers(a, b, "*");
        Number x = num(a);
        Number y = num(b);
        if (isIntegral(x) && isIntegral(y)) return integer(Math.multiplyExact(x.longValue(), y.longValue()));
        return x.doubleValue() * y.doubleValue();
    }

    private static Object repeat(Object seq, int times) {
        if (seq instanceof CharSequence s) return s.toString().repeat(Math.max(0, times));
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < times; i++) out.addAll((List<?>) seq);
        return out;
    }

    public static Object div(Object a, Object b) {
        requireNumbers(a, b, "/");
        double y = num(b).doubleValue();
        if (y == 0) throw new TemplateTypeException("division by zero");
        return num(a).doubleValue() / y;
    }

    public static Object floordiv(Object a, Object b) {
        requireNumbers(a, b, "//");
        Number x = num(a);
        Number y = num(b);
        if (y.doubleValue() == 0) throw new TemplateTypeException("division by zero");
        if (isIntegral(x) && isIntegral(y)) return integer(Math.floorDiv(x.longValue(), y.longValue()));
        return Math.floor(x.doubleValue() / y.doubleValue());
    }

    public static Object mod(Object a, Object b) {
        if (a instanceof CharSequence fmt) {
            return PercentFormat.format(fmt.toString(), b instanceof List<?> l ? new ArrayList<>(l) : java.util.Arrays.asList(b));
        }
        requireNumbers(a, b, "%");
        Number x = num(a);
        Number y = num(b);
        if (y.doubleValue() == 0) throw new TemplateTypeException("modulo by zero");
        if (isIntegral(x) && isIntegral(y)) return integer(Math.floorMod(x.longValue(), y.longValue()));
        double r = x.doubleValue() % y.doubleValue();
        return (r != 0 && (r < 0) != (y.doubleValue() < 0)) ? r + y.doubleValue() : r;
    }

    public static Object pow(Object a, Object b) {
        requireNumbers(a, b, "**");
        Number x = num(a);
        Number y = num(b);
        if (isIntegral(x) && isIntegral(y) && y.longValue() >= 0) {
            return integer(BigInteger.valueOf(x.longValue()).pow(y.intValue()).longValueExact());
        }
        return Math.pow(x.doubleValue(), y.doubleValue());
    }

    public static Object neg(Object a) {
        if (!numeric(a)) throw new TemplateTypeException("cannot negate " + typeName(a));
        Number x = num(a);
        return isIntegral(x) ? integer(-x.longValue()) : (Object) (-x.doubleValue());
    }

    private static void requireNumbers(Object a, Object b, String op) {
        if (!numeric(a) || !numeric(b)) {
            throw new TemplateTypeException("'" + op + "' needs numbers, got " + typeName(a) + " and " + typeName(b)
                + (a instanceof CharSequence || b instanceof CharSequence ? " (convert with | int or | float first)" : ""));
        }
    }

    /** Python's "a in b": substring, map key, or list element. */
    public static boolean contains(Object container, Object item) {
        if (container instanceof CharSequence s) return s.toString().contains(toText(item));
        if (container instanceof Map<?, ?> m) {
            if (m.containsKey(item)) return true;
            if (item instanceof Number) return m.containsKey(toText(item));
            return false;
        }
        if (container instanceof Iterable<?> it) {
            for (Object e : it) if (eq(e, item)) return true;
            return false;
        }
        if (container != null && container.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(container); i++) if (eq(Array.get(container, i), item)) return true;
            return false;
        }
        throw new TemplateTypeException("'in' needs a string, list or mapping on the right, got " + typeName(container));
    }

    /** Python type names, as users see them in Ansible messages. */
    public static String typeName(Object o) {
        if (o == null) return "NoneType";
        if (o instanceof Undefined) return "undefined";
        if (o instanceof Boolean) return "bool";
        if (isIntegral(o)) return "int";
        if (o instanceof Number) return "float";
        if (o instanceof CharSequence) return "str";
        if (o instanceof Map) return "dict";
        if (o instanceof PyTuple) return "tuple";
        if (o instanceof List || o instanceof Collection) return "list";
        return o.getClass().getSimpleName();
    }

    /** Python's str(): what a value looks like inside text. */
    public static String toText(Object o) {
        if (o instanceof Undefined u) throw u.error();
        if (o == null) return "None";
        if (o instanceof CharSequence s) return s.toString();
        return repr(o, false);
    }

    /** Python's repr() for nested values (strings quoted), str() at the top when quoteStrings is false. */
    public static String repr(Object o, boolean quoteStrings) {
        StringBuilder b = new StringBuilder();
        repr(o, quoteStrings, b, 0);
        return b.toString();
    }

    /** Deeper than this is a structure that contains itself (hostvars inside hostvars): shown as "...". */
    private static final int MAX_DEPTH = 32;

    private static void repr(Object o, boolean quoteStrings, StringBuilder b, int depth) {
        if (depth > MAX_DEPTH) {
            b.append("...");
        } else if (o == null) {
            b.append("None");
        } else if (o instanceof Boolean bool) {
            b.append(bool ? "True" : "False");
        } else if (o instanceof Double || o instanceof Float) {
            b.append(PyFloat.repr(((Number) o).doubleValue()));
        } else if (o instanceof BigDecimal d) {
            b.append(d.toPlainString());
        } else if (o instanceof Number) {
            b.append(o);
        } else if (o instanceof CharSequence s) {
            b.append(quoteStrings ? pyQuote(s.toString()) : s.toString());
        } else if (o instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) b.append(", ");
                first = false;
                repr(e.getKey(), true, b, depth + 1);
                b.append(": ");
                repr(e.getValue(), true, b, depth + 1);
            }
            b.append('}');
        } else if (o instanceof PyTuple t) {
            // Python's tuple: (a, b), and (a,) for one item
            b.append('(');
            for (int i = 0; i < t.size(); i++) {
                if (i > 0) b.append(", ");
                repr(t.get(i), true, b, depth + 1);
            }
            b.append(t.size() == 1 ? ",)" : ")");
        } else if (o instanceof Iterable<?> it) {
            b.append('[');
            boolean first = true;
            for (Object e : it) {
                if (!first) b.append(", ");
                first = false;
                repr(e, true, b, depth + 1);
            }
            b.append(']');
        } else if (o instanceof meshplay.engine.yaml.YNode n) {
            repr(n.toJava(), quoteStrings, b, depth);
        } else {
            b.append(o);
        }
    }

    private static String pyQuote(String s) {
        char q = s.contains("'") && !s.contains("\"") ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            if (c == q || c == '\\') b.append('\\').append(c);
            else if (c == '\n') b.append("\\n");
            else if (c == '\t') b.append("\\t");
            else b.append(c);
        }
        return b.append(q).toString();
    }

    /** Python's len(). */
    public static int length(Object o) {
        if (o instanceof Undefined u) throw u.error();
        if (o instanceof CharSequence s) return s.length();
        if (o instanceof Collection<?> c) return c.size();
        if (o instanceof Map<?, ?> m) return m.size();
        if (o != null && o.getClass().isArray()) return Array.getLength(o);
        throw new TemplateTypeException("object of type " + typeName(o) + " has no length");
    }
}
