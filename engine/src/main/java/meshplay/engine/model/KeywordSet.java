package meshplay.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.YNode;

/**
 * The keywords written on one play, block, task, handler or role entry, each resolved to a typed
 * {@link Keyword} while loading. The runner reads them with the declarations in {@link Keywords}
 * ({@code keywords.get(Keywords.RUN_ONCE)}), never by name.
 */
public final class KeywordSet {
    public static final KeywordSet EMPTY = new KeywordSet(Map.of());

    private final Map<KeywordDef<?>, Keyword<?>> byDef;

    private KeywordSet(Map<KeywordDef<?>, Keyword<?>> byDef) {
        this.byDef = Collections.unmodifiableMap(byDef);
    }

    /** Resolves keywords written as name -> node; every name must be a keyword the engine knows. */
    public static KeywordSet of(Map<String, YNode> written) {
        Map<KeywordDef<?>, Keyword<?>> out = new LinkedHashMap<>();
        for (Map.Entry<String, YNode> e : written.entrySet()) {
            KeywordDef<?> def = Keywords.def(e.getKey());
            if (def == null) {
                throw new UserError(e.getValue().origin(), "'" + e.getKey() + "' is not a keyword",
                        "use task keywords here (tags, become, when, vars, ...)");
            }
            out.put(def, Keyword.of(def, e.getValue()));
        }
        return new KeywordSet(out);
    }

    /** The keyword as written here, or null when it is not given. */
    @SuppressWarnings("unchecked")
    public <T> Keyword<T> get(KeywordDef<T> def) {
        return (Keyword<T>) byDef.get(def);
    }

    /** The node written for the keyword, or null when it is not given. */
    public YNode node(KeywordDef<?> def) {
        Keyword<?> k = byDef.get(def);
        return k == null ? null : k.node();
    }

    public boolean has(KeywordDef<?> def) {
        return byDef.containsKey(def);
    }

    public boolean isEmpty() {
        return byDef.isEmpty();
    }

    /** The names written, in order (for listings and messages). */
    public Set<String> names() {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (KeywordDef<?> d : byDef.keySet()) out.add(d.name());
        return out;
    }

    /** The keywords as written, name -> node, in order (for the loader, which combines and re-checks them). */
    Map<String, YNode> asWritten() {
        Map<String, YNode> out = new LinkedHashMap<>();
        for (Keyword<?> k : byDef.values()) out.put(k.name(), k.node());
        return out;
    }

    /** Every keyword written here, in order. */
    public Iterable<Keyword<?>> all() {
        return byDef.values();
    }

    /** These keywords with {@code inner}'s on top: a keyword {@code inner} gives replaces this one's. */
    public KeywordSet overriddenBy(KeywordSet inner, Set<KeywordDef<?>> except) {
        if (inner.isEmpty()) return this;
        Map<KeywordDef<?>, Keyword<?>> out = new LinkedHashMap<>(byDef);
        for (Map.Entry<KeywordDef<?>, Keyword<?>> e : inner.byDef.entrySet()) {
            if (!except.contains(e.getKey())) out.put(e.getKey(), e.getValue());
        }
        return new KeywordSet(out);
    }

    /** Only the given keyword (an include task's vars passed to the tasks it includes). */
    public KeywordSet only(KeywordDef<?> def) {
        Keyword<?> k = byDef.get(def);
        return k == null ? EMPTY : new KeywordSet(Map.of(def, k));
    }

    @Override
    public String toString() {
        return names().toString();
    }
}
