package meshplay.modules.cluster;

import static meshplay.engine.module.ArgSpec.arg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import meshplay.engine.module.ArgProblem;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.modules.support.FileContent;

/**
 * Manages one ifupdown2 {@code iface} stanza in /etc/network/interfaces, keeping every other line
 * byte for byte. Which stanza is managed and where a new one goes is described in
 * {@link InterfacesEdit}. Refuses to write while /etc/network/interfaces.new exists (pending changes
 * from the Proxmox GUI/API, which would replace the file on the next network apply) unless
 * {@code force} is set. With {@code reload}, a change is applied with {@code ifreload -a}.
 */
public final class InterfacesModule implements Module {
    static final String NAME = "interfaces";
    private static final Set<String> RESERVED = Set.of("iface", "auto", "mapping", "source", "source-directory", "source-dir");
    private static final ArgSpec SPEC = ArgSpec.builder(
                    "Manage one interface stanza of /etc/network/interfaces (ifupdown2): method, options, auto line and a "
                            + "comment. Other stanzas, comments and the source line are kept byte for byte; a new stanza goes just "
                            + "before the first 'source' line. The managed stanza is the last 'iface NAME FAMILY' stanza that is not a "
                            + "bodiless note line (like 'iface en05 inet manual #do not edit in GUI').")
            .add(arg("path", ArgType.PATH).defaultValue("/etc/network/interfaces").doc("The interfaces file."))
            .add(arg("iface", ArgType.STR).required().doc("Interface name (at most 15 characters), e.g. en05."))
            .add(arg("family", ArgType.STR).defaultValue("inet").choices("inet", "inet6").doc("Address family of the stanza."))
            .add(arg("method", ArgType.STR).choices("static", "manual", "dhcp", "loopback")
                    .doc("Configuration method; required with state=present."))
            .add(arg("auto", ArgType.BOOL).doc("true: an 'auto NAME' line (added just above the stanza when missing; without it "
                    + "the interface stays down at boot); false: no auto line for it; unset: auto lines are left alone."))
            .add(arg("options", ArgType.DICT).doc("Stanza options in order, any ifupdown2 option: address (CIDR, or with netmask), "
                    + "gateway, mtu (552..65535; 65520 for Thunderbolt), bridge-ports, pre-up/up/post-up/down/pre-down... A list "
                    + "value becomes one line per item. Booleans are written yes/no. The stanza holds exactly these options."))
            .add(arg("comment", ArgType.STR).doc("A comment line kept directly above the stanza (without the '#')."))
            .add(arg("state", ArgType.STR).defaultValue("present").choices("present", "absent")
                    .doc("absent removes the managed stanza, its own 'auto NAME' line and the given comment line above it."))
            .add(arg("position", ArgType.STR).defaultValue("before-source").choices("before-source", "end")
                    .doc("Where a new stanza goes: just before the first source/source-directory line (appended when there is "
                            + "none), or at the end of the file. An existing stanza keeps its place."))
            .add(arg("force", ArgType.BOOL).defaultValue(false).doc("Write even though PATH.new exists (Proxmox would later move "
                    + "that file over this one, dropping this change)."))
            .add(arg("reload", ArgType.BOOL).defaultValue(false).doc("Run 'ifreload -a' after a change (never in check mode)."))
            .add(arg("backup", ArgType.BOOL).defaultValue(false).doc("Keep a timestamped copy of the replaced file."))
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ArgSpec spec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleContext ctx) throws Exception {
        String path = ArgProblem.requireAbsolute(ctx, NAME, "path", ctx.args().str("path"), "/etc/network/interfaces");
        String iface = ctx.args().str("iface").strip();
        if (!iface.matches("[A-Za-z0-9_.:@-]{1,15}")) {
            throw ArgProblem.of(ctx, NAME, "iface", "'" + iface + "' is not an interface name",
                    "use at most 15 letters, digits, '.', '-', '_' or ':' (e.g. en05, vmbr0.100)");
        }
        String family = ctx.args().str("family");
        String comment = comment(ctx);
        Boolean auto = ctx.args().boolOrNull("auto");
        String before = FileContent.readText(ctx.connection().files(), path);
        String after;
        if ("present".equals(ctx.args().str("state"))) {
            String method = ctx.args().str("method");
            if (method == null) {
                throw ArgProblem.of(ctx, NAME, "method", "missing: a present stanza needs a method", "add method: static (or manual, dhcp, loopback)");
            }
            Map<String, List<String>> options = options(ctx, family);
            InterfacesEdit.Desired d = new InterfacesEdit.Desired(iface, family, method, options, auto, comment,
                    "end".equals(ctx.args().str("position")));
            after = InterfacesEdit.apply(before, d);
        } else {
            after = InterfacesEdit.remove(before, iface, family, auto, comment);
        }

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path", path);
        data.put("iface", iface);
        boolean pendingNew = ctx.connection().files().stat(path + ".new", false) != null;
        data.put("pending_interfaces_new", pendingNew);
        Change change = FileContent.textChange(path, before, after, ctx.args().bool("backup"));
        if (change == null) {
            Plan plan = Plan.noChange(data);
            return pendingNew ? plan.withNote(path + ".new exists: Proxmox will move it over " + path + " on the next network apply") : plan;
        }
        if (pendingNew && !ctx.args().bool("force")) {
            throw new ModuleFailure(path + ".new exists (pending network changes from the Proxmox GUI or API); the next network "
                    + "apply or reboot would move it over " + path + " and drop this change. Nothing was written. Apply them "
                    + "(pvesh set /nodes/NODE/network) or remove " + path + ".new, then run again; or set force: true.",
                    Map.of("path", path));
        }
        List<Change> changes = new ArrayList<>(List.of(change));
        if (ctx.args().bool("reload")) {
            changes.add(new Change("ifreload -a", null, (c, result) -> c.runChecked("ifreload", "-a")));
        }
        return Plan.of(changes, data);
    }

    private static String comment(ModuleContext ctx) {
        String comment = ctx.args().str("comment");
        if (comment == null) return null;
        if (comment.contains("\n") || comment.contains("\r")) {
            throw ArgProblem.of(ctx, NAME, "comment", "contains a line break", "give a one-line comment");
        }
        return comment.strip().replaceFirst("^#\\s*", "");
    }

    private static Map<String, List<String>> options(ModuleContext ctx, String family) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ctx.args().dict("options").entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!key.matches("[A-Za-z0-9][A-Za-z0-9_.-]*") || RESERVED.contains(key) || key.startsWith("allow-")) {
                throw ArgProblem.of(ctx, NAME, "options", "'" + key + "' is not an option name",
                        "use ifupdown2 option names such as address, mtu, bridge-ports, post-up");
            }
            List<String> values = new ArrayList<>();
            Object v = e.getValue();
            for (Object item : v instanceof List<?> l ? l : List.of(v == null ? "" : v)) {
                if (item == null || item instanceof Map || item instanceof List) {
                    throw ArgProblem.of(ctx, NAME, "options", "'" + key + "' needs a value or a list of values", "e.g. " + key + ": value");
                }
                String text = item instanceof Boolean b ? (b ? "yes" : "no") : String.valueOf(item).strip();
                if (text.isEmpty() || text.contains("\n") || text.contains("\r")) {
                    throw ArgProblem.of(ctx, NAME, "options", "'" + key + "' has an empty value or a line break", "give one line per list item");
                }
                values.add(text);
            }
            if (values.isEmpty()) {
                throw ArgProblem.of(ctx, NAME, "options", "'" + key + "' has an empty list", "remove the key, or give at least one value");
            }
            out.put(key, values);
        }
        validateAddresses(ctx, out, family);
        validateGateways(ctx, out, family);
        validateMtu(ctx, out);
        return out;
    }

    private static void validateAddresses(ModuleContext ctx, Map<String, List<String>> options, String family) {
        boolean hasNetmask = options.containsKey("netmask");
        for (String address : options.getOrDefault("address", List.of())) {
            String ip = address;
            if (address.contains("/")) {
                ip = address.substring(0, address.indexOf('/'));
                String prefix = address.substring(address.indexOf('/') + 1);
                int max = ip.contains(":") ? 128 : 32;
                if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > max) {
                    throw ArgProblem.of(ctx, NAME, "options", "address '" + address + "' has a bad prefix length",
                            "write CIDR notation, e.g. 10.100.0.2/30");
                }
            } else if (!hasNetmask) {
                throw ArgProblem.of(ctx, NAME, "options", "address '" + address + "' has no prefix length and there is no netmask",
                        "write it as CIDR (10.100.0.2/30) or add netmask: 255.255.255.252");
            }
            if (!(Ip.isV4(ip) || Ip.isV6(ip))) {
                throw ArgProblem.of(ctx, NAME, "options", "address '" + address + "' is not an IPv4 or IPv6 address",
                        "e.g. 10.100.0.2/30 or fd00::2/64");
            }
            if ("inet".equals(family) != Ip.isV4(ip)) {
                throw ArgProblem.of(ctx, NAME, "options", "address '" + address + "' does not belong to family " + family,
                        "use family: inet for IPv4 and family: inet6 for IPv6 addresses");
            }
        }
    }

    private static void validateGateways(ModuleContext ctx, Map<String, List<String>> options, String family) {
        for (String gateway : options.getOrDefault("gateway", List.of())) {
            boolean ok = "inet".equals(family) ? Ip.isV4(gateway) : Ip.isV6(gateway);
            if (!ok) {
                throw ArgProblem.of(ctx, NAME, "options", "gateway '" + gateway + "' is not an " + ("inet".equals(family) ? "IPv4" : "IPv6")
                        + " address", "write the router's address without a prefix length, e.g. gateway: 10.11.11.1");
            }
        }
    }

    private static void validateMtu(ModuleContext ctx, Map<String, List<String>> options) {
        for (String mtu : options.getOrDefault("mtu", List.of())) {
            int value;
            try {
                value = Integer.parseInt(mtu);
            } catch (NumberFormatException e) {
                throw ArgProblem.of(ctx, NAME, "options", "mtu '" + mtu + "' is not a whole number", "e.g. mtu: 65520");
            }
            if (value < 552 || value > 65535) {
                throw ArgProblem.of(ctx, NAME, "options", "mtu " + value + " is out of range 552..65535",
                        "use 1500 for Ethernet, up to 9000 for jumbo frames, 65520 for Thunderbolt networking");
            }
        }
    }

    /** Address syntax checks. */
    static final class Ip {
        private Ip() {
        }

        static boolean isV4(String s) {
            String[] parts = s.split("\\.", -1);
            if (parts.length != 4) return false;
            for (String p : parts) {
                if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) return false;
            }
            return true;
        }

        static boolean isV6(String s) {
            if (!s.contains(":") || !s.matches("[0-9A-Fa-f:.]+")) return false;
            int doubleColon = s.indexOf("::");
            if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) return false;
            String[] groups = s.split(":", -1);
            int count = 0;
            for (String g : groups) {
                if (g.isEmpty()) continue;
                if (g.contains(".")) {
                    if (!isV4(g)) return false;
                    count += 2;
                } else {
                    if (g.length() > 4) return false;
                    count++;
                }
            }
            return doubleColon >= 0 ? count < 8 : count == 8;
        }
    }
}
