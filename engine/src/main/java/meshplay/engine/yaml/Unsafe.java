package meshplay.engine.yaml;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;

/**
 * The "unsafe" mark of host data, as Ansible's AnsibleUnsafe: the opposite of a YNode (trusted text
 * from a playbook, inventory or vars file). Unsafe values are what hosts return (registered results,
 * facts), what lookups read, and anything a template computes from them. Such a value is shown and
 * compared like any other, but it is never evaluated as an expression: a condition, an assert or a
 * debug var whose text is unsafe is refused.
 *
 * <p>Java strings cannot carry a flag, so the mark is the object's identity: {@link #mark} returns
 * fresh copies (strings, maps and lists, all the way down) and remembers them weakly. An unmarked copy
 * of marked text (a substring, a concatenation) is not marked by itself; the templar marks what a
 * template computes from marked values (see the templar's RenderScope), so the mark is never lost
 * through templates. Only the JDK's own maps and lists are data containers; the engine's views
 * (hostvars, variable layers) are not looked into.
 */
public final class Unsafe {
    /** Ansible's own words for a refused condition. */
    public static final String REFUSED = "Conditional is marked as unsafe, and cannot be evaluated.";

    private static final ReferenceQueue<Object> GONE = new ReferenceQueue<>();
    private static final Set<Ref> MARKED = ConcurrentHashMap.newKeySet();

    private Unsafe() {
    }

    /**
     * The value marked unsafe: a marked copy of text, maps and lists (their keys and items too);
     * numbers, booleans and null as they are (they cannot hold code). An already marked value is returned
     * as it is.
     */
    public static Object mark(Object value) {
        return mark(value, new IdentityHashMap<>());
    }

    /** {@code copies}: the containers copied so far, so that a map holding itself is copied once. */
    private static Object mark(Object value, Map<Object, Object> copies) {
        if (value == null || is(value)) return value;
        if (value instanceof CharSequence cs) return remember(new String(cs.toString()));
        Object copy = copies.get(value);
        if (copy != null) return copy;
        if (value instanceof Map<?, ?> m && isData(m)) {
            Map<Object, Object> out = new LinkedHashMap<>();
            copies.put(value, out);
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(mark(e.getKey(), copies), mark(e.getValue(), copies));
            return remember(out);
        }
        if (value instanceof List<?> l && isData(l)) {
            List<Object> out = new ArrayList<>(l.size());
            copies.put(value, out);
            for (Object item : l) out.add(mark(item, copies));
            return remember(out);
        }
        return value;
    }

    /** True when this very object was marked. */
    public static boolean is(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) return false;
        return MARKED.contains(new Ref(value, null));
    }

    /** True when the value is marked or holds a marked value (in a map or list, at any depth). */
    public static boolean holds(Object value) {
        return holds(value, null);
    }

    /** {@code seen}: the containers looked into so far (made on the first container), so that cycles end. */
    private static boolean holds(Object value, Set<Object> seen) {
        if (value == null || value instanceof Number || value instanceof Boolean) return false;
        if (is(value)) return true;
        boolean map = value instanceof Map<?, ?> && isData(value);
        boolean list = value instanceof List<?> && isData(value);
        if (!map && !list) return false;
        Set<Object> visited = seen != null ? seen : Collections.newSetFromMap(new IdentityHashMap<>());
        if (!visited.add(value)) return false;
        if (map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (holds(e.getKey(), visited) || holds(e.getValue(), visited)) return true;
            }
        } else {
            for (Object item : (List<?>) value) if (holds(item, visited)) return true;
        }
        return false;
    }

    private static boolean isData(Object container) {
        return container.getClass().getName().startsWith("java.");
    }

    /** The error for unsafe text given as a condition (assert that, when, failed_when, changed_when, until). */
    public static UserError refused(String conditional, Origin origin) {
        return new UserError(origin, "The conditional check '" + conditional + "' failed. The error was: " + REFUSED,
            "this text comes from a host (a registered result, a fact or a lookup): it is data, never an expression."
                + " Compare it instead, e.g. that: r.stdout == 'expected'",
            ExitCode.ERROR);
    }

    private static <T> T remember(T value) {
        for (Object gone; (gone = GONE.poll()) != null; ) MARKED.remove(gone);
        MARKED.add(new Ref(value, GONE));
        return value;
    }

    /** A weak reference compared by the identity of its object. */
    private static final class Ref extends WeakReference<Object> {
        private final int hash;

        Ref(Object value, ReferenceQueue<Object> queue) {
            super(value, queue);
            this.hash = System.identityHashCode(value);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) return true;
            if (!(other instanceof Ref r) || r.hash != hash) return false;
            Object mine = get();
            return mine != null && mine == r.get();
        }
    }
}
