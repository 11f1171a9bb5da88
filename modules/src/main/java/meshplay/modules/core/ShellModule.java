package meshplay.modules.core;

import java.util.List;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.ModuleFailure;

/** Runs a command line through a shell (/bin/sh -c, or the given executable), so pipes and redirects work. */
public final class ShellModule extends CommandRunning<ShellModule.Arguments> {
    /** The task's arguments. */
    record Arguments(String cmd, String executable, Guards guards) {
    }

    private static final ArgSpec SPEC = commonArgs(ArgSpec.builder(
                    "Runs a command line through /bin/sh -c on the target. Reports changed when it runs; "
                            + "use creates/removes to make it idempotent.")
            .add(ArgSpec.arg("cmd", ArgType.STR).required().aliases("_raw_params").doc("the shell command line"))
            .add(ArgSpec.arg("executable", ArgType.PATH).doc("shell to use instead of /bin/sh (run as EXECUTABLE -c CMD)"))
            .freeForm("cmd"))
            .build();

    public ShellModule() {
        super("shell", SPEC, Arguments.class);
    }

    @Override
    protected Guards guards(Arguments args) {
        return args.guards();
    }

    @Override
    protected ExecRequest request(Arguments args) throws ModuleFailure {
        String line = line(args);
        if (args.executable() != null) return ExecRequest.argv(List.of(args.executable(), "-c", line));
        return ExecRequest.shell(line);
    }

    @Override
    protected Object reportedCommand(Arguments args) throws ModuleFailure {
        return line(args);
    }

    @Override
    protected String display(Arguments args) throws ModuleFailure {
        return line(args);
    }

    private static String line(Arguments args) throws ModuleFailure {
        String line = args.cmd();
        if (line == null || line.isBlank()) throw new ModuleFailure("no command given: cmd is empty");
        return line;
    }
}
