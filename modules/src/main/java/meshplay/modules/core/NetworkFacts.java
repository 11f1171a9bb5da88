package meshplay.modules.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interface facts from `ip -o link` and `ip -o addr` (one line per link/address, stable since
 * iproute2's early days): ansible_interfaces, ansible_IFACE, ansible_default_ipv4, ansible_all_ipv4_addresses.
 */
final class NetworkFacts {
    private static final Pattern LINK = Pattern.compile("^\\d+:\\s+([^:@\\s]+)(?:@[^:\\s]+)?:\\s+<([^>]*)>(.*)$");
    private static final Pattern ADDR = Pattern.compile("^\\d+:\\s+([^:@\\s]+)(?:@\\S+)?\\s+(inet6?)\\s+(\\S+)(.*)$");
    private static final Pattern MTU = Pattern.compile("\\bmtu (\\d+)");
    private static final Pattern LINK_TYPE = Pattern.compile("link/(\\S+)(?: (\\S+))?");

    private NetworkFacts() {
    }

    static void add(Map<String, String> s, Map<String, Object> facts) {
        Map<String, Map<String, Object>> ifaces = new LinkedHashMap<>();
        for (String line : PlatformFacts.lines(s.get("link"))) {
            Matcher m = LINK.matcher(line);
            if (!m.matches()) continue;
            String name = m.group(1);
            List<String> flags = List.of(m.group(2).split(","));
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("device", name);
            Matcher mtu = MTU.matcher(m.group(3));
            if (mtu.find()) i.put("mtu", Integer.parseInt(mtu.group(1)));
            i.put("active", flags.contains("UP"));
            i.put("promisc", flags.contains("PROMISC"));
            Matcher type = LINK_TYPE.matcher(m.group(3));
            if (type.find()) {
                i.put("type", type.group(1));
                if (type.group(2) != null && type.group(2).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}")) i.put("macaddress", type.group(2));
            }
            ifaces.put(name, i);
        }
        List<String> allV4 = new ArrayList<>();
        List<String> allV6 = new ArrayList<>();
        for (String line : PlatformFacts.lines(s.get("addr"))) {
            Matcher m = ADDR.matcher(line);
            if (!m.matches()) continue;
            Map<String, Object> i = ifaces.computeIfAbsent(m.group(1), n -> new LinkedHashMap<>(Map.of("device", n)));
            String rest = m.group(4);
            String[] cidr = m.group(3).split("/");
            int prefix = cidr.length > 1 ? Integer.parseInt(cidr[1]) : (m.group(2).equals("inet") ? 32 : 128);
            if (m.group(2).equals("inet")) {
                Map<String, Object> a = ipv4(cidr[0], prefix, word(rest, "brd"));
                if (rest.contains(" secondary")) {
                    secondaries(i).add(a);
                } else if (i.containsKey("ipv4")) {
                    secondaries(i).add(a);
                } else {
                    i.put("ipv4", a);
                }
                if (!cidr[0].startsWith("127.")) allV4.add(cidr[0]);
            } else {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("address", cidr[0]);
                a.put("prefix", String.valueOf(prefix));
                a.put("scope", word(rest, "scope"));
                ipv6(i).add(a);
                if (!cidr[0].equals("::1")) allV6.add(cidr[0]);
            }
        }
        facts.put("interfaces", new ArrayList<>(ifaces.keySet()));
        for (Map.Entry<String, Map<String, Object>> e : ifaces.entrySet()) facts.put(factName(e.getKey()), e.getValue());
        facts.put("all_ipv4_addresses", allV4);
        facts.put("all_ipv6_addresses", allV6);
        facts.put("default_ipv4", defaultIpv4(s.get("route4"), ifaces));
    }

    /** Ansible's key for an interface: '-' and ':' become '_' ("vmbr0", "en05", "br_lan"). */
    static String factName(String iface) {
        return iface.replace('-', '_').replace(':', '_');
    }

    private static Map<String, Object> defaultIpv4(String routes, Map<String, Map<String, Object>> ifaces) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (String line : PlatformFacts.lines(routes)) {
            if (!line.startsWith("default")) continue;
            String dev = word(line, "dev");
            Map<String, Object> i = dev == null ? null : ifaces.get(dev);
            if (i == null) continue;
            d.put("gateway", word(line, "via"));
            d.put("interface", dev);
            if (i.get("ipv4") instanceof Map<?, ?> v4) v4.forEach((k, v) -> d.put(k.toString(), v));
            for (String k : List.of("macaddress", "mtu", "type")) if (i.containsKey(k)) d.put(k, i.get(k));
            break;
        }
        return d;
    }

    static Map<String, Object> ipv4(String address, int prefix, String broadcast) {
        long ip = toLong(address);
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("address", address);
        if (broadcast != null) a.put("broadcast", broadcast);
        a.put("netmask", toDotted(mask));
        a.put("network", toDotted(ip & mask));
        a.put("prefix", String.valueOf(prefix));
        return a;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> secondaries(Map<String, Object> i) {
        return (List<Object>) i.computeIfAbsent("ipv4_secondaries", k -> new ArrayList<>());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ipv6(Map<String, Object> i) {
        return (List<Object>) i.computeIfAbsent("ipv6", k -> new ArrayList<>());
    }

    /** The word after {@code key} in an iproute2 line ("dev eth0" -> "eth0"), or null. */
    private static String word(String line, String key) {
        String[] w = line.trim().split("\\s+");
        for (int k = 0; k + 1 < w.length; k++) if (w[k].equals(key)) return w[k + 1];
        return null;
    }

    private static long toLong(String dotted) {
        long v = 0;
        for (String part : dotted.split("\\.")) v = (v << 8) | Integer.parseInt(part);
        return v;
    }

    private static String toDotted(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
