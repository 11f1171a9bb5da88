package meshplay.modules.core;

import java.util.List;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Args;
import meshplay.engine.module.ModuleFailure;

/** Runs a command line through a shell (/bin/sh -c, or the given executable), so pipes and redirects work. */
public final class ShellModule extends CommandRunning {
    private static final ArgSpec SPEC = commonArgs(ArgSpec.builder(
                    "Runs a command line through /bin/sh -c on the target. Reports changed when it runs; "
                            + "use creates/removes to make it idempotent.")
            .add(ArgSpec.arg("cmd", ArgType.STR).required().aliases("_raw_params").doc("the shell command line"))
            .add(ArgSpec.arg("executable", ArgType.PATH).doc("shell to use instead of /bin/sh (run as EXECUTABLE -c CMD)"))
            .freeForm("cmd"))
            .build();

    @Override
    public String name() {
        return "shell";
    }

    @Override
    public ArgSpec spec() {
        return SPEC;
    }

    @Override
    protected ExecRequest request(Args args) throws ModuleFailure {
        String line = line(args);
        if (args.has("executable")) return ExecRequest.argv(List.of(args.str("executable"), "-c", line));
        return ExecRequest.shell(line);
    }

    @Override
    protected Object reportedCommand(Args args) throws ModuleFailure {
        return line(args);
    }

    @Override
    protected String display(Args args) throws ModuleFailure {
        return line(args);
    }

    private static String line(Args args) throws ModuleFailure {
        String line = args.str("cmd");
        if (line == null || line.isBlank()) throw new ModuleFailure("no command given: cmd is empty");
        return line;
    }
}
