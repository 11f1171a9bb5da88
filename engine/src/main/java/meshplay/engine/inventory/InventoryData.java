package meshplay.engine.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YNode;

/** Hosts and groups as read from inventory sources, with the variables written in them. */
final class InventoryData {
    static final String ALL = "all";
    static final String UNGROUPED = "ungrouped";

    /** A group: its direct hosts, its child groups and its variables, each in the order first written. */
    static final class Group {
        final String name;
        final Set<String> hosts = new LinkedHashSet<>();
        final Set<String> children = new LinkedHashSet<>();
        final Map<String, YNode> vars = new LinkedHashMap<>();

        Group(String name) {
            this.name = name;
        }
    }

    /** Host name -> its variables from inventory files, in inventory order. */
    final Map<String, Map<String, YNode>> hosts = new LinkedHashMap<>();
    final Map<String, Group> groups = new LinkedHashMap<>();
    /** Host name -> the inventory file that first named it (inventory_file). */
    final Map<String, java.nio.file.Path> sources = new LinkedHashMap<>();

    InventoryData() {
        group(ALL);
        group(UNGROUPED);
    }

    Group group(String name) {
        return groups.computeIfAbsent(name, Group::new);
    }

    /** Adds a host to a group ("ungrouped" when written outside any group), creating both as needed. */
    Map<String, YNode> addHost(String host, String group) {
        Map<String, YNode> vars = hosts.computeIfAbsent(host, h -> new LinkedHashMap<>());
        if (!group.equals(ALL)) group(group).hosts.add(host);
        return vars;
    }

    void addChild(String parent, String child, Origin origin) {
        if (child.equals(ALL)) throw new UserError(origin, "group 'all' cannot be a child of '" + parent + "'", "every group is already inside 'all'");
        group(child);
        if (parent.equals(child) || descendants(child).contains(parent)) {
            throw new UserError(origin, "group '" + child + "' cannot be a child of '" + parent + "': that would make a cycle",
                    "remove one of the :children entries");
        }
        group(parent).children.add(child);
    }

    /** All groups below a group, depth first. */
    Set<String> descendants(String group) {
        Set<String> out = new LinkedHashSet<>();
        collectDescendants(group, out);
        return out;
    }

    private void collectDescendants(String group, Set<String> out) {
        Group g = groups.get(group);
        if (g == null) return;
        for (String child : g.children) if (out.add(child)) collectDescendants(child, out);
    }

    /** Hosts in a group or any group below it: its own hosts first, then its children's, without repeats. */
    List<String> hostsOf(String group) {
        if (group.equals(ALL)) return new ArrayList<>(hosts.keySet());
        if (group.equals(UNGROUPED)) return ungrouped();
        Set<String> out = new LinkedHashSet<>();
        Group g = groups.get(group);
        if (g == null) return List.of();
        out.addAll(g.hosts);
        for (String child : descendants(group)) out.addAll(groups.get(child).hosts);
        return new ArrayList<>(out);
    }

    /** Hosts that are in no group other than all/ungrouped. */
    List<String> ungrouped() {
        Set<String> grouped = new LinkedHashSet<>();
        for (Group g : groups.values()) if (!g.name.equals(ALL) && !g.name.equals(UNGROUPED)) grouped.addAll(g.hosts);
        List<String> out = new ArrayList<>();
        for (String h : hosts.keySet()) if (!grouped.contains(h)) out.add(h);
        return out;
    }

    /** Distance from "all": top-level groups are 1, a child is one deeper than its deepest parent. */
    int depth(String group) {
        return depth(group, new LinkedHashSet<>());
    }

    private int depth(String group, Set<String> seen) {
        if (group.equals(ALL)) return 0;
        if (!seen.add(group)) return 1;
        int deepestParent = 0;
        for (Group g : groups.values()) {
            if (!g.name.equals(ALL) && g.children.contains(group)) deepestParent = Math.max(deepestParent, depth(g.name, seen));
        }
        seen.remove(group);
        return deepestParent + 1;
    }
}
