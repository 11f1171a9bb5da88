package meshplay.engine.exec;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import meshplay.engine.inventory.Inventory;

/** hostvars: every host's variables, computed only when one is read. */
final class HostVarsView extends AbstractMap<String, Object> {
    private final Inventory inventory;
    private final VarsAssembler vars;

    HostVarsView(Inventory inventory, VarsAssembler vars) {
        this.inventory = inventory;
        this.vars = vars;
    }

    @Override
    public Object get(Object key) {
        return key instanceof String h && inventory.hosts().contains(h) ? vars.hostLevel(h) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String h && inventory.hosts().contains(h);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<String> hosts = inventory.hosts().iterator();
                return new Iterator<>() {
                    public boolean hasNext() {
                        return hosts.hasNext();
                    }

                    public Entry<String, Object> next() {
                        String h = hosts.next();
                        return new SimpleImmutableEntry<>(h, vars.hostLevel(h));
                    }
                };
            }

            @Override
            public int size() {
                return inventory.hosts().size();
            }
        };
    }

    @Override
    public String toString() {
        return "hostvars" + inventory.hosts();
    }
}
