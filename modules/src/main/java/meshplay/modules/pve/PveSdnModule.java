package meshplay.modules.pve;

import static meshplay.engine.module.ArgSpec.arg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * PVE 9 SDN fabrics (OpenFabric/OSPF) through pvesh: the fabric, its nodes, and the cluster-wide
 * apply. Cluster-wide: run it once (run_once). Objects are compared in canonical form; the apply runs
 * only when PVE reports pending fabric changes, and its task status is checked because pvesh exits 0
 * even when the apply task failed, then every node's own reload task (SdnReloadCheck). Removing a
 * cluster member from the fabric needs remove_cluster_members.
 */
public final class PveSdnModule implements Module {
    private static final String FABRICS = "/cluster/sdn/fabrics";

    @Override
    public String name() {
        return "pve-sdn";
    }

    @Override
    public List<String> aliases() {
        return List.of("pve_sdn");
    }

    @Override
    public ArgSpec spec() {
        return ArgSpec.builder("Manages a Proxmox VE 9 SDN fabric (OpenFabric or OSPF) and its nodes with pvesh, then applies "
                        + "the pending SDN configuration (pvesh set /cluster/sdn) and checks the apply task's status. "
                        + "Cluster-wide: use run_once.")
                .add(arg("fabric", ArgType.DICT).required().doc("The fabric: id (max 8 chars), protocol (openfabric|ospf, "
                        + "default openfabric), ip_prefix, ip6_prefix, hello_interval, csnp_interval (openfabric, 1-600), "
                        + "area (ospf). A key set to null is removed (hello_interval, csnp_interval)."))
                .add(arg("nodes", ArgType.LIST).elements(ArgType.RAW).doc("Fabric nodes: [{node_id, ip (router ID, no mask), "
                        + "ip6, interfaces: [en05, {name: en06, hello_multiplier: 3, ip: 10.0.0.1/31}]}]. The interface "
                        + "list replaces the node's list."))
                .add(arg("exclusive", ArgType.BOOL).defaultValue(true).doc("Remove nodes of the fabric that are not listed in nodes "
                        + "(only when nodes is given). A node that is still a cluster member is only removed with remove_cluster_members."))
                .add(arg("remove_cluster_members", ArgType.BOOL).defaultValue(false).doc("Let exclusive remove fabric nodes that are "
                        + "members of the PVE cluster (the apply then strips their fabric config). Without it such a removal fails "
                        + "before anything changes: a node missing from nodes is more often a --limit or an earlier failure than a "
                        + "decision."))
                .add(arg("state", ArgType.STR).defaultValue("present").choices("present", "absent")
                        .doc("absent removes the fabric's nodes, then the fabric."))
                .add(arg("apply", ArgType.BOOL).defaultValue(true)
                        .doc("Apply pending SDN changes cluster-wide (pvesh set /cluster/sdn) when PVE reports any."))
                .build();
    }

    @Override
    public Plan plan(ModuleContext ctx) throws Exception {
        SdnFabric.Fabric want = SdnFabric.desiredFabric(ctx.args().dict("fabric"));
        List<SdnFabric.Node> wantNodes = SdnFabric.desiredNodes(want, ctx.args().list("nodes"));
        boolean present = "present".equals(ctx.args().str("state"));
        Map<String, Object> current = readFabric(ctx, want.id());
        Map<String, Map<String, Object>> currentNodes = current == null ? Map.of() : readNodes(ctx, want.id());
        List<Change> changes = new ArrayList<>();
        if (current != null && (!present || !want.protocol().equals(current.get("protocol")))) {
            // nodes go before their fabric; a protocol cannot be changed, only re-created
            for (String node : currentNodes.keySet()) changes.add(deleteNode(want.id(), node, currentNodes.get(node)));
            changes.add(deleteFabric(want.id(), current));
            current = null;
            currentNodes = Map.of();
        }
        if (present) {
            if (ctx.args().bool("exclusive") && ctx.args().has("nodes")) {
                List<String> unlisted = currentNodes.keySet().stream()
                        .filter(node -> wantNodes.stream().noneMatch(n -> n.nodeId().equals(node))).toList();
                refuseRemovingMembers(ctx, want.id(), unlisted);
                for (String node : unlisted) changes.add(deleteNode(want.id(), node, currentNodes.get(node)));
            }
            changes.addAll(current == null ? List.of(createFabric(want)) : updateFabric(want, current));
            for (SdnFabric.Node node : wantNodes) {
                Map<String, Object> have = currentNodes.get(node.nodeId());
                changes.addAll(have == null ? List.of(createNode(want, node)) : updateNode(want, node, have));
            }
        }
        if (ctx.args().bool("apply") && (!changes.isEmpty() || hasPending(ctx))) changes.add(applyChange());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("fabric", want.id());
        data.put("nodes", wantNodes.stream().map(SdnFabric.Node::nodeId).toList());
        return Plan.of(changes, data);
    }

    /** Fails when exclusive would remove cluster members from the fabric and remove_cluster_members is not set. */
    private static void refuseRemovingMembers(ModuleContext ctx, String fabric, List<String> unlisted) throws Exception {
        if (unlisted.isEmpty() || ctx.args().bool("remove_cluster_members")) return;
        List<String> members = PveCli.clusterNodes(ctx).stream().filter(unlisted::contains).toList();
        if (!members.isEmpty()) {
            throw new ModuleFailure("refusing to remove " + String.join(", ", members) + " from fabric " + fabric
                    + ": not listed in nodes but still member(s) of the cluster, and the apply would strip their fabric "
                    + "configuration. List every fabric node in nodes (e.g. from the plan, not the play's hosts), or set "
                    + "remove_cluster_members: true to remove them.", Map.of("unlisted_members", members));
        }
    }

    private static Map<String, Object> readFabric(ModuleContext ctx, String id) throws Exception {
        List<String> cmd = List.of("pvesh", "get", FABRICS + "/fabric/" + id, "--output-format", "json");
        ExecResult r = PveCli.run(ctx, cmd);
        if (!r.ok()) {
            if (r.stderr().contains("does not exist")) return null;
            throw PveCli.failure(cmd, r);
        }
        return PveCli.map(PveCli.parse(cmd, r.stdout()));
    }

    private static Map<String, Map<String, Object>> readNodes(ModuleContext ctx, String id) throws Exception {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Object o : PveCli.list(PveCli.pveshGet(ctx, FABRICS + "/node/" + id))) {
            Map<String, Object> m = PveCli.map(o);
            out.put(String.valueOf(m.get("node_id")), m);
        }
        return out;
    }

    /** True when `pvesh get .../all --pending 1` shows any fabric or node with a state (new/changed/deleted). */
    static boolean hasPending(ModuleContext ctx) throws Exception {
        Map<String, Object> all = PveCli.map(PveCli.pveshGet(ctx, FABRICS + "/all", "--pending", "1"));
        for (String kind : List.of("fabrics", "nodes")) {
            for (Object o : PveCli.list(all.get(kind))) if (PveCli.map(o).containsKey("state")) return true;
        }
        return false;
    }

    private static String describeFabric(Map<String, Object> values) {
        StringBuilder sb = new StringBuilder();
        for (String k : List.of("protocol", "ip_prefix", "ip6_prefix", "hello_interval", "csnp_interval", "area")) {
            if (values.get(k) != null) sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(values.get(k));
        }
        return sb.toString();
    }

    private static String describeNode(String ip, String ip6, Set<Map<String, String>> ifaces) {
        StringBuilder sb = new StringBuilder();
        if (ip != null) sb.append("ip=").append(ip).append(' ');
        if (ip6 != null) sb.append("ip6=").append(ip6).append(' ');
        sb.append("interfaces=").append(ifaces == null ? "[]" : SdnFabric.describeInterfaces(ifaces));
        return sb.toString();
    }

    private static Change createFabric(SdnFabric.Fabric want) {
        List<String> cmd = new ArrayList<>(List.of("pvesh", "create", FABRICS + "/fabric", "--id", want.id(), "--protocol", want.protocol()));
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("protocol", want.protocol());
        want.values().forEach((k, v) -> {
            if (v != null) {
                cmd.add("--" + k);
                cmd.add(v.toString());
                shown.put(k, v);
            }
        });
        return new Change("create fabric " + want.id(), Diff.state("fabric " + want.id(), null, describeFabric(shown)),
                (c, r) -> PveCli.checked(c, cmd));
    }

    private static List<Change> updateFabric(SdnFabric.Fabric want, Map<String, Object> current) {
        List<String> cmd = new ArrayList<>(List.of("pvesh", "set", FABRICS + "/fabric/" + want.id(), "--protocol", want.protocol()));
        List<Diff> diffs = new ArrayList<>();
        for (Map.Entry<String, Object> e : want.values().entrySet()) {
            String k = e.getKey();
            Object have = current.get(k);
            if (e.getValue() == null) {
                if (have != null) {
                    cmd.add("--delete");
                    cmd.add(k);
                    diffs.add(Diff.state("fabric " + want.id() + " " + k, have, null));
                }
            } else if (!SdnFabric.sameFabricValue(k, have, e.getValue())) {
                cmd.add("--" + k);
                cmd.add(e.getValue().toString());
                diffs.add(Diff.state("fabric " + want.id() + " " + k, have, e.getValue()));
            }
        }
        return PveCli.oneCallPerObject("update fabric " + want.id(), diffs, cmd);
    }

    private static Change deleteFabric(String id, Map<String, Object> current) {
        List<String> cmd = List.of("pvesh", "delete", FABRICS + "/fabric/" + id);
        return new Change("delete fabric " + id, Diff.state("fabric " + id, describeFabric(current), null),
                (c, r) -> PveCli.checked(c, cmd));
    }

    private static Change createNode(SdnFabric.Fabric fabric, SdnFabric.Node node) {
        List<String> cmd = new ArrayList<>(List.of("pvesh", "create", FABRICS + "/node/" + fabric.id(), "--node_id", node.nodeId(),
                "--protocol", fabric.protocol()));
        if (node.ip() != null) cmd.addAll(List.of("--ip", node.ip()));
        if (node.ip6() != null) cmd.addAll(List.of("--ip6", node.ip6()));
        if (node.interfaces() != null) {
            for (Map<String, String> i : node.interfaces()) cmd.addAll(List.of("--interfaces", SdnFabric.formatInterface(i)));
        }
        String subject = "node " + fabric.id() + "/" + node.nodeId();
        return new Change("create " + subject, Diff.state(subject, null, describeNode(node.ip(), node.ip6(), node.interfaces())),
                (c, r) -> PveCli.checked(c, cmd));
    }

    private static List<Change> updateNode(SdnFabric.Fabric fabric, SdnFabric.Node node, Map<String, Object> have) {
        String subject = "node " + fabric.id() + "/" + node.nodeId();
        List<String> cmd = new ArrayList<>(List.of("pvesh", "set", FABRICS + "/node/" + fabric.id() + "/" + node.nodeId(),
                "--protocol", fabric.protocol()));
        List<Diff> diffs = new ArrayList<>();
        for (String key : List.of("ip", "ip6")) {
            String want = key.equals("ip") ? node.ip() : node.ip6();
            Object cur = have.get(key);
            if (want != null && !want.equals(PveCli.str(cur))) {
                cmd.addAll(List.of("--" + key, want));
                diffs.add(Diff.state(subject + " " + key, cur, want));
            } else if (node.deletes().contains(key) && cur != null) {
                cmd.addAll(List.of("--delete", key));
                diffs.add(Diff.state(subject + " " + key, cur, null));
            }
        }
        if (node.interfaces() != null) {
            Set<Map<String, String>> cur = SdnFabric.currentInterfaces(have.get("interfaces"));
            if (!cur.equals(node.interfaces())) {
                if (node.interfaces().isEmpty()) {
                    cmd.addAll(List.of("--delete", "interfaces"));
                } else {
                    for (Map<String, String> i : node.interfaces()) cmd.addAll(List.of("--interfaces", SdnFabric.formatInterface(i)));
                }
                diffs.add(Diff.state(subject + " interfaces", SdnFabric.describeInterfaces(cur), SdnFabric.describeInterfaces(node.interfaces())));
            }
        }
        return PveCli.oneCallPerObject("update " + subject, diffs, cmd);
    }

    private static Change deleteNode(String fabric, String node, Map<String, Object> have) {
        List<String> cmd = List.of("pvesh", "delete", FABRICS + "/node/" + fabric + "/" + node);
        String subject = "node " + fabric + "/" + node;
        return new Change("delete " + subject, Diff.state(subject, describeNode(PveCli.str(have.get("ip")), PveCli.str(have.get("ip6")),
                SdnFabric.currentInterfaces(have.get("interfaces"))), null), (c, r) -> PveCli.checked(c, cmd));
    }

    private static Change applyChange() {
        return new Change("apply SDN configuration cluster-wide (pvesh set /cluster/sdn)",
                Diff.state("sdn pending changes", "pending", "applied"), (ctx, result) -> {
            ExecResult r = PveCli.checked(ctx, List.of("pvesh", "set", "/cluster/sdn"));
            String upid = r.stdout().lines().map(String::strip).filter(l -> l.startsWith("UPID:")).reduce((a, b) -> b).orElse(null);
            if (upid == null) throw new ModuleFailure("pvesh set /cluster/sdn printed no task id (UPID)", Map.of("stdout", r.stdout()));
            String node = upid.split(":")[1];
            Map<String, Object> status = PveCli.map(PveCli.pveshGet(ctx, "/nodes/" + node + "/tasks/" + upid + "/status"));
            result.put("upid", upid);
            result.put("apply_log", r.stdout());
            if (!"OK".equals(status.get("exitstatus"))) {
                // pvesh exits 0 even when the task failed: the task status is the truth
                throw new ModuleFailure("the SDN apply task " + upid + " ended with '" + status.get("exitstatus")
                        + "': " + r.stderr().strip(), Map.of("upid", upid, "stdout", r.stdout(), "stderr", r.stderr()));
            }
            // the outer task is OK even when a node's reload failed: each node's own reload task says
            result.put("node_reloads", SdnReloadCheck.verify(ctx, upid, SdnReloadCheck.WAIT));
        });
    }
}
