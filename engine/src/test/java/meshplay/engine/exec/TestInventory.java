package meshplay.engine.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import meshplay.engine.inventory.Inventory;

/** An in-memory inventory for runner tests: patterns are host or group names separated by commas. */
final class TestInventory implements Inventory {
    private final Map<String, Map<String, Object>> hosts = new LinkedHashMap<>();
    private final Map<String, List<String>> groups = new LinkedHashMap<>();

    TestInventory host(String name, Map<String, Object> vars, String... groupNames) {
        hosts.put(name, new LinkedHashMap<>(vars));
        groups.computeIfAbsent("all", k -> new ArrayList<>()).add(name);
        for (String g : groupNames) groups.computeIfAbsent(g, k -> new ArrayList<>()).add(name);
        return this;
    }

    @Override public List<String> hosts() { return new ArrayList<>(hosts.keySet()); }
    @Override public Map<String, List<String>> groups() { return groups; }

    @Override
    public List<String> groupNames(String host) {
        TreeSet<String> out = new TreeSet<>();
        groups.forEach((g, m) -> { if (!g.equals("all") && m.contains(host)) out.add(g); });
        return new ArrayList<>(out);
    }

    @Override
    public List<String> match(String pattern) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String p : pattern.split("[,:]")) {
            p = p.trim();
            if (groups.containsKey(p)) out.addAll(groups.get(p));
            else if (hosts.containsKey(p)) out.add(p);
        }
        return new ArrayList<>(out);
    }

    @Override
    public Map<String, Object> hostVars(String host) {
        return new LinkedHashMap<>(hosts.getOrDefault(host, Map.of()));
    }

    @Override
    public synchronized void addHost(String host, List<String> groupNames, Map<String, Object> vars) {
        if (!hosts.containsKey(host)) host(host, vars);
        for (String g : groupNames) {
            List<String> members = groups.computeIfAbsent(g, k -> new ArrayList<>());
            if (!members.contains(host)) members.add(host);
        }
    }
}
