package meshplay.engine.inventory;

import java.util.List;
import java.util.Map;

/**
 * Hosts, groups and their variables. Variable values that came from files are kept as YNode (trusted,
 * templated when read); see the vars package for precedence.
 */
public interface Inventory {
    /** Every host, in inventory order. */
    List<String> hosts();

    /** Group name -> member hosts (recursively through children), including "all" and "ungrouped". */
    Map<String, List<String>> groups();

    /** The groups a host belongs to (recursively), sorted, without "all". */
    List<String> groupNames(String host);

    /**
     * Hosts matching an Ansible host pattern (union a:b / a,b, intersection :&, exclusion :!,
     * wildcards, ~regex, [0] / [0:2] slices), in inventory order. Unknown names match nothing.
     */
    List<String> match(String pattern);

    /**
     * The host's inventory variables, merged lowest to highest: inventory group vars (all, then
     * parents before children, alphabetical at the same depth), inventory group_vars/, playbook
     * group_vars/, inventory host vars, inventory host_vars/, playbook host_vars/.
     */
    Map<String, Object> hostVars(String host);

    /** The inventory file that named the host (inventory_file), or null (host lists, add_host, implicit localhost). */
    default java.nio.file.Path sourceOf(String host) {
        return null;
    }

    /** Adds a host at run time (add_host) or returns the existing one. */
    void addHost(String host, List<String> groups, Map<String, Object> vars);
}
