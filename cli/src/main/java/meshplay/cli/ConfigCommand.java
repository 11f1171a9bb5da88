package meshplay.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import meshplay.cli.config.EffectiveConfig;
import meshplay.cli.config.RunConfig;
import meshplay.engine.error.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `meshplay config dump [--only-changed]`: the settings a run would use (ansible.cfg, ANSIBLE_*
 * variables, defaults) and where each came from, like ansible-config dump but always with the origin.
 */
@CommandLine.Command(name = "config", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Shows the effective ansible.cfg / ANSIBLE_* settings and where each came from (file:line, env var, default).")
final class ConfigCommand implements Callable<Integer> {
    private final Main.Streams io;

    @Parameters(index = "0", paramLabel = "ACTION", description = "dump (the only action)")
    String action;

    @Option(names = "--only-changed", description = "leave out the settings that have their default value")
    boolean onlyChanged;

    @Option(names = {"-v", "--verbose"}, description = "also list the keys of the file that meshplay does not use")
    boolean[] verbose = new boolean[0];

    ConfigCommand(Main.Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (!"dump".equals(action)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "unknown action '" + action + "': the action is dump");
        }
        EffectiveConfig config = EffectiveConfig.load(io.env(), Map.of());
        PrintStream out = io.out();
        for (String line : config.dump(onlyChanged)) out.println(line);
        for (String notice : config.notices(Math.max(1, verbose.length))) io.err().println("[NOTICE]: " + notice);
        for (String note : RunConfig.notes(config)) io.err().println("[NOTICE]: " + note);
        out.flush();
        return ExitCode.OK.code;
    }
}
