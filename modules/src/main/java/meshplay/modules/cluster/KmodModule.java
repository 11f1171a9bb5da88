package meshplay.modules.cluster;

import static meshplay.engine.module.ArgSpec.arg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.modules.support.FileContent;

/**
 * Loads or unloads a kernel module and manages how it is loaded at boot.
 *
 * <p>Loaded means listed in /proc/modules or built into the kernel (modules.builtin of the running
 * kernel, found with {@code uname -r}); '-' and '_' in names are the same. Parameters go to an
 * {@code options NAME k=v} line in /etc/modprobe.d/NAME.conf. When the module is already loaded with
 * other parameter values (as /sys/module/NAME/parameters shows), the module is NOT unloaded: the
 * result says {@code reload_required: true} and lists the differing values, because unloading a
 * network or storage driver can cut the connection this run depends on. Check mode never writes
 * and never runs modprobe.
 */
public final class KmodModule extends BaseModule<KmodModule.Arguments> {
    static final String NAME = "kmod";

    /** Whether the module should be loaded now. */
    enum State { PRESENT, ABSENT }

    /** How the module is loaded at boot. */
    enum Persistent { PRESENT, ABSENT, DISABLED }

    /** The task's arguments. No params leaves the options line alone; empty params remove it. A null persistent leaves the boot files alone. */
    record Arguments(String name, State state, Optional<Map<String, Object>> params, Persistent persistent, String persistentFile) {
    }

    private static final ArgSpec SPEC = ArgSpec.builder(
                    "Load or unload a kernel module (modprobe), set its options in /etc/modprobe.d and make it load, "
                            + "or never load, at boot. Compares the live module (/proc/modules, modules.builtin, "
                            + "/sys/module/NAME/parameters) and the files; reports a diff for both.")
            .add(arg("name", ArgType.STR).required().doc("Kernel module name, e.g. thunderbolt-net ('-' and '_' are equivalent)."))
            .add(ArgSpec.choice("state", State.class).defaultValue(State.PRESENT)
                    .doc("present: loaded now (modprobe NAME); absent: not loaded (modprobe -r NAME)."))
            .add(arg("params", ArgType.DICT).doc("Module parameters, written as 'options NAME k=v ...' to /etc/modprobe.d/NAME.conf "
                    + "and passed to modprobe when loading. An empty mapping removes the options line. A loaded module with "
                    + "different live values is reported (reload_required), never unloaded."))
            .add(ArgSpec.choice("persistent", Persistent.class)
                    .doc("Boot-time loading. present: a line NAME in persistent_file; absent: no such line; disabled: "
                            + "'blacklist NAME' in /etc/modprobe.d/NAME.conf (and no line in persistent_file). Unset: boot "
                            + "files are not touched."))
            .add(arg("persistent_file", ArgType.PATH).doc("The modules-load list to edit (default /etc/modules-load.d/NAME.conf; "
                    + "Debian's /etc/modules works too). Other lines and comments are kept byte for byte; the module's own "
                    + "NAME.conf is removed when it would become empty."))
            .build();

    public KmodModule() {
        super(NAME, SPEC, Arguments.class, "modprobe");
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) throws Exception {
        String name = args.name().strip();
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw problem(ctx, "name", "'" + name + "' is not a kernel module name",
                    "use the name modprobe knows, letters, digits, '-' and '_' only (e.g. thunderbolt-net)");
        }
        boolean wantLoaded = args.state() == State.PRESENT;
        Map<String, String> params = params(ctx, args);
        Persistent persistent = args.persistent();
        String persistentFile = requireAbsolute(ctx, "persistent_file", args.persistentFile() != null
                ? args.persistentFile() : "/etc/modules-load.d/" + name + ".conf", "/etc/modules");
        String modprobeFile = "/etc/modprobe.d/" + name + ".conf";

        List<Change> changes = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);

        // files first: modprobe reads the options written here when it loads the module
        String modprobeBefore = FileContent.readText(ctx.connection().files(), modprobeFile);
        String modprobeAfter = modprobeBefore;
        if (params != null) modprobeAfter = KmodFiles.withOptions(modprobeAfter, name, params);
        if (persistent != null) modprobeAfter = KmodFiles.withBlacklist(modprobeAfter, name, persistent == Persistent.DISABLED);
        addFileChange(changes, modprobeFile, modprobeBefore, ownFile(modprobeFile, name, modprobeAfter));

        if (persistent != null) {
            String listBefore = FileContent.readText(ctx.connection().files(), persistentFile);
            String listAfter = persistent == Persistent.PRESENT ? KmodFiles.withListed(listBefore, name)
                    : KmodFiles.withoutListed(listBefore, name);
            addFileChange(changes, persistentFile, listBefore, ownFile(persistentFile, name, listAfter));
        }

        String procModules = FileContent.readText(ctx.connection().files(), "/proc/modules");
        boolean loadedAsModule = procModules != null ? KmodFiles.loaded(procModules, name) : liveInSysfs(ctx, name);
        boolean builtin = !loadedAsModule && isBuiltin(ctx, name);
        boolean loaded = loadedAsModule || builtin;
        data.put("loaded", loaded);
        data.put("builtin", builtin);
        data.put("reload_required", false);

        String note = null;
        if (wantLoaded && !loaded) {
            List<String> argv = new ArrayList<>(List.of("modprobe", name));
            if (params != null) params.forEach((k, v) -> argv.add(k + "=" + v));
            changes.add(new Change("modprobe " + name, Diff.state("loaded", "no", "yes"),
                    (c, result) -> c.runChecked(argv.toArray(String[]::new))));
        } else if (!wantLoaded && loaded) {
            if (builtin) {
                throw new ModuleFailure("kernel module " + name + " is built into the running kernel and cannot be unloaded",
                        Map.of("name", name, "builtin", true));
            }
            changes.add(new Change("modprobe -r " + name, Diff.state("loaded", "yes", "no"),
                    (c, result) -> c.runChecked("modprobe", "-r", name)));
        } else if (wantLoaded && params != null && !params.isEmpty() && loadedAsModule) {
            Map<String, Map<String, String>> differing = differingParams(ctx, name, params);
            data.put("reload_required", !differing.isEmpty());
            if (!differing.isEmpty()) {
                data.put("params_differing", differing);
                note = "module " + name + " is loaded with other parameter values " + differing.keySet()
                        + "; they apply after it is reloaded (modprobe -r " + name + " && modprobe " + name + ") or at the next boot";
            }
        }
        if (builtin && persistent == Persistent.DISABLED) {
            note = "module " + name + " is built into the kernel: a blacklist line does not stop it";
        }
        Plan plan = Plan.of(changes, data);
        return note == null ? plan : plan.withNote(note);
    }

    /** The module's own per-module file is removed when nothing is left in it. */
    private static String ownFile(String path, String name, String content) {
        return content != null && content.isEmpty() && path.endsWith("/" + name + ".conf") ? null : content;
    }

    private static void addFileChange(List<Change> changes, String path, String before, String after) {
        Change c = FileContent.textChange(path, before, after);
        if (c != null) changes.add(c);
    }

    private Map<String, String> params(ModuleContext ctx, Arguments args) {
        if (args.params().isEmpty()) return null;
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : args.params().get().entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!key.matches("[A-Za-z0-9_.-]+")) {
                throw problem(ctx, "params", "'" + key + "' is not a module parameter name",
                        "parameter names are letters, digits and '_' (see modinfo -p NAME)");
            }
            Object v = e.getValue();
            String value = v instanceof Boolean b ? (b ? "1" : "0") : v == null ? "" : String.valueOf(v);
            if (value.isEmpty() || value.matches(".*[\\s\"#].*")) {
                throw problem(ctx, "params", "value of '" + key + "' must be one word without quotes or '#': '" + value + "'",
                        "give a single value such as 1, Y or a comma-separated list without spaces");
            }
            out.put(key, value);
        }
        return out;
    }

    /**
     * Without /proc/modules (a kernel built without module unloading, or a container that hides it)
     * the kernel still shows a loaded module as /sys/module/NAME/initstate = "live".
     */
    private static boolean liveInSysfs(ModuleContext ctx, String name) throws Exception {
        String state = FileContent.readText(ctx.connection().files(), "/sys/module/" + KmodFiles.canonical(name) + "/initstate");
        return state != null && state.strip().equals("live");
    }

    private static boolean isBuiltin(ModuleContext ctx, String name) throws Exception {
        ExecResult uname = ctx.run(ExecRequest.argv("uname", "-r"));
        if (!uname.ok() || uname.stdout().isBlank()) return false;
        String builtin = FileContent.readText(ctx.connection().files(), "/lib/modules/" + uname.stdout().strip() + "/modules.builtin");
        return builtin != null && KmodFiles.builtin(builtin, name);
    }

    private static Map<String, Map<String, String>> differingParams(ModuleContext ctx, String name, Map<String, String> params)
            throws Exception {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : params.entrySet()) {
            String live = FileContent.readText(ctx.connection().files(), "/sys/module/" + KmodFiles.canonical(name) + "/parameters/" + p.getKey());
            if (live != null && !KmodFiles.sameParamValue(live, p.getValue())) {
                out.put(p.getKey(), Map.of("live", live.strip(), "wanted", p.getValue()));
            }
        }
        return out;
    }
}
