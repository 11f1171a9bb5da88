package meshplay.engine.template;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/** A read-only VariableNamespace over a plain map of variables (the {@code vars} magic variable, one host in hostvars). */
public final class NamespaceView extends AbstractMap<String, Object> implements VariableNamespace {
    private final Map<String, ?> vars;

    public NamespaceView(Map<String, ?> vars) {
        this.vars = vars;
    }

    @Override
    public Object get(Object key) {
        return vars.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return vars.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<Entry<String, Object>> entrySet() {
        return java.util.Collections.unmodifiableMap((Map<String, Object>) vars).entrySet();
    }
}
