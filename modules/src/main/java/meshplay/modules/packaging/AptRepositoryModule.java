package meshplay.modules.packaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import meshplay.engine.connect.Attributes;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.connect.FileStat;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.FileMode;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.Plan;
import meshplay.modules.support.FileAttributes;
import meshplay.modules.support.FileContent;

/**
 * apt_repository: one one-line APT source ("deb URI SUITE COMPONENTS") in /etc/apt/sources.list or
 * /etc/apt/sources.list.d/*.list. present enables a matching line wherever it is (also a commented
 * one), or adds it to its own file; absent removes every enabled matching line. A file whose sources
 * change is written back normalised, as Ansible does; apt-get update follows a change when update_cache.
 */
public final class AptRepositoryModule extends BaseModule<AptRepositoryModule.Arguments> {
    static final String SOURCES_LIST = "/etc/apt/sources.list";
    static final String SOURCES_DIR = "/etc/apt/sources.list.d";

    private static final ArgSpec SPEC = ArgSpec.builder(
                    "Adds or removes a one-line APT source in /etc/apt/sources.list or /etc/apt/sources.list.d/*.list. A new source "
                            + "goes into its own file, named after the repository's URL or 'filename'. For deb822 .sources files "
                            + "(Proxmox VE 9) use deb822_repository.")
            .add(ArgSpec.arg("repo", ArgType.STR).required().doc("the source line, e.g. 'deb http://download.proxmox.com/debian/pve trixie pve-no-subscription'"))
            .add(ArgSpec.choice("state", State.class).defaultValue(State.PRESENT).doc("present or absent"))
            .add(ArgSpec.arg("filename", ArgType.STR).doc("file name for a new source, without .list (default: from the URL)"))
            .add(ArgSpec.arg("mode", ArgType.MODE).doc("permissions of a file a source is added to (default 0644)"))
            .add(ArgSpec.arg("update_cache", ArgType.BOOL).defaultValue(true).aliases("update-cache")
                    .doc("run apt-get update after a change"))
            .add(ArgSpec.arg("update_cache_retries", ArgType.INT).defaultValue(5).doc("tries of apt-get update before failing"))
            .add(ArgSpec.arg("update_cache_retry_max_delay", ArgType.INT).defaultValue(12).doc("longest pause between tries, in seconds"))
            .add(ArgSpec.arg("validate_certs", ArgType.BOOL).defaultValue(true).doc("accepted for compatibility (used by Ansible for PPAs only)"))
            .add(ArgSpec.arg("codename", ArgType.STR).doc("accepted for compatibility (Ubuntu PPAs only)"))
            .add(ArgSpec.arg("install_python_apt", ArgType.BOOL).defaultValue(true)
                    .doc("accepted for compatibility; meshplay needs no Python library on the host"))
            .build();

    enum State { PRESENT, ABSENT }

    /** The typed arguments. */
    record Arguments(String repo, State state, String filename, FileMode mode, boolean updateCache, int updateCacheRetries,
                     int updateCacheRetryMaxDelay, boolean validateCerts, String codename, boolean installPythonApt) {

        /** Where a new source goes: the filename argument (a bare name goes to sources.list.d), else one from the URL. */
        String newFile(String source) {
            String name = filename != null ? filename + ".list" : SourcesList.suggestFileName(source);
            return name.contains("/") ? name : SOURCES_DIR + "/" + name;
        }
    }

    public AptRepositoryModule() {
        super("apt_repository", SPEC, Arguments.class);
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments p) throws Exception {
        if (p.repo().isBlank()) throw problem(ctx, "repo", "it is empty", "set repo to a source line such as 'deb URI SUITE COMPONENT'");
        String source;
        try {
            source = SourcesList.sourceOf(p.repo());
        } catch (IllegalArgumentException e) {
            throw problem(ctx, "repo", e.getMessage(), "a source line starts with deb or deb-src, e.g. 'deb URI SUITE COMPONENT'");
        }
        SourcesList list = new SourcesList();
        Map<String, String> before = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        if (isFile(ctx, SOURCES_LIST)) paths.add(SOURCES_LIST);
        paths.addAll(HostDirectory.files(ctx, SOURCES_DIR, ".list"));
        for (String path : paths) {
            String text = FileContent.readText(ctx.connection().files(), path);
            if (text == null) continue;
            before.put(path, text);
            list.load(path, text);
        }
        Map<String, String> normalisedBefore = list.dump();
        String added = null;
        if (p.state() == State.PRESENT) {
            String file = p.newFile(source);
            if (list.add(source, file)) added = file;
        } else {
            list.remove(source);
        }
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, String> e : list.dump().entrySet()) {
            String path = e.getKey();
            if (before.containsKey(path) && Objects.equals(normalisedBefore.get(path), e.getValue())) continue;
            if (path.equals(added) && !before.containsKey(path)) {
                FileMode mode = p.mode() != null ? p.mode() : FileMode.parse("0644");
                changes.addAll(FileContent.plan(path, null, null, e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        FileContent.Options.of(new FileAttributes.Desired(mode, null, null), false).creatingParents(Attributes.NONE)));
            } else {
                changes.add(FileContent.textChange(path, before.get(path), e.getValue()));
                if (path.equals(added) && p.mode() != null) {
                    FileStat st = ctx.connection().files().stat(path, true);
                    changes.addAll(FileAttributes.changes(path, st, new FileAttributes.Desired(p.mode(), null, null), false));
                }
            }
        }
        if (!changes.isEmpty() && p.updateCache()) {
            changes.add(new Change("apt-get update", Diff.state("apt package lists", "as before", "updated"), (c, r) -> update(c, p)));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("repo", p.repo());
        data.put("state", p.state() == State.PRESENT ? "present" : "absent");
        return Plan.of(changes, data);
    }

    private static boolean isFile(ModuleContext ctx, String path) throws Exception {
        FileStat s = ctx.connection().files().stat(path, true);
        return s != null && s.isFile();
    }

    /** apt-get update, tried again with a growing pause (at most maxDelay seconds) as Ansible does. */
    private static void update(ModuleContext ctx, Arguments p) throws Exception {
        String err = "unknown reason";
        for (int attempt = 0; attempt < Math.max(1, p.updateCacheRetries()); attempt++) {
            ExecResult r = ctx.run(ExecRequest.argv("apt-get", "update", "-q").withEnv(Map.of("DEBIAN_FRONTEND", "noninteractive")));
            if (r.ok()) return;
            err = (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip();
            if (attempt + 1 < p.updateCacheRetries()) Thread.sleep(Math.min(1L << attempt, p.updateCacheRetryMaxDelay()) * 1000L);
        }
        throw new ModuleFailure("Failed to update apt cache: " + err);
    }
}
