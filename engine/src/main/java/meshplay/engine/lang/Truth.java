package meshplay.engine.lang;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import meshplay.engine.yaml.YNode;

/**
 * What counts as true, in the three senses Ansible has, each under its own name:
 * <ul>
 *   <li>{@link #of}: Python's truthiness ({@code if value:}), used by conditionals ({@code when},
 *       {@code assert}, {@code failed_when}): empty text, empty collections, 0 and None are false;
 *       any other text is true, "no" and "false" included.</li>
 *   <li>{@link #toBool} and {@link #parse}: Ansible's {@code boolean()} conversion of a keyword or
 *       module argument (module_utils/parsing/convert_bool.py): the words y/yes/on/1/true/t and
 *       n/no/off/0/false/f in any case, the numbers 1 and 0, and booleans.</li>
 *   <li>{@link #boolFilter}: Jinja's {@code bool} filter, which knows fewer words.</li>
 * </ul>
 */
public final class Truth {
    private static final Set<String> TRUE_WORDS = Set.of("y", "yes", "on", "1", "true", "t");
    private static final Set<String> FALSE_WORDS = Set.of("n", "no", "off", "0", "false", "f");
    private static final Set<String> BOOL_FILTER_TRUE = Set.of("yes", "on", "1", "true");

    private Truth() {
    }

    /** Python's truthiness of a value. */
    public static boolean of(Object v) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof BigDecimal d) return d.signum() != 0;
        if (v instanceof BigInteger i) return i.signum() != 0;
        if (v instanceof Double || v instanceof Float) return ((Number) v).doubleValue() != 0.0;
        if (v instanceof Number n) return n.longValue() != 0;
        if (v instanceof CharSequence s) return s.length() > 0;
        if (v instanceof Collection<?> c) return !c.isEmpty();
        if (v instanceof Map<?, ?> m) return !m.isEmpty();
        if (v.getClass().isArray()) return Array.getLength(v) > 0;
        return true;
    }

    /**
     * Ansible's {@code boolean(value)}: true or false, or null when the value is no boolean
     * (text other than the words above, a number other than 1 and 0, a list, nothing).
     */
    public static Boolean parse(Object value) {
        Object v = value instanceof YNode n ? n.toJava() : value;
        if (v instanceof Boolean b) return b;
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d == 1.0 ? Boolean.TRUE : d == 0.0 ? Boolean.FALSE : null;
        }
        if (v == null || v instanceof Collection<?> || v instanceof Map<?, ?> || v.getClass().isArray()) return null;
        String word = v.toString().strip().toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(word)) return true;
        if (FALSE_WORDS.contains(word)) return false;
        return null;
    }

    /** True only when {@link #parse} reads the value as true: a flag in a tool's JSON answer (1, true, "yes"); anything else is false. */
    public static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(parse(value));
    }

    /** Ansible's strict {@code boolean(value)}; anything else is a {@link LangException} that lists the words. */
    public static boolean toBool(Object v) {
        Boolean b = parse(v);
        if (b == null) {
            throw new LangException("'" + v + "' is not a boolean (use true/false, yes/no, on/off or 1/0)");
        }
        return b;
    }

    /** Jinja's {@code bool} filter in Ansible: yes/on/1/true (any case) and the number 1 are true, other values false; None stays None. */
    public static Boolean boolFilter(Object v) {
        if (v == null || v instanceof Boolean) return (Boolean) v;
        if (v instanceof Number n) return n.doubleValue() == 1.0;
        return BOOL_FILTER_TRUE.contains(v.toString().toLowerCase(Locale.ROOT));
    }
}
