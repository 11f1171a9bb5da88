package meshplay.engine.vars;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Gathered facts as variables: {@code ansible_facts} is the whole map and each fact is also visible as
 * {@code ansible_<name>} (Ansible's inject_facts_as_vars). A view: nothing is copied. Facts come from
 * hosts, so they are data and never templated.
 */
public final class FactVars extends AbstractMap<String, Object> {
    private static final String PREFIX = "ansible_";
    private final Map<String, ?> facts;
    private Map<String, Object> merged;

    public FactVars(Map<String, ?> facts) {
        this.facts = facts;
    }

    private String factName(Object key) {
        if (!(key instanceof String k) || !k.startsWith(PREFIX)) return null;
        if (facts.containsKey(k)) return k;
        String bare = k.substring(PREFIX.length());
        return facts.containsKey(bare) ? bare : null;
    }

    @Override
    public Object get(Object key) {
        if ("ansible_facts".equals(key)) return facts;
        String n = factName(key);
        return n == null ? null : facts.get(n);
    }

    @Override
    public boolean containsKey(Object key) {
        return "ansible_facts".equals(key) || factName(key) != null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        if (merged == null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ansible_facts", facts);
            facts.forEach((k, v) -> m.put(k.startsWith(PREFIX) ? k : PREFIX + k, v));
            merged = Collections.unmodifiableMap(m);
        }
        return merged.entrySet();
    }
}
