package meshplay.engine.vars;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import meshplay.engine.template.NamespaceView;
import meshplay.engine.template.VariableNamespace;

/**
 * The {@code hostvars} magic variable: host name -> that host's variables, computed only when a host
 * is read (a run may have many hosts and most tasks read none). Each host's map is a
 * VariableNamespace, so templates found in it are rendered with that host's variables, not the
 * reading host's. Nothing is cached: a read always sees the host's current set_fact/registered values.
 */
public final class HostVars extends AbstractMap<String, Object> {
    /** As in Ansible, hostvars has "localhost" even when the inventory does not list it (it is not iterated). */
    private static final String IMPLICIT_LOCALHOST = "localhost";
    private final Supplier<? extends Collection<String>> hosts;
    private final Function<String, ? extends Map<String, ?>> varsOf;

    /** {@code hosts}: the known host names; {@code varsOf}: a host's variables (e.g. its VarLayers view). */
    public HostVars(Supplier<? extends Collection<String>> hosts, Function<String, ? extends Map<String, ?>> varsOf) {
        this.hosts = hosts;
        this.varsOf = varsOf;
    }

    @Override
    public Object get(Object key) {
        if (!containsKey(key)) return null;
        Map<String, ?> v = varsOf.apply((String) key);
        return v instanceof VariableNamespace ns ? ns : new NamespaceView(v == null ? Map.of() : v);
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String h && (hosts.get().contains(h) || IMPLICIT_LOCALHOST.equals(h));
    }

    @Override
    public Set<String> keySet() {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(hosts.get()));
    }

    @Override
    public int size() {
        return hosts.get().size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        List<String> names = List.copyOf(hosts.get());
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<String> it = names.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        String h = it.next();
                        return new SimpleImmutableEntry<>(h, HostVars.this.get(h));
                    }
                };
            }

            @Override
            public int size() {
                return names.size();
            }
        };
    }
}
