package meshplay.modules.pve;

import meshplay.modules.ceph.IpNet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import meshplay.engine.module.ModuleFailure;

/**
 * The desired and current SDN fabric objects in canonical form (CIDR networks normalised, intervals
 * as integers, interfaces as parsed property strings), so comparing them is semantic.
 */
final class SdnFabric {
    static final List<String> FABRIC_KEYS = List.of("ip_prefix", "ip6_prefix", "hello_interval", "csnp_interval", "area");
    static final List<String> IFACE_KEYS = List.of("name", "hello_multiplier", "ip", "ip6");
    private static final String ID_RE = "[a-zA-Z0-9][a-zA-Z0-9-]{0,6}[a-zA-Z0-9]?";
    private static final String NODE_RE = "[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9]?";
    private static final String IFACE_RE = "[a-zA-Z][a-zA-Z0-9_]{1,14}([:.]\\d+)?";

    /** A fabric: values holds managed keys; a key given as null is to be deleted. */
    record Fabric(String id, String protocol, Map<String, Object> values) {
    }

    /** A fabric node; ip/ip6 null = unmanaged unless in deletes; interfaces null = unmanaged. */
    record Node(String nodeId, String ip, String ip6, Set<String> deletes, Set<Map<String, String>> interfaces) {
    }

    private SdnFabric() {
    }

    static Fabric desiredFabric(Map<String, Object> arg) throws ModuleFailure {
        for (String k : arg.keySet()) {
            if (!k.equals("id") && !k.equals("protocol") && !FABRIC_KEYS.contains(k)) {
                throw new ModuleFailure("fabric: unknown key '" + k + "'; valid keys: id, protocol, " + String.join(", ", FABRIC_KEYS));
            }
        }
        String id = PveCli.str(arg.get("id"));
        if (id == null || !id.matches(ID_RE)) {
            throw new ModuleFailure("fabric.id '" + id + "' is invalid: use 1-8 letters, digits or '-' (PVE names the "
                    + "loopback dummy_<id>, which must fit the 15-character interface name limit)");
        }
        String protocol = arg.get("protocol") == null ? "openfabric" : arg.get("protocol").toString();
        if (!protocol.equals("openfabric") && !protocol.equals("ospf")) {
            throw new ModuleFailure("fabric.protocol '" + protocol + "' is invalid: use openfabric or ospf");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String k : FABRIC_KEYS) {
            if (!arg.containsKey(k)) continue;
            Object v = arg.get(k);
            if (v == null) {
                if (k.endsWith("prefix")) {
                    throw new ModuleFailure("fabric." + k + " cannot be removed through the PVE 9 API; remove the fabric "
                            + "(state: absent) and create it again");
                }
                values.put(k, null);
                continue;
            }
            boolean ospf = protocol.equals("ospf");
            if (ospf && (k.equals("ip6_prefix") || k.endsWith("_interval"))) {
                throw new ModuleFailure("fabric." + k + " is not supported for protocol ospf");
            }
            if (!ospf && k.equals("area")) throw new ModuleFailure("fabric.area is only valid for protocol ospf");
            values.put(k, canonicalFabricValue("fabric." + k, k, v));
        }
        if (protocol.equals("ospf") && (values.get("area") == null || values.get("ip_prefix") == null)) {
            throw new ModuleFailure("an ospf fabric needs fabric.area and fabric.ip_prefix");
        }
        if (protocol.equals("openfabric") && values.get("ip_prefix") == null && values.get("ip6_prefix") == null) {
            throw new ModuleFailure("an openfabric fabric needs fabric.ip_prefix or fabric.ip6_prefix");
        }
        return new Fabric(id, protocol, values);
    }

    static Object canonicalFabricValue(String where, String key, Object v) throws ModuleFailure {
        try {
            return switch (key) {
                case "ip_prefix" -> IpNet.canonicalNetwork(v.toString(), 4);
                case "ip6_prefix" -> IpNet.canonicalNetwork(v.toString(), 6);
                case "hello_interval", "csnp_interval" -> {
                    int n = v instanceof Number num ? num.intValue() : Integer.parseInt(v.toString().trim());
                    if (n < 1 || n > 600) throw new IllegalArgumentException(n + " is outside 1-600");
                    yield n;
                }
                default -> v.toString();
            };
        } catch (NumberFormatException e) {
            throw new ModuleFailure(where + ": '" + v + "' is not a whole number");
        } catch (IllegalArgumentException e) {
            throw new ModuleFailure(where + ": " + e.getMessage());
        }
    }

    static List<Node> desiredNodes(Fabric fabric, List<Object> arg) throws ModuleFailure {
        List<Node> nodes = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < arg.size(); i++) {
            String where = "nodes[" + i + "]";
            Map<String, Object> m = PveCli.map(arg.get(i));
            if (m.isEmpty()) throw new ModuleFailure(where + " must be a mapping with node_id, ip and interfaces");
            for (String k : m.keySet()) {
                if (!List.of("node_id", "node", "ip", "ip6", "interfaces").contains(k)) {
                    throw new ModuleFailure(where + ": unknown key '" + k + "'; valid keys: node_id, ip, ip6, interfaces");
                }
            }
            String id = PveCli.str(m.containsKey("node_id") ? m.get("node_id") : m.get("node"));
            if (id == null || !id.matches(NODE_RE)) throw new ModuleFailure(where + ".node_id '" + id + "' is not a PVE node name");
            if (!seen.add(id)) throw new ModuleFailure(where + ": node '" + id + "' is listed twice");
            Set<String> deletes = new LinkedHashSet<>();
            String ip = address(where + ".ip", m, "ip", 4, deletes);
            String ip6 = address(where + ".ip6", m, "ip6", 6, deletes);
            if (fabric.protocol().equals("ospf") && ip6 != null) throw new ModuleFailure(where + ".ip6 is not supported for ospf");
            Set<Map<String, String>> ifaces = null;
            if (m.containsKey("interfaces")) {
                ifaces = new LinkedHashSet<>();
                List<Object> items = m.get("interfaces") == null ? List.of() : PveCli.list(m.get("interfaces"));
                if (m.get("interfaces") instanceof String s) items = new ArrayList<>(List.of((Object[]) s.split(",")));
                for (int j = 0; j < items.size(); j++) {
                    ifaces.add(desiredInterface(where + ".interfaces[" + j + "]", fabric.protocol(), items.get(j)));
                }
            }
            nodes.add(new Node(id, ip, ip6, deletes, ifaces));
        }
        return nodes;
    }

    private static String address(String where, Map<String, Object> m, String key, int version, Set<String> deletes)
            throws ModuleFailure {
        if (!m.containsKey(key)) return null;
        Object v = m.get(key);
        if (v == null) {
            deletes.add(key);
            return null;
        }
        String s = v.toString().trim();
        if (s.contains("/")) throw new ModuleFailure(where + " '" + s + "' must be a plain address without /mask (the router ID)");
        if (!IpNet.isAddress(s, version)) throw new ModuleFailure(where + " '" + s + "' is not an IPv" + version + " address");
        return s;
    }

    static Map<String, String> desiredInterface(String where, String protocol, Object item) throws ModuleFailure {
        Map<String, String> out = new LinkedHashMap<>();
        if (item instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() != null) out.put(e.getKey().toString(), e.getValue().toString());
            }
        } else {
            out = parseInterface(String.valueOf(item).trim());
        }
        List<String> allowed = protocol.equals("ospf") ? List.of("name", "ip") : IFACE_KEYS;
        for (String k : out.keySet()) {
            if (!allowed.contains(k)) throw new ModuleFailure(where + ": key '" + k + "' is not valid for " + protocol
                    + " (valid: " + String.join(", ", allowed) + ")");
        }
        String name = out.get("name");
        if (name == null || !name.matches(IFACE_RE)) {
            throw new ModuleFailure(where + ": interface name '" + name + "' is invalid (letters, digits, '_', max 15 chars)");
        }
        if (out.containsKey("hello_multiplier")) {
            try {
                int n = Integer.parseInt(out.get("hello_multiplier"));
                if (n < 2 || n > 100) throw new NumberFormatException();
                out.put("hello_multiplier", Integer.toString(n));
            } catch (NumberFormatException e) {
                throw new ModuleFailure(where + ".hello_multiplier must be a whole number from 2 to 100");
            }
        }
        for (String k : List.of("ip", "ip6")) {
            if (out.containsKey(k)) {
                String[] parts = out.get(k).split("/");
                if (parts.length != 2 || !IpNet.isAddress(parts[0], k.equals("ip") ? 4 : 6)) {
                    throw new ModuleFailure(where + "." + k + " '" + out.get(k) + "' must be an address with /mask");
                }
            }
        }
        return out;
    }

    /** "name=en05,hello_multiplier=3" (or a bare "en05") -> map. */
    static Map<String, String> parseInterface(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq < 0) out.put("name", part.trim());
            else out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return out;
    }

    /** Property string in PVE's field order (name, hello_multiplier, ip, ip6). */
    static String formatInterface(Map<String, String> item) {
        List<String> parts = new ArrayList<>();
        for (String k : IFACE_KEYS) if (item.containsKey(k)) parts.add(k + "=" + item.get(k));
        return String.join(",", parts);
    }

    static Set<Map<String, String>> currentInterfaces(Object list) {
        Set<Map<String, String>> out = new LinkedHashSet<>();
        for (Object o : PveCli.list(list)) out.add(parseInterface(o.toString()));
        return out;
    }

    static String describeInterfaces(Set<Map<String, String>> ifaces) {
        if (ifaces == null) return null;
        return ifaces.stream().map(SdnFabric::formatInterface).sorted().toList().toString();
    }

    /** Compares a current API value with a canonical desired one. */
    static boolean sameFabricValue(String key, Object current, Object desired) {
        if (current == null || desired == null) return current == desired;
        try {
            return switch (key) {
                case "ip_prefix" -> IpNet.canonicalNetwork(current.toString(), 4).equals(desired);
                case "ip6_prefix" -> IpNet.canonicalNetwork(current.toString(), 6).equals(desired);
                case "hello_interval", "csnp_interval" -> Double.parseDouble(current.toString()) == ((Number) desired).doubleValue();
                default -> current.toString().equals(desired.toString());
            };
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
