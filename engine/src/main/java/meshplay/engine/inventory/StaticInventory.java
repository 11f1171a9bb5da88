package meshplay.engine.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The inventory read from files, plus hosts added while running (add_host).
 *
 * <p>Variable precedence of {@link #hostVars}, lowest first (later entries override earlier ones):
 * <ol>
 * <li>group variables written in inventory files, for "all" then every group of the host ordered by
 * depth (parents before children) and by name at the same depth;</li>
 * <li>group_vars/all beside each inventory source, then group_vars/all beside the playbook;</li>
 * <li>group_vars/GROUP beside each inventory source, then beside the playbook (groups ordered as in 1);</li>
 * <li>host variables written in inventory files;</li>
 * <li>host_vars/HOST beside each inventory source, then beside the playbook;</li>
 * <li>variables given by add_host at run time.</li>
 * </ol>
 * A host named "localhost" that is not in the inventory still matches the pattern "localhost": it
 * connects locally and gets the variables of "all" and host_vars/localhost, but is in no group.
 */
final class StaticInventory implements Inventory {
    static final String LOCALHOST = "localhost";

    private final InventoryData data;
    /** group_vars directories, inventory ones first, then the playbook's. */
    private final List<VarsDirectory> groupVars;
    private final List<VarsDirectory> hostVarsDirs;
    private final Map<String, Map<String, Object>> addedVars = new HashMap<>();
    private final Map<String, Map<String, Object>> merged = new HashMap<>();
    /** Group -> member hosts (recursively), host -> position and host -> groups; rebuilt after add_host. */
    private Map<String, List<String>> members;
    private Map<String, Integer> position;
    private Map<String, TreeSet<String>> groupsOfHost;

    StaticInventory(InventoryData data, List<VarsDirectory> groupVarsDirs, List<VarsDirectory> hostVarsDirs) {
        this.data = data;
        this.groupVars = List.copyOf(groupVarsDirs);
        this.hostVarsDirs = List.copyOf(hostVarsDirs);
        List<String> hostNames = new ArrayList<>(data.hosts.keySet());
        hostNames.add(LOCALHOST);
        for (VarsDirectory d : groupVars) d.preload(data.groups.keySet());
        for (VarsDirectory d : hostVarsDirs) d.preload(hostNames);
    }

    private List<String> members(String group) {
        if (members == null) {
            members = new HashMap<>();
            for (String g : data.groups.keySet()) members.put(g, List.copyOf(data.hostsOf(g)));
        }
        return members.getOrDefault(group, List.of());
    }

    private int position(String host) {
        if (position == null) {
            position = new HashMap<>();
            for (String h : data.hosts.keySet()) position.put(h, position.size());
        }
        return position.getOrDefault(host, Integer.MAX_VALUE);
    }

    @Override
    public synchronized java.nio.file.Path sourceOf(String host) {
        return data.sources.get(host);
    }

    @Override
    public synchronized List<String> hosts() {
        return List.copyOf(data.hosts.keySet());
    }

    @Override
    public synchronized Map<String, List<String>> groups() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String g : data.groups.keySet()) out.put(g, members(g));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public synchronized List<String> groupNames(String host) {
        if (groupsOfHost == null) {
            groupsOfHost = new HashMap<>();
            for (String g : data.groups.keySet()) {
                if (g.equals(InventoryData.ALL)) continue;
                for (String h : members(g)) groupsOfHost.computeIfAbsent(h, k -> new TreeSet<>()).add(g);
            }
        }
        return List.copyOf(groupsOfHost.getOrDefault(host, new TreeSet<>()));
    }

    @Override
    public synchronized List<String> match(String pattern) {
        List<String> found = HostPattern.match(pattern, new HostPattern.Hosts() {
            public List<String> all() {
                return members(InventoryData.ALL);
            }

            public Iterable<String> groupNames() {
                return data.groups.keySet();
            }

            public List<String> hostsOf(String group) {
                return members(group);
            }

            public boolean isHost(String name) {
                return data.hosts.containsKey(name) || name.equals(LOCALHOST);
            }
        });
        List<String> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(this::position));
        return sorted;
    }

    @Override
    public synchronized Map<String, Object> hostVars(String host) {
        return merged.computeIfAbsent(host, this::merge);
    }

    private Map<String, Object> merge(String host) {
        boolean implicitLocal = !data.hosts.containsKey(host) && host.equals(LOCALHOST);
        Map<String, Object> out = new LinkedHashMap<>();
        if (implicitLocal) out.put("ansible_connection", "local");
        List<String> groups = groupsByPrecedence(host, implicitLocal);
        for (String g : groups) out.putAll(data.groups.get(g).vars);
        for (VarsDirectory dir : groupVars) out.putAll(dir.load(InventoryData.ALL));
        for (VarsDirectory dir : groupVars) {
            for (String g : groups) if (!g.equals(InventoryData.ALL)) out.putAll(dir.load(g));
        }
        out.putAll(data.hosts.getOrDefault(host, Map.of()));
        for (VarsDirectory dir : hostVarsDirs) out.putAll(dir.load(host));
        out.putAll(addedVars.getOrDefault(host, Map.of()));
        return Collections.unmodifiableMap(out);
    }

    /** "all", then the host's groups by depth and name. */
    private List<String> groupsByPrecedence(String host, boolean implicitLocal) {
        List<String> groups = new ArrayList<>();
        if (!implicitLocal) groups.addAll(groupNames(host));
        Map<String, Integer> depth = new HashMap<>();
        for (String g : groups) depth.put(g, data.depth(g));
        groups.sort(Comparator.<String>comparingInt(depth::get).thenComparing(Comparator.naturalOrder()));
        groups.add(0, InventoryData.ALL);
        return groups;
    }

    @Override
    public synchronized void addHost(String host, List<String> groups, Map<String, Object> vars) {
        data.addHost(host, InventoryData.ALL);
        for (String g : groups) {
            if (!g.equals(InventoryData.ALL)) data.addHost(host, g);
        }
        if (vars != null && !vars.isEmpty()) addedVars.computeIfAbsent(host, h -> new LinkedHashMap<>()).putAll(vars);
        merged.clear();
        members = null;
        position = null;
        groupsOfHost = null;
    }
}
