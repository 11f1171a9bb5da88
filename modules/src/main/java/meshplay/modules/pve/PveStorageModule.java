package meshplay.modules.pve;

import static meshplay.engine.module.ArgSpec.arg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.Module;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;

/** A PVE storage entry (for the Ceph pool: type rbd) through pvesm add/set/remove, read with pvesh /storage/ID. */
public final class PveStorageModule implements Module {

    @Override
    public String name() {
        return "pve-storage";
    }

    @Override
    public List<String> aliases() {
        return List.of("pve_storage");
    }

    @Override
    public ArgSpec spec() {
        return ArgSpec.builder("Manages a Proxmox VE storage entry in /etc/pve/storage.cfg with pvesm (cluster-wide: run_once).")
                .add(arg("storage", ArgType.STR).required().aliases("id", "name").doc("Storage ID."))
                .add(arg("type", ArgType.STR).defaultValue("rbd").choices("rbd", "cephfs", "dir", "lvmthin", "zfspool")
                        .doc("Storage type (only used when creating)."))
                .add(arg("pool", ArgType.STR).doc("rbd: the Ceph pool."))
                .add(arg("content", ArgType.LIST).elements(ArgType.STR).doc("Content types, e.g. [images, rootdir] (order does not matter)."))
                .add(arg("krbd", ArgType.BOOL).doc("rbd: map images with the kernel driver."))
                .add(arg("state", ArgType.STR).defaultValue("present").choices("present", "absent").doc("absent removes the entry (not the data)."))
                .build();
    }

    @Override
    public Plan plan(ModuleContext ctx) throws Exception {
        String id = ctx.args().str("storage");
        if (!id.matches("[a-zA-Z][a-zA-Z0-9\\-_.]*[a-zA-Z0-9]")) throw new ModuleFailure("storage id '" + id + "' is invalid");
        List<String> get = List.of("pvesh", "get", "/storage/" + id, "--output-format", "json");
        ExecResult r = PveCli.run(ctx, get);
        Map<String, Object> current = null;
        if (r.ok()) current = PveCli.map(PveCli.parse(get, r.stdout()));
        else if (!r.stderr().contains("does not exist")) throw PveCli.failure(get, r);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("storage", id);
        if ("absent".equals(ctx.args().str("state"))) {
            if (current == null) return Plan.noChange(data);
            return Plan.of(List.of(new Change("pvesm remove " + id, Diff.state("storage " + id, current.get("type"), null),
                    (c, res) -> PveCli.checked(c, List.of("pvesm", "remove", id)))), data);
        }
        Map<String, String> want = new LinkedHashMap<>();
        if (ctx.args().has("pool")) want.put("pool", ctx.args().str("pool"));
        if (ctx.args().has("content")) want.put("content", String.join(",", new TreeSet<>(ctx.args().<String>list("content"))));
        if (ctx.args().has("krbd")) want.put("krbd", ctx.args().bool("krbd") ? "1" : "0");
        if (current == null) {
            List<String> cmd = new ArrayList<>(List.of("pvesm", "add", ctx.args().str("type"), id));
            want.forEach((k, v) -> cmd.addAll(List.of("--" + k, v)));
            return Plan.of(List.of(new Change(String.join(" ", cmd), Diff.state("storage " + id, null, ctx.args().str("type") + " " + want),
                    (c, res) -> PveCli.checked(c, cmd))), data);
        }
        if (!ctx.args().str("type").equals(current.get("type"))) {
            throw new ModuleFailure("storage " + id + " exists with type " + current.get("type") + ", not " + ctx.args().str("type")
                    + "; remove it first (state: absent) to change the type");
        }
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, String> e : want.entrySet()) {
            Object have = current.get(e.getKey());
            String haveText = have == null ? null : e.getKey().equals("content")
                    ? String.join(",", new TreeSet<>(Arrays.asList(have.toString().split(",")))) : have.toString();
            if (e.getValue().equals(haveText)) continue;
            List<String> cmd = List.of("pvesm", "set", id, "--" + e.getKey(), e.getValue());
            changes.add(new Change(String.join(" ", cmd), Diff.state("storage " + id + " " + e.getKey(), haveText, e.getValue()),
                    (c, res) -> PveCli.checked(c, cmd)));
        }
        return Plan.of(changes, data);
    }
}
