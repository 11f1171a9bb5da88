package meshplay.modules.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.Attributes;
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
import meshplay.modules.support.SnakeCaseChoice;

/**
 * Mounts and unmounts filesystems and keeps their /etc/fstab lines, as Ansible's mount module
 * (ansible.posix) does on Linux. Whether a path is mounted is read from the host's
 * /proc/self/mountinfo; mount and umount do the work.
 */
public final class MountModule extends BaseModule<MountModule.Arguments> {
    private static final ArgSpec SPEC = ArgSpec.builder("Control mounted filesystems and their /etc/fstab lines, as "
                    + "Ansible's mount module.")
            .add(ArgSpec.arg("path", ArgType.PATH).required().aliases("name").doc("the mount point"))
            .add(ArgSpec.arg("src", ArgType.PATH).doc("the device, label (LABEL=...), UUID=... or share; required for present, mounted, ephemeral"))
            .add(ArgSpec.arg("fstype", ArgType.STR).aliases("type").doc("the filesystem type; required for present, mounted, ephemeral"))
            .add(ArgSpec.arg("opts", ArgType.STR).doc("mount options (default 'defaults')"))
            .add(ArgSpec.arg("dump", ArgType.STR).defaultValue("0").doc("fstab's fifth field"))
            .add(ArgSpec.arg("passno", ArgType.STR).defaultValue("0").doc("fstab's sixth field"))
            .add(ArgSpec.choice("state", State.class).required().doc("mounted: in fstab and mounted (remounted when the line changed); "
                    + "present: only in fstab; unmounted: not mounted (fstab untouched); absent: neither (the empty mount point "
                    + "directory is removed); absent_from_fstab: not in fstab; remounted: remount now; ephemeral: mounted, never in fstab"))
            .add(ArgSpec.arg("fstab", ArgType.PATH).doc("the fstab file (default /etc/fstab)"))
            .add(ArgSpec.arg("boot", ArgType.BOOL).defaultValue(true).doc("false adds noauto to opts (ignored when opts has defaults)"))
            .add(ArgSpec.arg("backup", ArgType.BOOL).defaultValue(false).doc("keep a timestamped copy of fstab before changing it"))
            .build();

    enum State implements SnakeCaseChoice { ABSENT, ABSENT_FROM_FSTAB, MOUNTED, PRESENT, UNMOUNTED, REMOUNTED, EPHEMERAL }

    /** The typed arguments. */
    record Arguments(String path, String src, String fstype, String opts, String dump, String passno, State state, String fstab,
                     boolean boot, boolean backup) {
    }

    public MountModule() {
        super("mount", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) throws Exception {
        State state = a.state();
        if ((state == State.MOUNTED || state == State.PRESENT || state == State.EPHEMERAL) && (a.src() == null || a.fstype() == null)) {
            throw problem(ctx, a.src() == null ? "src" : "fstype", "state is " + state.name().toLowerCase() + " but src and fstype are both needed",
                    "add src: (the device) and fstype: (e.g. ext4, nfs, tmpfs)");
        }
        String name = a.path();
        String fstab = a.fstab() != null ? a.fstab() : "/etc/fstab";
        String opts = a.opts() != null ? a.opts() : "defaults";
        String boot = "yes";
        List<String> optList = new ArrayList<>(List.of(opts.split(",")));
        if (!optList.contains("noauto") && !a.boot()) {
            boot = "no";
            if (!optList.contains("defaults")) {
                optList.add("noauto");
                opts = String.join(",", optList);
            }
        }
        Fstab.Line line = new Fstab.Line(Fstab.escape(a.src()), Fstab.escape(name), Fstab.escape(a.fstype()), Fstab.escape(opts),
                Fstab.escape(a.dump()), Fstab.escape(a.passno()));
        String before = state == State.EPHEMERAL ? "" : FileContent.readText(ctx.connection().files(), fstab);
        String text = before == null ? "" : before;
        boolean mounted = mounted(ctx, name);

        List<Change> changes = new ArrayList<>();
        List<String> fstabArgs = fstab.equals("/etc/fstab") ? List.of() : List.of("-T", fstab);
        switch (state) {
            case PRESENT -> addFstab(changes, fstab, before, Fstab.set(text, line, a.src() != null), a.backup());
            case ABSENT_FROM_FSTAB -> addFstab(changes, fstab, before, Fstab.unset(text, line, a.src() != null), a.backup());
            case ABSENT -> {
                if (addFstab(changes, fstab, before, Fstab.unset(text, line, a.src() != null), a.backup())) {
                    if (mounted) changes.add(umount(name));
                    if (ctx.connection().files().stat(name, false) != null) {
                        changes.add(new Change("remove mount point " + name, Diff.state(name, "directory", "absent"),
                                (c, r) -> run(c, "Error rmdir " + name, "rmdir", name)));
                    }
                }
            }
            case UNMOUNTED -> {
                if (mounted) changes.add(umount(name));
            }
            case MOUNTED, EPHEMERAL -> {
                if (ctx.connection().files().stat(name, true) == null) {
                    changes.add(new Change("create mount point " + name, Diff.state(name, "absent", "directory"),
                            (c, r) -> c.connection().files().mkdirs(name, Attributes.NONE)));
                }
                boolean fstabChanged = state == State.MOUNTED && addFstab(changes, fstab, before, Fstab.set(text, line, true), a.backup());
                List<String> ephemeral = state == State.EPHEMERAL ? ephemeralArgs(a.fstype(), opts, a.src()) : List.of();
                if (!mounted) {
                    List<String> argv = new ArrayList<>(List.of("mount"));
                    argv.addAll(state == State.EPHEMERAL ? ephemeral : fstabArgs);
                    argv.add(name);
                    changes.add(new Change("mount " + name, Diff.state("mount " + name, "unmounted", "mounted"),
                            (c, r) -> run(c, "Error mounting " + name, argv.toArray(String[]::new))));
                } else if (fstabChanged || state == State.EPHEMERAL) {
                    changes.add(remount(name, state == State.EPHEMERAL ? ephemeral : fstabArgs, null));
                }
            }
            case REMOUNTED -> changes.add(remount(name, fstabArgs, "defaults".equals(opts) ? null : opts));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("opts", opts);
        data.put("dump", a.dump());
        data.put("passno", a.passno());
        data.put("fstab", fstab);
        data.put("boot", boot);
        if (a.src() != null) data.put("src", a.src());
        if (a.fstype() != null) data.put("fstype", a.fstype());
        data.put("backup_file", "");
        return Plan.of(changes, data);
    }

    private static boolean addFstab(List<Change> changes, String fstab, String before, String after, boolean backup) {
        Change c = FileContent.textChange(fstab, before, after, backup);
        if (c == null) return false;
        changes.add(c);
        return true;
    }

    private static List<String> ephemeralArgs(String fstype, String opts, String src) {
        List<String> out = new ArrayList<>(List.of("-t", fstype));
        if (!opts.equals("defaults")) out.addAll(List.of("-o", opts));
        out.add(src);
        return out;
    }

    private static Change umount(String name) {
        return new Change("unmount " + name, Diff.state("mount " + name, "mounted", "unmounted"),
                (c, r) -> run(c, "Error unmounting " + name, "umount", name));
    }

    /** mount -o remount, falling back to umount and mount as Ansible does (not when options were asked for). */
    private static Change remount(String name, List<String> extra, String opts) {
        List<String> argv = new ArrayList<>(List.of("mount", "-o", opts == null ? "remount" : "remount," + opts));
        argv.addAll(extra);
        argv.add(name);
        return new Change("remount " + name, Diff.state("mount " + name, "mounted", "remounted"), (c, r) -> {
            ExecResult res = c.run(ExecRequest.argv(argv));
            if (res.rc() == 0) return;
            if (opts != null) {
                throw new ModuleFailure("Options were specified with remounted, but the remount command failed. Failing in order to "
                        + "prevent an unexpected mount result. Try replacing this command with a \"state: unmounted\" followed by a "
                        + "\"state: mounted\" using the full desired mount options instead.");
            }
            run(c, "Error remounting " + name, "umount", name);
            List<String> mount = new ArrayList<>(List.of("mount"));
            mount.addAll(extra);
            mount.add(name);
            run(c, "Error remounting " + name, mount.toArray(String[]::new));
        });
    }

    /** Whether {@code path} is a mount point on the host (its /proc/self/mountinfo, octal escapes decoded). */
    static boolean mounted(ModuleContext ctx, String path) throws Exception {
        ExecResult r = ctx.run(ExecRequest.argv("cat", "/proc/self/mountinfo"));
        if (r.rc() != 0) throw new ModuleFailure("cannot read /proc/self/mountinfo: " + r.stderr().strip());
        String want = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (String line : r.stdout().split("\n")) {
            String[] f = line.split(" ");
            if (f.length > 4 && unescape(f[4]).equals(want)) return true;
        }
        return false;
    }

    private static String unescape(String s) {
        return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }

    private static void run(ModuleContext ctx, String what, String... argv) throws Exception {
        ExecResult r = ctx.run(ExecRequest.argv(argv));
        if (r.rc() != 0) throw new ModuleFailure(what + ": " + (r.stdout() + r.stderr()).strip(), Map.of("rc", r.rc()));
    }
}
