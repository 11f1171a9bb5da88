package meshplay.modules.pve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.lang.Json;
import meshplay.engine.lang.LangException;
import meshplay.engine.lang.Truth;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;

/** Runs the Proxmox and Ceph command-line tools on the target and reads their JSON output. */
public final class PveCli {
    private PveCli() {
    }

    public static ExecResult run(ModuleContext ctx, String... argv) throws Exception {
        return ctx.run(ExecRequest.argv(argv));
    }

    public static ExecResult run(ModuleContext ctx, List<String> argv) throws Exception {
        return ctx.run(ExecRequest.argv(argv));
    }

    /** Runs argv; a non-zero exit fails the task with the command and its stderr. */
    public static ExecResult checked(ModuleContext ctx, List<String> argv) throws Exception {
        ExecResult r = run(ctx, argv);
        if (!r.ok()) throw failure(argv, r);
        return r;
    }

    public static ModuleFailure failure(List<String> argv, ExecResult r) {
        if (r.rc() == 127 && List.of("ceph", "ceph-volume", "rados").contains(argv.get(0))) {
            return new ModuleFailure(argv.get(0) + " is not installed on this node: install Ceph first (pve-ceph with action: install)",
                    Map.of("rc", r.rc(), "stderr", r.stderr(), "cmd", String.join(" ", argv)));
        }
        String err = r.stderr().strip();
        if (err.isEmpty()) err = r.stdout().strip();
        return new ModuleFailure(String.join(" ", argv) + " failed (rc=" + r.rc() + "): " + err,
                Map.of("rc", r.rc(), "stdout", r.stdout(), "stderr", r.stderr(), "cmd", String.join(" ", argv)));
    }

    /** Runs a command that prints JSON and parses it; fails the task on a non-zero exit or bad JSON. */
    public static Object json(ModuleContext ctx, String... argv) throws Exception {
        List<String> cmd = Arrays.asList(argv);
        ExecResult r = checked(ctx, cmd);
        return parse(cmd, r.stdout());
    }

    /**
     * Like {@link #json}, for the Ceph tools: in check mode, a tool that is not installed yet (its
     * install is only predicted) reads as null, i.e. an empty cluster, so the check run can predict
     * the rest of the build.
     */
    public static Object cephJson(ModuleContext ctx, String... argv) throws Exception {
        List<String> cmd = Arrays.asList(argv);
        ExecResult r = run(ctx, cmd);
        if (notInstalledInCheckMode(ctx, r)) return null;
        if (!r.ok()) throw failure(cmd, r);
        return parse(cmd, r.stdout());
    }

    public static boolean notInstalledInCheckMode(ModuleContext ctx, ExecResult r) {
        return r.rc() == 127 && ctx.checkMode();
    }

    public static Object parse(List<String> cmd, String stdout) throws ModuleFailure {
        try {
            String text = stdout.strip();
            return text.isEmpty() ? null : Json.parse(text);
        } catch (LangException e) {
            throw new ModuleFailure(String.join(" ", cmd) + " printed output that is not JSON: " + e.getMessage());
        }
    }

    /**
     * One Change per changed field, so --diff shows each field; the first one runs the single
     * command that changes them all, the others only report.
     */
    public static List<Change> oneCallPerObject(String summary, List<Diff> diffs,
                                                                List<String> cmd) {
        List<Change> out = new ArrayList<>();
        for (int i = 0; i < diffs.size(); i++) {
            out.add(i == 0 ? new Change(summary, diffs.get(i), (c, r) -> checked(c, cmd))
                    : new Change(summary + " (same call)", diffs.get(i), (c, r) -> { }));
        }
        return out;
    }

    /** pvesh get PATH --output-format json [extra options]. */
    public static Object pveshGet(ModuleContext ctx, String path, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("pvesh", "get", path, "--output-format", "json"));
        cmd.addAll(Arrays.asList(extra));
        return json(ctx, cmd.toArray(String[]::new));
    }

    /** The PVE name of the node this task runs on (the /cluster/status entry marked local). */
    public static String localNode(ModuleContext ctx) throws Exception {
        for (Map<String, Object> m : nodeEntries(ctx)) {
            if (Truth.isTrue(m.get("local"))) return String.valueOf(m.get("name"));
        }
        throw new ModuleFailure("cannot tell this node's PVE name: no local node in 'pvesh get /cluster/status'");
    }

    /** The names of the cluster's member nodes (the /cluster/status entries of type node). */
    public static List<String> clusterNodes(ModuleContext ctx) throws Exception {
        return nodeEntries(ctx).stream().map(m -> String.valueOf(m.get("name"))).toList();
    }

    private static List<Map<String, Object>> nodeEntries(ModuleContext ctx) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object e : list(pveshGet(ctx, "/cluster/status"))) {
            if ("node".equals(map(e).get("type"))) out.add(map(e));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object v) {
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object v) {
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    public static String str(Object v) {
        return v == null ? null : String.valueOf(v);
    }
}
