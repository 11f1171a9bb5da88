package meshplay.modules.core;

import java.util.List;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ShellQuote;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Args;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.lang.ShellWords;

/** Runs a program without a shell: the line is split into words (shlex), or argv is given as a list. */
public final class CommandModule extends CommandRunning {
    private static final ArgSpec SPEC = commonArgs(ArgSpec.builder(
                    "Runs a command on the target without a shell (no pipes, redirects or variables). "
                            + "Reports changed when it runs; use creates/removes to make it idempotent.")
            .add(ArgSpec.arg("cmd", ArgType.STR).aliases("_raw_params").doc("the command line, split into words like a shell would (no shell features)"))
            .add(ArgSpec.arg("argv", ArgType.LIST).elements(ArgType.STR).doc("the command as a list of words; no splitting or quoting needed"))
            .freeForm("cmd")
            .mutuallyExclusive("cmd", "argv")
            .requiredOneOf("cmd", "argv"))
            .build();

    @Override
    public String name() {
        return "command";
    }

    @Override
    public ArgSpec spec() {
        return SPEC;
    }

    @Override
    protected ExecRequest request(Args args) throws ModuleFailure {
        return ExecRequest.argv(words(args));
    }

    @Override
    protected Object reportedCommand(Args args) throws ModuleFailure {
        return words(args);
    }

    @Override
    protected String display(Args args) throws ModuleFailure {
        return args.has("cmd") ? args.str("cmd") : ShellQuote.join(words(args));
    }

    private static List<String> words(Args args) throws ModuleFailure {
        List<String> words;
        if (args.has("argv")) {
            words = args.list("argv");
        } else {
            try {
                words = ShellWords.split(args.str("cmd"));
            } catch (IllegalArgumentException e) {
                throw new ModuleFailure("cannot split cmd into words: " + e.getMessage());
            }
        }
        if (words.isEmpty()) throw new ModuleFailure("no command given: cmd/argv is empty");
        return words;
    }
}
