package meshplay.modules.support;

import java.util.Collection;
import java.util.Map;

/** Whether a value counts as true in a condition, as Ansible judges the result of a conditional. */
public final class Truthy {
    private Truthy() {
    }

    public static boolean of(Object v) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof Number n) return n.doubleValue() != 0;
        if (v instanceof Collection<?> c) return !c.isEmpty();
        if (v instanceof Map<?, ?> m) return !m.isEmpty();
        String s = v.toString().trim();
        return switch (s.toLowerCase()) {
            case "", "false", "no", "off", "0", "none", "null" -> false;
            default -> true;
        };
    }
}
