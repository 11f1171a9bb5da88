package meshplay.engine.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.yaml.Unsafe;

/**
 * Global functions: range(), lookup()/query() (see Lookups), dict(). All controller-side and read-only.
 * As in Ansible, what a lookup returns is marked unsafe: file contents and the environment are data.
 */
final class Functions {
    private Functions() {
    }

    static Object call(String name, List<Object> args, Map<String, Object> kw, RenderScope scope) {
        switch (name) {
            case "range":
                return range(args);
            case "lookup":
                return Unsafe.mark(Lookups.call(args, kw, scope, false));
            case "query":
            case "q":
                return Unsafe.mark(Lookups.call(args, kw, scope, true));
            case "dict": {
                Map<Object, Object> m = new LinkedHashMap<>();
                if (!args.isEmpty()) {
                    Object src = args.get(0);
                    if (src instanceof Map<?, ?> given) m.putAll(given);
                    else for (Object pair : Seq.of(src)) {
                        List<Object> kv = Seq.of(pair);
                        m.put(kv.get(0), kv.get(1));
                    }
                }
                m.putAll(kw);
                return m;
            }
            default:
                throw new UndefinedException(name, "'" + name + "' is undefined (there is no function of that name;"
                    + " available: range, lookup, query, dict)");
        }
    }

    private static List<Object> range(List<Object> args) {
        long start = 0;
        long stop;
        long step = 1;
        if (args.isEmpty() || args.size() > 3) throw new TemplateTypeException("range() takes 1 to 3 numbers");
        for (Object a : args) {
            if (!(a instanceof Number) || !Ops.isIntegral(a)) {
                throw new TemplateTypeException("range() needs integers, got " + Ops.typeName(a));
            }
        }
        if (args.size() == 1) {
            stop = ((Number) args.get(0)).longValue();
        } else {
            start = ((Number) args.get(0)).longValue();
            stop = ((Number) args.get(1)).longValue();
            if (args.size() == 3) step = ((Number) args.get(2)).longValue();
        }
        if (step == 0) throw new TemplateTypeException("range() step must not be zero");
        List<Object> out = new ArrayList<>();
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
            out.add(Ops.integer(i));
            if (out.size() > 1_000_000) throw new TemplateTypeException("range() is too large");
        }
        return out;
    }
}
