package meshplay.engine.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lookups that reshape their terms: items (flattened one level), list, indexed_items, together
 * (zip, padded with None), nested (cartesian product), dict (key/value pairs) and subelements.
 */
final class ListLookups {
    private ListLookups() {
    }

    static List<Object> run(String plugin, List<Object> terms) {
        return switch (plugin) {
            case "items" -> flatten(terms);
            case "list" -> new ArrayList<>(terms);
            case "indexed_items" -> indexed(terms);
            case "together" -> together(terms);
            case "nested" -> nested(terms);
            case "dict" -> dict(terms);
            case "subelements" -> subelements(terms);
            default -> throw new TemplateTypeException("lookup plugin '" + plugin + "' not found");
        };
    }

    /** Lists among the terms are spliced in, one level deep. */
    static List<Object> flatten(List<?> terms) {
        List<Object> out = new ArrayList<>();
        for (Object t : terms) {
            if (t instanceof List<?> l) out.addAll(l);
            else out.add(t);
        }
        return out;
    }

    private static List<Object> indexed(List<Object> terms) {
        List<Object> items = flatten(terms);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) out.add(new ArrayList<>(java.util.Arrays.asList(Ops.integer(i), items.get(i))));
        return out;
    }

    private static List<Object> together(List<Object> terms) {
        if (terms.isEmpty()) throw new TemplateTypeException("with_together requires at least one element in each list");
        int longest = 0;
        for (Object t : terms) longest = Math.max(longest, listify(t).size());
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < longest; i++) {
            List<Object> row = new ArrayList<>();
            for (Object t : terms) {
                List<Object> l = listify(t);
                row.add(i < l.size() ? l.get(i) : null);
            }
            out.add(flatten(row));
        }
        return out;
    }

    private static List<Object> nested(List<Object> terms) {
        if (terms.isEmpty()) throw new TemplateTypeException("with_nested requires at least one element in the nested list");
        List<Object> result = listify(terms.get(0));
        for (Object next : terms.subList(1, terms.size())) {
            List<Object> combined = new ArrayList<>();
            for (Object x : result) for (Object y : listify(next)) combined.add(flatten(java.util.Arrays.asList(x, y)));
            result = combined;
        }
        List<Object> out = new ArrayList<>();
        for (Object x : result) out.add(x instanceof List<?> l ? flatten(l) : new ArrayList<>(java.util.Collections.singletonList(x)));
        return out;
    }

    private static List<Object> dict(List<Object> terms) {
        List<Object> out = new ArrayList<>();
        for (Object t : terms) {
            if (!(t instanceof Map<?, ?> m)) throw new TemplateTypeException("with_dict expects a dict");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("key", e.getKey());
                pair.put("value", e.getValue());
                out.add(pair);
            }
        }
        return out;
    }

    private static List<Object> subelements(List<Object> terms) {
        String usage = "subelements lookup expects a list of two or three items, ";
        if (terms.size() < 2 || terms.size() > 3) throw new TemplateTypeException(usage);
        Object first = terms.get(0);
        if (!(first instanceof List || first instanceof Map) || !(terms.get(1) instanceof String path)) {
            throw new TemplateTypeException(usage + "first a dict or a list, second a string pointing to the subkey");
        }
        boolean skipMissing = false;
        if (terms.size() == 3) {
            if (!(terms.get(2) instanceof Map<?, ?> flags)) throw new TemplateTypeException(usage + "the optional third item must be a dict with flags skip_missing");
            skipMissing = Ops.truthy(flags.get("skip_missing") != null ? flags.get("skip_missing") : false);
        }
        List<Object> elements;
        if (first instanceof Map<?, ?> m) {
            if (Ops.truthy(m.get("skipped") != null ? m.get("skipped") : false)) return new ArrayList<>();
            elements = new ArrayList<>(m.values());
        } else {
            elements = Seq.of(first);
        }
        String[] keys = path.split("\\.");
        List<Object> out = new ArrayList<>();
        for (Object element : elements) {
            if (!(element instanceof Map<?, ?> item)) throw new TemplateTypeException("subelements lookup expects a dictionary, got '" + Ops.toText(element) + "'");
            if (Ops.truthy(item.get("skipped") != null ? item.get("skipped") : false)) continue;
            List<Object> sub = sublist(item, keys, skipMissing);
            for (Object s : sub) out.add(new ArrayList<>(java.util.Arrays.asList(withoutKey(item, keys), s)));
        }
        return out;
    }

    /** The list at the dotted path, or empty when skip_missing allows a missing key. */
    private static List<Object> sublist(Map<?, ?> item, String[] keys, boolean skipMissing) {
        Object at = item;
        for (int i = 0; i < keys.length; i++) {
            Map<?, ?> m = (Map<?, ?>) at;
            if (!m.containsKey(keys[i])) {
                if (skipMissing) return List.of();
                throw new TemplateTypeException("could not find '" + keys[i] + "' key in iterated item '" + Ops.repr(m, true) + "'");
            }
            Object v = m.get(keys[i]);
            boolean last = i == keys.length - 1;
            if (!last && !(v instanceof Map)) {
                if (skipMissing) return List.of();
                throw new TemplateTypeException("the key " + keys[i] + " should point to a dictionary, got '" + Ops.toText(v) + "'");
            }
            if (last && !(v instanceof List)) throw new TemplateTypeException("the key " + keys[i] + " should point to a list, got '" + Ops.toText(v) + "'");
            at = v;
        }
        return Seq.of(at);
    }

    /** The element as the loop sees it: ansible-core removes the iterated list from it. */
    private static Map<Object, Object> withoutKey(Map<?, ?> item, String[] keys) {
        Map<Object, Object> copy = new LinkedHashMap<>(item);
        if (keys.length == 1) {
            copy.remove(keys[0]);
            return copy;
        }
        Object inner = copy.get(keys[0]);
        if (inner instanceof Map<?, ?> m) copy.put(keys[0], withoutKey(m, java.util.Arrays.copyOfRange(keys, 1, keys.length)));
        return copy;
    }

    /** A term as a list: a list stays, anything else is a one-element list. */
    static List<Object> listify(Object term) {
        if (term instanceof List<?> l) return new ArrayList<>(l);
        return new ArrayList<>(java.util.Collections.singletonList(term));
    }
}
