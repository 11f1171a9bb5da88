package meshplay.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import meshplay.cli.config.ProcessEnv;
import meshplay.engine.connect.ConnectionProvider;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.report.ErrorFormatter;
import picocli.CommandLine;

/**
 * The meshplay command: `meshplay PLAYBOOK ...` (the default, same as `meshplay run PLAYBOOK ...`),
 * `inventory`, `doc`, `version`, `lab`, `config`, `vault`. Bad options exit 5 with the usage; a user error exits with its
 * code (4 for playbook errors) printed with the source line; no stack trace unless -vvv.
 */
public final class Main {
    private static final Set<String> SUBCOMMANDS = Set.of("run", "inventory", "doc", "version", "lab", "config", "vault", "help");

    private Main() {
    }

    public static void main(String[] args) {
        String[] full = withDefaultCommand(args);
        if (full.length > 0 && full[0].equals("run")) ConnectionProvider.warmUpAll();
        int code = execute(args, System.out, System.err, System.in);
        System.out.flush();
        System.exit(code);
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int execute(String[] args, PrintStream out, PrintStream err, InputStream in) {
        return execute(args, out, err, in, ProcessEnv.system());
    }

    /** The same with the environment variables, working directory and home a test gives. */
    public static int execute(String[] args, PrintStream out, PrintStream err, InputStream in, ProcessEnv env) {
        Streams io = new Streams(out, err, in, env);
        String[] full = withDefaultCommand(args);
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("run", () -> new RunCommand(io));
        commands.put("inventory", () -> new InventoryCommand(io));
        commands.put("doc", () -> new DocCommand(io));
        commands.put("version", () -> new VersionCommand(io));
        commands.put("lab", () -> new LabCommand(io));
        commands.put("config", () -> new ConfigCommand(io));
        commands.put("vault", () -> new VaultCommand(io));
        CommandLine cli = new CommandLine(new TopCommand());
        // "-e @vars.yml" names a vars file, as in Ansible: not a picocli argument file to expand
        cli.setExpandAtFiles(false);
        // picocli builds each command's model by reflection (~60 ms for all of them at every start):
        // a command line that names its command gets only that one; the top-level help gets them all
        if (full.length > 0 && commands.containsKey(full[0])) cli.addSubcommand(full[0], commands.get(full[0]).get());
        else commands.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        // "-e @vars.yml" names a vars file, as in Ansible: picocli must not read @FILE as a file of arguments
        cli.setExpandAtFiles(false);
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("ERROR! " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return ExitCode.BAD_OPTIONS.code;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> handle(ex, err, verbosity(args)));
        return cli.execute(full);
    }

    /** `meshplay site.yml -i inv` means `meshplay run site.yml -i inv`. */
    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0) return args;
        String first = args[0];
        if (SUBCOMMANDS.contains(first) || first.equals("-h") || first.equals("--help") || first.equals("-V") || first.equals("--version")) {
            return args;
        }
        List<String> out = new ArrayList<>(List.of(args));
        out.add(0, "run");
        return out.toArray(String[]::new);
    }

    static int handle(Exception ex, PrintStream err, int verbosity) {
        if (ex instanceof UserError u) {
            err.print(ErrorFormatter.format(u));
            if (verbosity >= 3) ex.printStackTrace(err);
            return u.exitCode() == null ? ExitCode.PARSE_ERROR.code : u.exitCode().code;
        }
        err.println("ERROR! " + ex);
        if (verbosity >= 3) ex.printStackTrace(err);
        else err.println("  (run with -vvv for the stack trace)");
        return ExitCode.ERROR.code;
    }

    private static int verbosity(String[] args) {
        int v = 0;
        for (String a : args) {
            if (a.matches("-v+")) v += a.length() - 1;
            if (a.equals("--verbose")) v++;
        }
        return v;
    }

    /** The process streams and environment, passed to commands so tests can give their own. */
    record Streams(PrintStream out, PrintStream err, InputStream in, ProcessEnv env) {
        Streams(PrintStream out, PrintStream err, InputStream in) {
            this(out, err, in, ProcessEnv.system());
        }
    }

    @CommandLine.Command(name = "meshplay", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
            description = "Runs Ansible-style YAML playbooks over SSH with idempotent plan/apply modules.%n"
                    + "  meshplay PLAYBOOK -i INVENTORY [options]   (same as: meshplay run ...)",
            synopsisSubcommandLabel = "[run|inventory|doc|version|lab|config|vault]")
    static final class TopCommand implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** No playbook and no command: the usage, as a bad-options error. */
        @Override
        public Integer call() {
            spec.commandLine().getErr().println("ERROR! no playbook given");
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCode.BAD_OPTIONS.code;
        }
    }
}
