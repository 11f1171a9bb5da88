package meshplay.modules.core;

import java.util.List;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.lang.ShellQuote;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.lang.ShellWords;

/** Runs a program without a shell: the line is split into words (shlex), or argv is given as a list. */
public final class CommandModule extends CommandRunning<CommandModule.Arguments> {
    /** The task's arguments: cmd or argv (one of them, the spec makes sure). */
    record Arguments(String cmd, List<String> argv, Guards guards) {
    }

    private static final ArgSpec SPEC = commonArgs(ArgSpec.builder(
                    "Runs a command on the target without a shell (no pipes, redirects or variables). "
                            + "Reports changed when it runs; use creates/removes to make it idempotent.")
            .add(ArgSpec.arg("cmd", ArgType.STR).aliases("_raw_params").doc("the command line, split into words like a shell would (no shell features)"))
            .add(ArgSpec.arg("argv", ArgType.LIST).elements(ArgType.STR).doc("the command as a list of words; no splitting or quoting needed"))
            .freeForm("cmd")
            .mutuallyExclusive("cmd", "argv")
            .requiredOneOf("cmd", "argv"))
            .build();

    public CommandModule() {
        super("command", SPEC, Arguments.class);
    }

    @Override
    protected Guards guards(Arguments args) {
        return args.guards();
    }

    @Override
    protected ExecRequest request(Arguments args) throws ModuleFailure {
        return ExecRequest.argv(words(args));
    }

    @Override
    protected Object reportedCommand(Arguments args) throws ModuleFailure {
        return words(args);
    }

    @Override
    protected String display(Arguments args) throws ModuleFailure {
        return args.cmd() != null ? args.cmd() : ShellQuote.join(words(args));
    }

    private static List<String> words(Arguments args) throws ModuleFailure {
        List<String> words;
        if (args.cmd() == null) {
            words = args.argv();
        } else {
            try {
                words = ShellWords.split(args.cmd());
            } catch (IllegalArgumentException e) {
                throw new ModuleFailure("cannot split cmd into words: " + e.getMessage());
            }
        }
        if (words.isEmpty()) throw new ModuleFailure("no command given: cmd/argv is empty");
        return words;
    }
}
