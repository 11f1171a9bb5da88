package meshplay.modules.files;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.connect.WriteOptions;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.Change;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.module.Plan;
import meshplay.engine.module.PlanKind;
import meshplay.engine.lang.ShellWords;

/**
 * Copies a script from the controller to a private temporary directory on the host, runs it there
 * with the arguments as written (their quoting kept) and removes it, as Ansible's script module.
 * creates/removes decide, as for command, whether it runs at all.
 */
public final class ScriptModule extends BaseModule<ScriptModule.Arguments> {
    private static final ArgSpec SPEC = ArgSpec.builder("Run a controller-side script on the host after copying it there, "
                    + "as Ansible's script module (the script is found in files/ like copy's src).")
            .add(ArgSpec.arg("cmd", ArgType.STR).required().aliases("_raw_params", "free_form").doc("the script's path, then its arguments"))
            .add(ArgSpec.arg("creates", ArgType.PATH).doc("a host path; when it exists the script is not run"))
            .add(ArgSpec.arg("removes", ArgType.PATH).doc("a host path; when it does not exist the script is not run"))
            .add(ArgSpec.arg("chdir", ArgType.PATH).doc("absolute directory on the host to run the script in"))
            .add(ArgSpec.arg("executable", ArgType.STR).doc("the interpreter to run the script with (e.g. python3)"))
            .add(ArgSpec.arg("decrypt", ArgType.BOOL).defaultValue(true).doc("decrypt a vault-encrypted script before sending it"))
            .freeForm("cmd")
            .build();

    /** The typed arguments. */
    record Arguments(String cmd, String creates, String removes, String chdir, String executable, boolean decrypt) {
    }

    public ScriptModule() {
        super("script", SPEC, Arguments.class);
    }

    @Override
    public PlanKind kind() {
        return PlanKind.RUN_TO_PREDICT;
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) throws Exception {
        if (a.chdir() != null && !a.chdir().startsWith("/")) {
            throw new ModuleFailure("chdir " + a.chdir() + " must be an absolute path for a Unix-aware remote node");
        }
        if (a.creates() != null && ctx.connection().files().stat(a.creates(), true) != null) {
            return Plan.noChange(Map.of("msg", a.creates() + " exists, matching creates option")).withNote("skipped, since " + a.creates() + " exists");
        }
        if (a.removes() != null && ctx.connection().files().stat(a.removes(), true) == null) {
            return Plan.noChange(Map.of("msg", a.removes() + " does not exist, matching removes option"))
                    .withNote("skipped, since " + a.removes() + " does not exist");
        }
        String raw = a.cmd().strip();
        List<String> parts = ShellWords.split(raw);
        if (parts.isEmpty()) throw problem(ctx, "cmd", "names no script", "write the script's path, e.g. script: files/setup.sh --force");
        Path source = ctx.controllerFile(parts.get(0), "files");
        byte[] content = ctx.readControllerFile(source, a.decrypt());
        String name = source.getFileName().toString();
        return Plan.of(List.of(new Change("run script " + parts.get(0), null, (c, result) -> run(c, a, raw, parts.get(0), name, content, result))),
                new LinkedHashMap<>());
    }

    private static void run(ModuleContext ctx, Arguments a, String raw, String written, String name, byte[] content,
                            ModuleResult.Builder result) throws Exception {
        ExecResult tmp = ctx.run(ExecRequest.argv("mktemp", "-d", "-t", "meshplay-script.XXXXXXXX"));
        if (tmp.rc() != 0) throw new ModuleFailure("cannot make a temporary directory on the host: " + tmp.stderr().strip());
        String dir = tmp.stdout().strip();
        try {
            String target = dir + "/" + name;
            ctx.connection().files().write(target, content, WriteOptions.mode(0700));
            String command = raw.replace(written, target);
            if (a.executable() != null) command = a.executable() + " " + command;
            ExecRequest request = ExecRequest.shell(command);
            if (a.chdir() != null) request = request.withChdir(a.chdir());
            RawModule.run(ctx, request, result);
        } finally {
            ctx.connection().files().remove(dir, true);
        }
    }
}
