package meshplay.modules.pve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.modules.support.Poll;

/**
 * What an SDN apply really did on each node. `pvesh set /cluster/sdn` starts one task that runs
 * `pvesh set /nodes/NODE/network` for every cluster node; each of those is the node's own srvreload
 * task (ifreload -a, FRR), and a failure there never reaches the outer task, which ends OK
 * (pve-network SDN.pm). So after the apply this reads every node's newest srvreload task since the
 * apply started, waits (bounded) until each has ended, and fails naming every node whose reload did
 * not end OK or never started.
 */
final class SdnReloadCheck {
    /** How long the nodes' reload tasks may take to start and end (they run in the background). */
    static final Duration WAIT = Duration.ofSeconds(120);
    private static final Duration INTERVAL = Duration.ofSeconds(2);

    private SdnReloadCheck() {
    }

    /** The start time (epoch seconds) written in a UPID: UPID:node:pid:pstart:starttime:type:id:user: */
    static long startTime(String upid) throws ModuleFailure {
        String[] f = upid.split(":");
        try {
            return Long.parseLong(f[4], 16);
        } catch (RuntimeException e) {
            throw new ModuleFailure("not a PVE task id (UPID): " + upid);
        }
    }

    /** Each cluster node's newest srvreload task since `since`, or null for a node that has none yet. */
    static Map<String, Map<String, Object>> reloads(ModuleContext ctx, List<String> nodes, long since) throws Exception {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String node : nodes) {
            List<Object> found = PveCli.list(PveCli.pveshGet(ctx, "/nodes/" + node + "/tasks", "--typefilter", "srvreload",
                    "--since", Long.toString(since), "--source", "all"));
            out.put(node, found.isEmpty() ? null : PveCli.map(found.get(0)));
        }
        return out;
    }

    /** Waits until every node's reload has ended; fails naming the nodes whose reload failed or never ran. */
    static Map<String, Object> verify(ModuleContext ctx, String applyUpid, Duration wait) throws Exception {
        long since = startTime(applyUpid);
        List<String> nodes = PveCli.clusterNodes(ctx);
        AtomicReference<Map<String, Map<String, Object>>> seen = new AtomicReference<>(Map.of());
        Poll.until(Duration.ZERO, INTERVAL, wait, () -> {
            seen.set(reloads(ctx, nodes, since));
            return seen.get().values().stream().allMatch(t -> t != null && t.get("endtime") != null);
        });
        List<String> problems = new ArrayList<>();
        Map<String, Object> perNode = new LinkedHashMap<>();
        for (String node : nodes) {
            Map<String, Object> t = seen.get().get(node);
            if (t == null) {
                problems.add(node + ": no network reload task since the apply (is the node online?)");
                perNode.put(node, "missing");
            } else if (t.get("endtime") == null) {
                problems.add(node + ": its network reload " + t.get("upid") + " is still running after " + wait.toSeconds() + " s");
                perNode.put(node, "running");
            } else if (!"OK".equals(t.get("status"))) {
                problems.add(node + ": its network reload " + t.get("upid") + " ended with '" + t.get("status")
                        + "' (pvesh get /nodes/" + node + "/tasks/" + t.get("upid") + "/log)");
                perNode.put(node, t.get("status"));
            } else {
                perNode.put(node, "OK");
            }
        }
        if (!problems.isEmpty()) {
            throw new ModuleFailure("the SDN apply " + applyUpid + " did not take effect on every node: " + String.join("; ", problems),
                    Map.of("upid", applyUpid, "node_reloads", perNode));
        }
        return perNode;
    }
}
