package meshplay.modules.pve;

import meshplay.modules.ceph.IpNet;
import static meshplay.engine.module.ArgSpec.arg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;

/**
 * The Ceph bootstrap steps of pveceph, each run only when needed: install (when `ceph --version`
 * lacks the release or the repository differs), init (when /etc/pve/ceph.conf has no [global] fsid
 * or other networks), mon and mgr (when this node's id is missing from /nodes/NODE/ceph/{mon,mgr};
 * the first monitor already creates a manager, so a later mgr step finds it and does nothing).
 */
public final class PveCephModule implements Module {
    private static final String CEPH_CONF = "/etc/pve/ceph.conf";
    private static final String SOURCES = "/etc/apt/sources.list.d/ceph.sources";

    @Override
    public String name() {
        return "pve-ceph";
    }

    @Override
    public List<String> aliases() {
        return List.of("pve_ceph", "pveceph");
    }

    @Override
    public ArgSpec spec() {
        return ArgSpec.builder("Bootstraps Ceph on Proxmox VE with pveceph, idempotently: action install (every node), init "
                        + "(once per cluster), mon and mgr (per node).")
                .add(arg("action", ArgType.STR).required().choices("install", "init", "mon", "mgr")
                        .doc("install: pveceph install; init: pveceph init; mon: pveceph mon create; mgr: pveceph mgr create."))
                .add(arg("version", ArgType.STR).defaultValue("squid").doc("install: Ceph release (PVE 9.0: squid)."))
                .add(arg("repository", ArgType.STR).defaultValue("no-subscription").choices("enterprise", "no-subscription", "test")
                        .doc("install: Proxmox Ceph repository."))
                .add(arg("network", ArgType.STR).aliases("public_network").doc("init: Ceph public network (CIDR)."))
                .add(arg("cluster_network", ArgType.STR).doc("init: Ceph cluster network (CIDR); defaults to network."))
                .add(arg("size", ArgType.INT).doc("init: osd_pool_default_size (1-7), used when the config is first written."))
                .add(arg("min_size", ArgType.INT).doc("init: osd_pool_default_min_size (1-7), used when the config is first written."))
                .add(arg("id", ArgType.STR).aliases("monid").doc("mon/mgr: daemon id (default: this node's PVE name)."))
                .add(arg("mon_address", ArgType.STR).doc("mon: address inside the public network (default: the node's only one)."))
                .build();
    }

    @Override
    public Plan plan(ModuleContext ctx) throws Exception {
        return switch (ctx.args().str("action")) {
            case "install" -> planInstall(ctx);
            case "init" -> planInit(ctx);
            case "mon" -> planDaemon(ctx, "mon");
            default -> planDaemon(ctx, "mgr");
        };
    }

    private Plan planInstall(ModuleContext ctx) throws Exception {
        String release = ctx.args().str("version");
        String repo = ctx.args().str("repository");
        ExecResult v = PveCli.run(ctx, "ceph", "--version");
        String installed = v.ok() ? v.stdout().strip() : null;
        String sources = ctx.connection().files().read(SOURCES).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        boolean haveRelease = installed != null && installed.contains(" " + release + " ");
        boolean haveRepo = sources.lines().anyMatch(l -> l.strip().equals("Components: " + repo))
                && sources.contains("ceph-" + release);
        Map<String, Object> data = Map.of("ceph_version", installed == null ? "" : installed);
        if (haveRelease && haveRepo) return Plan.noChange(data);
        List<String> cmd = List.of("pveceph", "install", "--repository", repo, "--version", release);
        String before = installed == null ? "not installed" : installed + (haveRepo ? "" : " (other repository)");
        return Plan.of(List.of(new Change("pveceph install --repository " + repo + " --version " + release,
                Diff.state("ceph", before, release + " from " + repo), (c, r) -> r.put("stdout", PveCli.checked(c, cmd).stdout()))), data);
    }

    private Plan planInit(ModuleContext ctx) throws Exception {
        String network = ctx.args().str("network");
        if (network == null) throw new ModuleFailure("action init needs 'network' (the Ceph public network, e.g. 10.1.1.0/24)");
        String cluster = ctx.args().has("cluster_network") ? ctx.args().str("cluster_network") : network;
        for (String n : List.of(network, cluster)) {
            try {
                IpNet.canonicalNetwork(n, n.contains(":") ? 6 : 4);
            } catch (IllegalArgumentException e) {
                throw new ModuleFailure("init: " + e.getMessage());
            }
        }
        for (String k : List.of("size", "min_size")) {
            Integer v = ctx.args().integer(k);
            if (v != null && (v < 1 || v > 7)) throw new ModuleFailure(k + " must be between 1 and 7, not " + v);
        }
        Map<String, String> global = globalSection(ctx);
        List<Diff> diffs = new ArrayList<>();
        if (global.get("fsid") == null) diffs.add(Diff.state("ceph.conf [global] fsid", null, "(new)"));
        if (!network.equals(global.get("public_network"))) diffs.add(Diff.state("ceph.conf public_network", global.get("public_network"), network));
        if (!cluster.equals(global.get("cluster_network"))) diffs.add(Diff.state("ceph.conf cluster_network", global.get("cluster_network"), cluster));
        Map<String, Object> data = new LinkedHashMap<>(global);
        if (diffs.isEmpty()) return Plan.noChange(data);
        List<String> cmd = new ArrayList<>(List.of("pveceph", "init", "--network", network));
        if (!cluster.equals(network)) cmd.addAll(List.of("--cluster-network", cluster));
        if (ctx.args().has("size")) cmd.addAll(List.of("--size", ctx.args().str("size")));
        if (ctx.args().has("min_size")) cmd.addAll(List.of("--min_size", ctx.args().str("min_size")));
        return Plan.of(PveCli.oneCallPerObject(String.join(" ", cmd), diffs, cmd), data);
    }

    /** [global] of /etc/pve/ceph.conf (keys with spaces normalised to '_'), empty when absent. */
    private static Map<String, String> globalSection(ModuleContext ctx) throws Exception {
        String text = ctx.connection().files().read(CEPH_CONF).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        Map<String, String> out = new LinkedHashMap<>();
        String section = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
            } else if ("global".equals(section) && line.contains("=")) {
                int eq = line.indexOf('=');
                out.put(line.substring(0, eq).strip().replace(' ', '_'), line.substring(eq + 1).strip());
            }
        }
        return out;
    }

    private Plan planDaemon(ModuleContext ctx, String kind) throws Exception {
        String node = PveCli.localNode(ctx);
        String id = ctx.args().has("id") ? ctx.args().str("id") : node;
        if (!id.matches("[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?")) throw new ModuleFailure(kind + " id '" + id + "' is invalid");
        List<String> path = List.of("pvesh", "get", "/nodes/" + node + "/ceph/" + kind, "--output-format", "json");
        ExecResult r = PveCli.run(ctx, path);
        List<String> existing = new ArrayList<>();
        if (r.ok()) {
            for (Object o : PveCli.list(PveCli.parse(path, r.stdout()))) existing.add(PveCli.str(PveCli.map(o).get("name")));
        } else if (!r.stderr().contains("not initialized") && !r.stderr().contains("not installed")) {
            throw PveCli.failure(path, r);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(kind + "s", existing);
        data.put("id", id);
        // the first monitor creates its manager; its directory is there even before the mgr reports in
        boolean mgrDirExists = kind.equals("mgr") && ctx.connection().files().stat("/var/lib/ceph/mgr/ceph-" + id, true) != null;
        if (existing.contains(id) || mgrDirExists) return Plan.noChange(data).withNote(kind + "." + id + " exists");
        List<String> cmd = new ArrayList<>(List.of("pveceph", kind, "create"));
        if (kind.equals("mon")) {
            if (ctx.args().has("id")) cmd.addAll(List.of("--monid", id));
            if (ctx.args().has("mon_address")) cmd.addAll(List.of("--mon-address", ctx.args().str("mon_address")));
        } else if (ctx.args().has("id")) {
            cmd.addAll(List.of("--id", id));
        }
        List<String> after = new ArrayList<>(existing);
        after.add(id);
        return Plan.of(List.of(new Change(String.join(" ", cmd), Diff.state("ceph " + kind + "s", existing, after),
                (c, res) -> res.put("stdout", PveCli.checked(c, cmd).stdout()))), data);
    }
}
