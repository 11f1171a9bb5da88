package meshplay.modules.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.connect.FileStat;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.module.Plan;

/**
 * Debian packages with apt-get. The plan reads dpkg-query (installed state) and apt-cache policy
 * (candidates for state=latest); apply runs one apt-get per operation, non-interactively.
 */
public final class AptModule extends BaseModule<AptModule.Arguments> {
    /** The task's arguments. */
    /** The wanted state; installed and removed are Ansible's other names for present and absent. */
    enum State {
        PRESENT, INSTALLED, ABSENT, REMOVED, LATEST;

        /** present, absent or latest. */
        State canonical() {
            return this == INSTALLED ? PRESENT : this == REMOVED ? ABSENT : this;
        }
    }

    record Arguments(List<String> name, State state, boolean updateCache, int cacheValidTime, boolean purge, Boolean installRecommends) {
    }

    private static final String STAMP = "/var/lib/apt/periodic/update-success-stamp";
    private static final String LISTS = "/var/lib/apt/lists";
    private static final Map<String, String> NONINTERACTIVE = Map.of("DEBIAN_FRONTEND", "noninteractive", "NEEDRESTART_MODE", "a");

    private static final ArgSpec SPEC = ArgSpec.builder(
                    "Installs, upgrades or removes Debian packages with apt-get, and refreshes the package lists. "
                            + "name=version pins a version. The plan comes from dpkg-query and apt-cache, so check mode is exact "
                            + "(for state=latest with update_cache, candidates are those known before the update).")
            .add(ArgSpec.arg("name", ArgType.LIST).elements(ArgType.STR).aliases("pkg", "package").doc("package names (name or name=version)"))
            .add(ArgSpec.choice("state", State.class).defaultValue(State.PRESENT)
                    .doc("present: installed (any version unless pinned); latest: upgraded to the candidate; absent: removed"))
            .add(ArgSpec.arg("update_cache", ArgType.BOOL).defaultValue(false).aliases("update-cache").doc("run apt-get update first"))
            .add(ArgSpec.arg("cache_valid_time", ArgType.INT).defaultValue(0)
                    .doc("update the package lists unless they were refreshed less than this many seconds ago (implies update_cache)"))
            .add(ArgSpec.arg("purge", ArgType.BOOL).defaultValue(false).doc("with state=absent: also remove configuration files"))
            .add(ArgSpec.arg("install_recommends", ArgType.BOOL).aliases("install-recommends")
                    .doc("install recommended packages too (default: apt's own setting)"))
            .build();

    public AptModule() {
        super("apt", SPEC, Arguments.class);
    }

    /** One package as dpkg sees it. */
    private record Installed(String status, String version) {
        boolean installed() {
            return status.endsWith(" installed");
        }

        boolean configFiles() {
            return status.endsWith(" config-files");
        }
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments args) throws Exception {
        List<String> names = args.name();
        // as in Ansible since 2.4: a cache_valid_time implies update_cache
        boolean updateCache = args.updateCache() || args.cacheValidTime() > 0;
        if (names.isEmpty() && !updateCache) throw new ModuleFailure("apt needs name (packages) or update_cache: true");
        List<Change> changes = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cache_updated", false);
        if (updateCache) {
            String age = cacheAge(ctx, args.cacheValidTime());
            if (age != null) {
                changes.add(new Change("apt-get update", Diff.state("apt package lists", age, "updated now"), (c, r) -> {
                    apt(c, r, List.of("update"));
                    r.put("cache_updated", true);
                }));
            }
        }
        if (!names.isEmpty()) changes.addAll(packageChanges(ctx, args, names));
        return Plan.of(changes, data);
    }

    /** Null when the lists are fresh enough; otherwise how old they are, for the diff. */
    private static String cacheAge(ModuleContext ctx, int validSeconds) throws Exception {
        FileStat s = ctx.connection().files().stat(STAMP, true);
        if (s == null) s = ctx.connection().files().stat(LISTS, true);
        if (s == null) return "never updated";
        long age = System.currentTimeMillis() / 1000 - s.mtimeEpochSeconds();
        if (validSeconds > 0 && age < validSeconds) return null;
        return "updated " + Math.max(age, 0) + "s ago";
    }

    private List<Change> packageChanges(ModuleContext ctx, Arguments args, List<String> specs) throws Exception {
        State state = args.state().canonical();
        Map<String, String> pinned = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            pinned.put(eq < 0 ? spec : spec.substring(0, eq), eq < 0 ? null : spec.substring(eq + 1));
        }
        Map<String, Installed> installed = query(ctx, new ArrayList<>(pinned.keySet()));
        List<String> install = new ArrayList<>();
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        boolean purgeOnly = true;
        if (state == State.ABSENT) {
            for (String pkg : pinned.keySet()) {
                Installed i = installed.get(pkg);
                if (i == null) continue;
                if (i.installed()) {
                    remove.add(pkg);
                    purgeOnly = false;
                } else if (args.purge() && i.configFiles()) {
                    remove.add(pkg);
                }
            }
            if (remove.isEmpty()) return List.of();
            boolean purge = args.purge();
            List<String> cmd = new ArrayList<>(List.of("-y", "-q", "remove"));
            if (purge) cmd.add("--purge");
            cmd.addAll(remove);
            String was = purgeOnly ? "config files" : "installed";
            return List.of(new Change((purge ? "purge " : "remove ") + String.join(" ", remove),
                    Diff.state("packages " + String.join(", ", remove), was, purge ? "purged" : "removed"), (c, r) -> apt(c, r, cmd)));
        }
        Map<String, String> candidates = state == State.LATEST ? candidates(ctx, installed) : Map.of();
        for (Map.Entry<String, String> e : pinned.entrySet()) {
            String pkg = e.getKey();
            Installed i = installed.get(pkg);
            String have = i != null && i.installed() ? i.version() : null;
            String want = e.getValue();
            boolean needed;
            String target;
            if (want != null) {
                needed = !want.equals(have);
                target = want;
            } else if (state == State.LATEST && have != null) {
                String candidate = candidates.get(pkg);
                needed = candidate != null && !candidate.equals("(none)") && !candidate.equals(have);
                target = candidate;
            } else {
                needed = have == null;
                target = "installed";
            }
            if (needed) {
                install.add(want != null ? pkg + "=" + want : pkg);
                before.add(pkg + " " + (have == null ? "absent" : have));
                after.add(pkg + " " + target);
            }
        }
        if (install.isEmpty()) return List.of();
        List<String> cmd = new ArrayList<>(List.of("-y", "-q", "-o", "Dpkg::Options::=--force-confdef", "-o", "Dpkg::Options::=--force-confold"));
        if (args.installRecommends() != null) {
            cmd.add(args.installRecommends() ? "--install-recommends" : "--no-install-recommends");
        }
        cmd.add("install");
        cmd.addAll(install);
        return List.of(new Change("install " + String.join(" ", install),
                Diff.state("packages", String.join(", ", before), String.join(", ", after)), (c, r) -> apt(c, r, cmd)));
    }

    /** dpkg's view of the packages; unknown packages are missing from the map. */
    private static Map<String, Installed> query(ModuleContext ctx, List<String> pkgs) throws Exception {
        List<String> argv = new ArrayList<>(List.of("dpkg-query", "-W", "-f=${Package}\\t${Status}\\t${Version}\\n"));
        argv.addAll(pkgs);
        ExecResult r = ctx.run(ExecRequest.argv(argv));
        if (r.rc() > 1) throw new ModuleFailure("dpkg-query failed (rc=" + r.rc() + "): " + r.stderr().strip());
        Map<String, Installed> out = new LinkedHashMap<>();
        for (String line : r.stdout().split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length >= 3) out.put(f[0], new Installed(f[1].trim(), f[2].trim()));
        }
        for (String pkg : pkgs) {
            int colon = pkg.indexOf(':');
            if (colon > 0 && !out.containsKey(pkg) && out.containsKey(pkg.substring(0, colon))) out.put(pkg, out.get(pkg.substring(0, colon)));
        }
        return out;
    }

    /** Candidate versions from apt-cache policy for the installed packages. */
    private static Map<String, String> candidates(ModuleContext ctx, Map<String, Installed> installed) throws Exception {
        List<String> argv = new ArrayList<>(List.of("apt-cache", "policy"));
        installed.forEach((pkg, i) -> {
            if (i.installed()) argv.add(pkg);
        });
        Map<String, String> out = new LinkedHashMap<>();
        if (argv.size() == 2) return out;
        ExecResult r = ctx.run(ExecRequest.argv(argv).withEnv(Map.of("LC_ALL", "C")));
        if (!r.ok()) throw new ModuleFailure("apt-cache policy failed (rc=" + r.rc() + "): " + r.stderr().strip());
        String current = null;
        for (String line : r.stdout().split("\n")) {
            if (!line.startsWith(" ") && line.endsWith(":")) current = line.substring(0, line.length() - 1);
            else if (current != null && line.trim().startsWith("Candidate:")) out.put(current, line.trim().substring("Candidate:".length()).trim());
        }
        return out;
    }

    private static void apt(ModuleContext ctx, ModuleResult.Builder result, List<String> args) throws Exception {
        List<String> argv = new ArrayList<>();
        argv.add("apt-get");
        argv.addAll(args);
        ExecResult r = ctx.run(ExecRequest.argv(argv).withEnv(NONINTERACTIVE));
        result.put("stdout", r.stdout()).put("stderr", r.stderr()).put("rc", r.rc());
        if (!r.ok()) {
            throw new ModuleFailure("'" + String.join(" ", argv) + "' failed (rc=" + r.rc() + "): " + lastLines(r.stderr().isBlank() ? r.stdout() : r.stderr()),
                    Map.of("rc", r.rc(), "stdout", r.stdout(), "stderr", r.stderr()));
        }
    }

    private static String lastLines(String text) {
        String[] lines = text.strip().split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 5), lines.length));
    }
}
