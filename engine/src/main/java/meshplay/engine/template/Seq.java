package meshplay.engine.template;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Sequences the way Python sees them: lists, strings (characters), arrays, other iterables, map keys. */
public final class Seq {
    private Seq() {
    }

    /** The value as a list (a string gives its characters, a map its keys). */
    public static List<Object> of(Object o) {
        if (o instanceof List<?> l) return new ArrayList<>(l);
        if (o instanceof CharSequence s) {
            List<Object> out = new ArrayList<>(s.length());
            for (int i = 0; i < s.length(); i++) out.add(String.valueOf(s.charAt(i)));
            return out;
        }
        if (o instanceof Map<?, ?> m) return new ArrayList<>(m.keySet());
        if (o instanceof Collection<?> c) return new ArrayList<>(c);
        if (o instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            it.forEach(out::add);
            return out;
        }
        if (o != null && o.getClass().isArray()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Array.getLength(o); i++) out.add(Array.get(o, i));
            return out;
        }
        throw new TemplateTypeException("expected a list, got " + Ops.typeName(o));
    }

    public static boolean isSequence(Object o) {
        return o instanceof Collection || o instanceof Iterable || (o != null && o.getClass().isArray());
    }

    /** Python's seq[start:stop:step] (null for an omitted bound); a string gives a string. */
    public static Object slice(Object obj, Object start, Object stop, Object step) {
        List<Object> seq = of(obj);
        int n = seq.size();
        int st = step == null ? 1 : ((Number) step).intValue();
        if (st == 0) throw new TemplateTypeException("slice step cannot be zero");
        int a;
        int b;
        if (st > 0) {
            a = bound(start, n, 0, 0, n);
            b = bound(stop, n, n, 0, n);
        } else {
            a = bound(start, n, n - 1, -1, n - 1);
            b = bound(stop, n, -1, -1, n - 1);
        }
        List<Object> out = new ArrayList<>();
        for (int i = a; st > 0 ? i < b : i > b; i += st) out.add(seq.get(i));
        if (obj instanceof CharSequence) {
            StringBuilder s = new StringBuilder();
            out.forEach(s::append);
            return s.toString();
        }
        return out;
    }

    private static int bound(Object v, int n, int fallback, int lo, int hi) {
        if (v == null) return fallback;
        int i = ((Number) v).intValue();
        if (i < 0) i += n;
        return Math.max(lo, Math.min(hi, i));
    }
}
