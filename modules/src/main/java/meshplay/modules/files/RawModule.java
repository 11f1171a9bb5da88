package meshplay.modules.files;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.Change;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.module.Plan;
import meshplay.engine.module.PlanKind;

/**
 * Runs a command line as it is, through the host's shell, with nothing installed there first (Ansible's
 * raw module: for hosts without Python, or to bootstrap them). It always reports changed.
 */
public final class RawModule extends BaseModule<RawModule.Arguments> {
    private static final ArgSpec SPEC = ArgSpec.builder("Run a command line through the host's shell, as it is "
                    + "(Ansible's raw module); always reports changed. Use command or shell when you can.")
            .add(ArgSpec.arg("cmd", ArgType.STR).required().aliases("_raw_params", "free_form").doc("the command line"))
            .add(ArgSpec.arg("executable", ArgType.PATH).doc("the shell to run it with (EXECUTABLE -c CMD); default /bin/sh"))
            .freeForm("cmd")
            .build();

    /** The typed arguments. */
    record Arguments(String cmd, String executable) {
    }

    public RawModule() {
        super("raw", SPEC, Arguments.class);
    }

    @Override
    public PlanKind kind() {
        return PlanKind.RUN_TO_PREDICT;
    }

    @Override
    protected Plan plan(ModuleContext ctx, Arguments a) {
        ExecRequest request = a.executable() == null ? ExecRequest.shell(a.cmd()) : ExecRequest.argv(a.executable(), "-c", a.cmd());
        return Plan.of(List.of(new Change("run: " + a.cmd(), null, (c, result) -> run(c, request, result))), Map.of());
    }

    /** Puts rc, stdout and stderr (each also as lines) into the result; a non-zero rc fails the task. */
    static void run(ModuleContext ctx, ExecRequest request, ModuleResult.Builder result) throws Exception {
        ExecResult r = ctx.run(request);
        result.put("rc", r.rc()).put("stdout", r.stdout()).put("stdout_lines", lines(r.stdout()))
                .put("stderr", r.stderr()).put("stderr_lines", lines(r.stderr()));
        if (r.timedOut()) result.failed("command timed out");
        else if (r.rc() != 0) result.failed("non-zero return code");
    }

    /** Python's splitlines: no empty last element for a trailing newline. */
    static List<String> lines(String s) {
        if (s.isEmpty()) return List.of();
        String t = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        return Arrays.asList(t.split("\r?\n", -1));
    }
}
