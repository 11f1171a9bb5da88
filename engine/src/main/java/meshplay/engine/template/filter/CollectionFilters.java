package meshplay.engine.template.filter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import meshplay.engine.template.Ops;
import meshplay.engine.template.Seq;
import meshplay.engine.template.TemplateTypeException;
import meshplay.engine.template.Undefined;
import meshplay.engine.template.UndefinedException;

/** Lists and mappings: default, length, first/last, min/max/sum, unique, sort, join, combine, set operations, zip, ... */
final class CollectionFilters {
    private CollectionFilters() {
    }

    static void register(Registry r) {
        Filter dflt = (in, c) -> {
            Object fallback = c.arg(0, "default_value", "");
            if (in instanceof Undefined) return fallback;
            return c.bool(1, "boolean", false) && !Ops.truthy(in) ? fallback : in;
        };
        r.filter("default", dflt).filter("d", dflt);
        r.filter("mandatory", (in, c) -> {
            if (in instanceof Undefined u) {
                Object msg = c.arg(0, "msg", null);
                if (msg == null) throw new UndefinedException(u.error().name(), "mandatory variable: " + u.error().getMessage());
                throw new UndefinedException(u.error().name(), Ops.toText(msg));
            }
            return in;
        });
        Filter length = (in, c) -> Ops.length(in);
        r.filter("length", length).filter("count", length);
        r.filter("first", (in, c) -> {
            List<Object> l = Seq.of(in);
            return l.isEmpty() ? undefinedItem("first", in) : l.get(0);
        });
        r.filter("last", (in, c) -> {
            List<Object> l = Seq.of(in);
            return l.isEmpty() ? undefinedItem("last", in) : l.get(l.size() - 1);
        });
        r.filter("min", (in, c) -> extreme(in, c, -1));
        r.filter("max", (in, c) -> extreme(in, c, 1));
        r.filter("sum", (in, c) -> {
            Object total = c.arg(1, "start", 0);
            String attribute = c.string(0, "attribute", null);
            for (Object o : Seq.of(in)) total = Ops.add(total, attribute == null ? o : c.env().attribute(o, attribute));
            return total;
        });
        r.filter("unique", (in, c) -> unique(Seq.of(in)));
        r.filter("sort", CollectionFilters::sort);
        r.filter("reverse", (in, c) -> {
            if (in instanceof CharSequence s) return new StringBuilder(s).reverse().toString();
            List<Object> l = Seq.of(in);
            java.util.Collections.reverse(l);
            return l;
        });
        r.filter("list", (in, c) -> Seq.of(in));
        r.filter("join", (in, c) -> {
            String sep = c.string(0, "d", "");
            String attribute = c.string(1, "attribute", null);
            List<String> parts = new ArrayList<>();
            for (Object o : Seq.of(in)) parts.add(Ops.toText(attribute == null ? o : c.env().attribute(o, attribute)));
            return String.join(sep, parts);
        });
        r.filter("dict2items", (in, c) -> {
            if (!(in instanceof Map<?, ?> m)) throw c.wrongInput("a mapping", in);
            String k = c.string(0, "key_name", "key");
            String v = c.string(1, "value_name", "value");
            List<Object> out = new ArrayList<>();
            m.forEach((key, value) -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put(k, key);
                e.put(v, value);
                out.add(e);
            });
            return out;
        });
        r.filter("items2dict", (in, c) -> {
            String k = c.string(0, "key_name", "key");
            String v = c.string(1, "value_name", "value");
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Object o : Seq.of(in)) {
                if (!(o instanceof Map<?, ?> e) || !e.containsKey(k) || !e.containsKey(v)) {
                    throw new TemplateTypeException("items2dict: each item needs the keys '" + k + "' and '" + v + "', got " + Ops.repr(o, true));
                }
                out.put(e.get(k), e.get(v));
            }
            return out;
        });
        r.filter("combine", CollectionFilters::combine);
        r.filter("flatten", (in, c) -> {
            Object levels = c.arg(0, "levels", null);
            List<Object> out = new ArrayList<>();
            flatten(Seq.of(in), levels == null ? Integer.MAX_VALUE : ((Number) levels).intValue(), c.bool(1, "skip_nulls", true), out);
            return out;
        });
        r.filter("union", (in, c) -> {
            List<Object> all = Seq.of(in);
            all.addAll(Seq.of(c.required(0, "b")));
            return unique(all);
        });
        r.filter("intersect", (in, c) -> {
            List<Object> other = Seq.of(c.required(0, "b"));
            List<Object> out = new ArrayList<>();
            for (Object o : unique(Seq.of(in))) if (Ops.contains(other, o)) out.add(o);
            return out;
        });
        r.filter("difference", (in, c) -> {
            List<Object> other = Seq.of(c.required(0, "b"));
            List<Object> out = new ArrayList<>();
            for (Object o : unique(Seq.of(in))) if (!Ops.contains(other, o)) out.add(o);
            return out;
        });
        r.filter("symmetric_difference", (in, c) -> {
            List<Object> a = unique(Seq.of(in));
            List<Object> b = unique(Seq.of(c.required(0, "b")));
            List<Object> out = new ArrayList<>();
            for (Object o : a) if (!Ops.contains(b, o)) out.add(o);
            for (Object o : b) if (!Ops.contains(a, o)) out.add(o);
            return out;
        });
        r.filter("zip", (in, c) -> zip(in, c, false));
        r.filter("zip_longest", (in, c) -> zip(in, c, true));
        r.filter("batch", (in, c) -> {
            int size = c.integer(0, "linecount", 1);
            if (size <= 0) throw new TemplateTypeException("batch: the size must be positive");
            boolean fill = c.has(1, "fill_with");
            List<Object> all = Seq.of(in);
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < all.size(); i += size) {
                List<Object> chunk = new ArrayList<>(all.subList(i, Math.min(all.size(), i + size)));
                while (fill && chunk.size() < size) chunk.add(c.arg(1, "fill_with", null));
                out.add(chunk);
            }
            return out;
        });
        r.filter("dictsort", (in, c) -> {
            if (!(in instanceof Map<?, ?> m)) throw c.wrongInput("a mapping", in);
            boolean byValue = "value".equals(c.string(1, "by", "key"));
            List<Object> items = new ArrayList<>();
            m.forEach((k, v) -> items.add(new ArrayList<>(java.util.Arrays.asList(k, v))));
            items.sort((a, b) -> compareLoose(((List<?>) a).get(byValue ? 1 : 0), ((List<?>) b).get(byValue ? 1 : 0), c.bool(0, "case_sensitive", false)));
            if (c.bool(2, "reverse", false)) java.util.Collections.reverse(items);
            return items;
        });
        r.filter("subelements", (in, c) -> {
            String path = c.string(0, "subelements", null);
            boolean skipMissing = c.bool(1, "skip_missing", false);
            List<Object> out = new ArrayList<>();
            for (Object o : Seq.of(in)) {
                Object sub;
                try {
                    sub = c.env().attribute(o, path);
                } catch (UndefinedException e) {
                    if (skipMissing) continue;
                    throw e;
                }
                for (Object s : Seq.of(sub)) out.add(new ArrayList<>(java.util.Arrays.asList(o, s)));
            }
            return out;
        });
    }

    private static Object undefinedItem(String which, Object in) {
        return new Undefined(new UndefinedException(which, "'" + which + "' of an empty " + Ops.typeName(in)));
    }

    static List<Object> unique(List<Object> in) {
        List<Object> out = new ArrayList<>();
        for (Object o : in) if (!Ops.contains(out, o)) out.add(o);
        return out;
    }

    private static int compareLoose(Object a, Object b, boolean caseSensitive) {
        if (!caseSensitive && a instanceof CharSequence x && b instanceof CharSequence y) {
            return x.toString().toLowerCase(Locale.ROOT).compareTo(y.toString().toLowerCase(Locale.ROOT));
        }
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        return Ops.compare(a, b, "<");
    }

    private static Object extreme(Object in, FilterCall c, int sign) {
        String attribute = c.string(-1, "attribute", null);
        boolean cs = c.bool(-1, "case_sensitive", false);
        Object best = null;
        Object bestKey = null;
        for (Object o : Seq.of(in)) {
            Object key = attribute == null ? o : c.env().attribute(o, attribute);
            if (bestKey == null || sign * compareLoose(key, bestKey, cs) > 0) {
                best = o;
                bestKey = key;
            }
        }
        return best;
    }

    private static Object sort(Object in, FilterCall c) {
        boolean reverse = c.bool(0, "reverse", false);
        boolean cs = c.bool(1, "case_sensitive", false);
        String attribute = c.string(2, "attribute", null);
        List<Object> l = Seq.of(in);
        Comparator<Object> cmp = (a, b) -> {
            if (attribute == null) return compareLoose(a, b, cs);
            for (String attr : attribute.split(",")) {
                int r = compareLoose(c.env().attribute(a, attr.strip()), c.env().attribute(b, attr.strip()), cs);
                if (r != 0) return r;
            }
            return 0;
        };
        l.sort(reverse ? cmp.reversed() : cmp);
        return l;
    }

    private static Object combine(Object in, FilterCall c) {
        List<Object> dicts = new ArrayList<>();
        if (in instanceof List<?> l) dicts.addAll(l);
        else dicts.add(in);
        for (Object a : c.args()) {
            if (a instanceof List<?> l) dicts.addAll(l);
            else dicts.add(a);
        }
        boolean recursive = c.bool(-1, "recursive", false);
        String listMerge = c.string(-1, "list_merge", "replace");
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object d : dicts) {
            if (!(d instanceof Map<?, ?> m)) throw new TemplateTypeException("combine: expects mappings, got " + Ops.typeName(d));
            merge(out, m, recursive, listMerge);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<Object, Object> into, Map<?, ?> from, boolean recursive, String listMerge) {
        for (Map.Entry<?, ?> e : from.entrySet()) {
            Object old = into.get(e.getKey());
            Object val = e.getValue();
            if (recursive && old instanceof Map<?, ?> om && val instanceof Map<?, ?> nm) {
                Map<Object, Object> merged = new LinkedHashMap<>((Map<Object, Object>) om);
                merge(merged, nm, true, listMerge);
                into.put(e.getKey(), merged);
            } else if (old instanceof List<?> ol && val instanceof List<?> nl && into.containsKey(e.getKey())) {
                into.put(e.getKey(), mergeLists(ol, nl, listMerge));
            } else {
                into.put(e.getKey(), val);
            }
        }
    }

    private static Object mergeLists(List<?> old, List<?> add, String how) {
        List<Object> out = new ArrayList<>();
        switch (how) {
            case "replace" -> out.addAll(add);
            case "keep" -> out.addAll(old);
            case "append" -> {
                out.addAll(old);
                out.addAll(add);
            }
            case "prepend" -> {
                out.addAll(add);
                out.addAll(old);
            }
            case "append_rp" -> {
                for (Object o : old) if (!Ops.contains(add, o)) out.add(o);
                out.addAll(add);
            }
            case "prepend_rp" -> {
                out.addAll(add);
                for (Object o : old) if (!Ops.contains(add, o)) out.add(o);
            }
            default -> throw new TemplateTypeException("combine: list_merge must be replace, keep, append, prepend, append_rp or prepend_rp");
        }
        return out;
    }

    private static void flatten(List<Object> in, int levels, boolean skipNulls, List<Object> out) {
        for (Object o : in) {
            if (o == null && skipNulls) continue;
            if (o instanceof List<?> l && levels > 0) flatten(new ArrayList<>(l), levels - 1, skipNulls, out);
            else out.add(o);
        }
    }

    private static Object zip(Object in, FilterCall c, boolean longest) {
        List<List<Object>> lists = new ArrayList<>();
        lists.add(Seq.of(in));
        for (Object a : c.args()) lists.add(Seq.of(a));
        int n = longest ? lists.stream().mapToInt(List::size).max().orElse(0) : lists.stream().mapToInt(List::size).min().orElse(0);
        Object fill = c.arg(-1, "fillvalue", null);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>();
            for (List<Object> l : lists) row.add(i < l.size() ? l.get(i) : fill);
            out.add(row);
        }
        return out;
    }
}
