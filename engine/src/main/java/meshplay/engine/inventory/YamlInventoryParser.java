package meshplay.engine.inventory;

import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.lang.Nearest;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.VarsFile;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/**
 * Reads a YAML inventory: top-level keys are groups (usually just {@code all}); each group has
 * {@code hosts} (name -> variables), {@code vars} and {@code children} (name -> group), all optional.
 * Host names may use ranges (web[01:03]).
 */
final class YamlInventoryParser {

    private final InventoryData data;

    private YamlInventoryParser(InventoryData data) {
        this.data = data;
    }

    static void parse(YNode root, String file, InventoryData data) {
        if (root == null) return;
        if (!(root instanceof YMap groups)) {
            throw new UserError(root.origin(), "a YAML inventory must be a mapping of groups, e.g. 'all: {hosts: {...}}'",
                    "start the file with 'all:' and list hosts under 'hosts:'");
        }
        YamlInventoryParser parser = new YamlInventoryParser(data);
        for (var e : groups.entries().entrySet()) parser.group(e.getKey(), e.getValue(), groups.keyOrigin(e.getKey()));
    }

    private void group(String name, YNode body, Origin origin) {
        data.group(name);
        if (body == null || (body instanceof YScalar s && s.value() == null)) return;
        if (!(body instanceof YMap map)) {
            throw new UserError(body.origin(), "group '" + name + "' must be a mapping with hosts:, vars: or children:", "e.g. " + name + ": {hosts: {node1: }}");
        }
        for (var e : map.entries().entrySet()) {
            String key = e.getKey();
            Origin keyOrigin = map.keyOrigin(key);
            switch (key) {
                case "hosts" -> hosts(name, e.getValue());
                case "vars" -> vars(name, e.getValue()).forEach((k, v) -> data.group(name).vars.put(k, v));
                case "children" -> children(name, e.getValue());
                default -> throw new UserError(keyOrigin, "unknown key '" + key + "' in group '" + name + "'",
                        nearest(key) + "a group has hosts:, vars: and children:" + (key.equals("host") ? "" : "; a host goes under hosts:"));
            }
        }
    }

    private void hosts(String group, YNode node) {
        if (isEmpty(node)) return;
        if (node instanceof YList) {
            throw new UserError(node.origin(), "hosts: of group '" + group + "' must be a mapping, not a list",
                    "write each host as 'name:' (or 'name: {var: value}') without a leading '- '");
        }
        if (!(node instanceof YMap hosts)) throw new UserError(node.origin(), "hosts: of group '" + group + "' must be a mapping of host names", null);
        for (var e : hosts.entries().entrySet()) {
            Map<String, YNode> vars = vars("host " + e.getKey(), e.getValue());
            HostName written = HostName.parse(e.getKey(), hosts.keyOrigin(e.getKey()));
            for (String host : HostRanges.expand(written.name(), hosts.keyOrigin(e.getKey()))) {
                Map<String, YNode> hostVars = data.addHost(host, group);
                if (written.port() != null) hostVars.put("ansible_port", written.port());
                hostVars.putAll(vars);
            }
        }
    }

    private void children(String parent, YNode node) {
        if (isEmpty(node)) return;
        if (!(node instanceof YMap children)) {
            throw new UserError(node.origin(), "children: of group '" + parent + "' must be a mapping of group names",
                    "write each child group as 'name:' with its own hosts:/vars:/children:");
        }
        for (var e : children.entries().entrySet()) {
            if (!parent.equals(InventoryData.ALL)) data.addChild(parent, e.getKey(), children.keyOrigin(e.getKey()));
            group(e.getKey(), e.getValue(), children.keyOrigin(e.getKey()));
        }
    }

    private static Map<String, YNode> vars(String owner, YNode node) {
        if (isEmpty(node)) return Map.of();
        if (!(node instanceof YMap map)) {
            throw new UserError(node.origin(), "variables of " + owner + " must be a mapping", "write one 'name: value' per line");
        }
        VarsFile.checkNames(map);
        return map.entries();
    }

    private static boolean isEmpty(YNode node) {
        return node == null || (node instanceof YScalar s && s.value() == null);
    }

    private static String nearest(String key) {
        String k = Nearest.of(key, List.of("hosts", "vars", "children"), 2);
        return k == null ? "" : "did you mean '" + k + "'? ";
    }
}
