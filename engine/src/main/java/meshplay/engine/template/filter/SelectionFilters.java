package meshplay.engine.template.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import meshplay.engine.template.Ops;
import meshplay.engine.template.Seq;
import meshplay.engine.template.Undefined;
import meshplay.engine.template.UndefinedException;

/** map, select, reject, selectattr, rejectattr: other filters and tests applied to each item. */
final class SelectionFilters {
    private SelectionFilters() {
    }

    static void register(Registry r) {
        r.filter("map", SelectionFilters::map);
        r.filter("select", (in, c) -> select(in, c, false, true));
        r.filter("reject", (in, c) -> select(in, c, false, false));
        r.filter("selectattr", (in, c) -> select(in, c, true, true));
        r.filter("rejectattr", (in, c) -> select(in, c, true, false));
        r.filter("extract", (in, c) -> {
            Object v = c.env().item(c.required(0, "container"), in, "container");
            Object more = c.arg(1, "morekeys", null);
            if (more == null) return v;
            StringBuilder path = new StringBuilder("container[" + Ops.repr(in, true) + "]");
            for (Object k : more instanceof List<?> l ? l : List.of(more)) {
                v = c.env().item(v, k, path.toString());
                path.append('[').append(Ops.repr(k, true)).append(']');
            }
            return v;
        });
    }

    private static Object map(Object in, FilterCall c) {
        List<Object> out = new ArrayList<>();
        if (c.kwargs().containsKey("attribute")) {
            String attribute = Ops.toText(c.kwargs().get("attribute"));
            boolean hasDefault = c.kwargs().containsKey("default");
            for (Object o : Seq.of(in)) {
                try {
                    out.add(c.env().attribute(o, attribute));
                } catch (UndefinedException e) {
                    if (!hasDefault) throw e;
                    out.add(c.kwargs().get("default"));
                }
            }
            return out;
        }
        if (c.args().isEmpty()) return Seq.of(in);
        String filter = Ops.toText(c.args().get(0));
        List<Object> rest = c.args().subList(1, c.args().size());
        Map<String, Object> kw = c.kwargs();
        for (Object o : Seq.of(in)) out.add(c.env().filter(filter, o, rest, kw));
        return out;
    }

    /** select/reject (byAttribute false) and selectattr/rejectattr (true); without a test, truthiness decides. */
    private static Object select(Object in, FilterCall c, boolean byAttribute, boolean keep) {
        List<Object> args = c.args();
        String attribute = null;
        if (byAttribute) {
            attribute = Ops.toText(c.required(0, "attribute"));
            args = args.subList(1, args.size());
        }
        String test = args.isEmpty() ? null : Ops.toText(args.get(0));
        List<Object> testArgs = args.isEmpty() ? List.of() : args.subList(1, args.size());
        List<Object> out = new ArrayList<>();
        for (Object o : Seq.of(in)) {
            Object subject = o;
            if (attribute != null) {
                try {
                    subject = c.env().attribute(o, attribute);
                } catch (UndefinedException e) {
                    subject = new Undefined(e);
                }
            }
            boolean ok;
            if (test == null) ok = !(subject instanceof Undefined) && Ops.truthy(subject);
            else if (subject instanceof Undefined && !test.equals("defined") && !test.equals("undefined")) ok = false;
            else ok = c.env().test(test, subject, testArgs);
            if (ok == keep) out.add(o);
        }
        return out;
    }
}
