package meshplay.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import meshplay.cli.config.CommandLineSettings;
import meshplay.cli.config.EffectiveConfig;
import meshplay.cli.config.RunConfig;
import meshplay.cli.config.Setting;
import meshplay.cli.repl.StepControllers;
import meshplay.engine.Engine;
import meshplay.engine.connect.ConnectionOptions;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.exec.RunOptions;
import meshplay.engine.exec.play.PlaybookLister;
import meshplay.engine.exec.play.Runner;
import meshplay.engine.inventory.Inventory;
import meshplay.engine.inventory.InventoryLoader;
import meshplay.engine.model.Playbook;
import meshplay.engine.model.PlaybookLoader;
import meshplay.engine.module.ModuleRegistry;
import meshplay.engine.report.CheckSummaryReporter;
import meshplay.engine.report.ConsoleReporter;
import meshplay.engine.report.Event;
import meshplay.engine.report.EventBus;
import meshplay.engine.report.JsonReporter;
import meshplay.engine.report.Redactor;
import meshplay.engine.step.StepController;
import meshplay.engine.vars.ExtraVars;
import meshplay.engine.vault.Vault;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * `meshplay run PLAYBOOK` (also the default command): loads, then runs or lists the playbook. Options
 * left out come from the ANSIBLE_* environment, then ansible.cfg (see meshplay.cli.config).
 */
@CommandLine.Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Runs a playbook against an inventory.", sortOptions = false)
final class RunCommand implements Callable<Integer> {
    private final Main.Streams io;

    @Parameters(index = "0", paramLabel = "PLAYBOOK", description = "the playbook file")
    Path playbook;

    @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY",
            description = "inventory file, directory or comma-separated host list (repeatable); default: localhost only")
    List<String> inventories = new ArrayList<>();

    @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN", description = "further limit the hosts to this pattern")
    String limit;

    @Option(names = {"-t", "--tags"}, split = ",", paramLabel = "TAGS", description = "only run tasks with these tags")
    List<String> tags = new ArrayList<>();

    @Option(names = "--skip-tags", split = ",", paramLabel = "TAGS", description = "skip tasks with these tags")
    List<String> skipTags = new ArrayList<>();

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS",
            description = "extra variables: key=value, JSON/YAML {...}, or @file (repeatable; highest precedence)")
    List<String> extraVars = new ArrayList<>();

    @Option(names = {"-f", "--forks"}, defaultValue = "5", paramLabel = "N", description = "hosts run in parallel (default: ${DEFAULT-VALUE})")
    int forks;

    @Option(names = {"-C", "--check"}, description = "don't change anything; report what would change")
    boolean check;

    @Option(names = {"-D", "--diff"}, description = "show the differences of changed files and state")
    boolean diff;

    @Option(names = "--step", description = "pause before each task: show it, its hosts and arguments; run, skip, diff, edit, jump, redo or quit (h: help)")
    boolean step;

    @Option(names = "--debugger", description = "open the step prompt when a task fails (inspect, edit, redo)")
    boolean debugger;

    @Option(names = "--force-handlers", description = "run notified handlers even on hosts that failed")
    boolean forceHandlers;

    @Option(names = "--start-at-task", paramLabel = "NAME", description = "start the playbook at the task with this name")
    String startAtTask;

    @Option(names = "--list-tasks", description = "list the tasks that would run, then exit")
    boolean listTasks;

    @Option(names = "--list-hosts", description = "list the hosts of each play, then exit")
    boolean listHosts;

    @Option(names = "--list-tags", description = "list the tags of each play, then exit")
    boolean listTags;

    @Option(names = "--syntax-check", description = "load and check the playbook, then exit")
    boolean syntaxCheck;

    @Option(names = {"-v", "--verbose"}, description = "more output (-vvv: commands' details and stack traces)")
    boolean[] verbose = new boolean[0];

    @Option(names = "--json", description = "print one JSON object per event instead of the console output")
    boolean json;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "connect as this user (when the inventory names none)")
    String user;

    @Option(names = {"--private-key", "--key-file"}, paramLabel = "FILE", description = "the SSH private key (when the inventory names none)")
    Path privateKey;

    @Option(names = {"-k", "--ask-pass"}, description = "ask for the connection password")
    boolean askPass;

    @Option(names = {"-b", "--become"}, description = "run tasks with become (sudo)")
    boolean become;

    @Option(names = {"-K", "--ask-become-pass"}, description = "ask for the become password")
    boolean askBecomePass;

    @Option(names = "--become-user", paramLabel = "USER", description = "become this user (default root)")
    String becomeUser;

    @Option(names = "--become-method", paramLabel = "METHOD", description = "sudo (default) or su")
    String becomeMethod;

    @Option(names = {"-T", "--timeout"}, defaultValue = "10", paramLabel = "SECONDS", description = "connection timeout in seconds (default: ${DEFAULT-VALUE})")
    int timeout;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts file to verify host keys with (repeatable)")
    List<Path> knownHosts = new ArrayList<>();

    @Option(names = "--accept-new-host-keys", description = "record unknown host keys instead of refusing them (changed keys are still refused)")
    boolean acceptNewHostKeys;

    @Option(names = {"-c", "--connection"}, paramLabel = "TYPE", description = "connection type for hosts without ansible_connection: ssh, local")
    String connection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    VaultOptions vaultOptions = new VaultOptions();

    RunCommand(Main.Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        RunOptionChecks.check(this);
        EffectiveConfig config = EffectiveConfig.load(io.env(), CommandLineSettings.of(spec.commandLine().getParseResult(), io.env()));
        for (String notice : config.notices(verbose.length)) io.err().println("[NOTICE]: " + notice);
        for (String note : RunConfig.notes(config)) io.err().println("[NOTICE]: " + note);
        if (verbose.length >= 2) for (String line : config.dump(true)) io.err().println("config: " + line);
        askPass = config.bool(Setting.DEFAULT_ASK_PASS);
        askBecomePass = config.bool(Setting.DEFAULT_BECOME_ASK_PASS);
        json = json || RunConfig.jsonOutput(config);
        playbook = io.env().resolve(playbook.toString());
        Path passwordFile = config.path(Setting.DEFAULT_VAULT_PASSWORD_FILE);
        if (passwordFile != null) vaultOptions.configPasswordFile = passwordFile.toString();
        Vault vault = vaultOptions.vault(io, io.env().vars());
        try {
            return run(config, vault);
        } catch (UserError e) {
            throw VaultOptions.masked(e, vault);
        }
    }

    /** Loads and runs; everything printed goes through the redactor, which masks no_log values and vault secrets. */
    private int run(EffectiveConfig config, Vault vault) {
        Path playbookDir = playbook.getParent();
        Engine engine = new Engine(ModuleRegistry.load());
        PlaybookLoader loader = engine.loader(RunConfig.rolesPath(config), vault);
        Playbook pb = loader.load(playbook);
        // every reporter writes through the redactor: vault secrets and values set under no_log never reach the output
        Redactor secrets = new Redactor(vault.revealed());
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(secrets.wrap(io.out()), StandardCharsets.UTF_8), 1 << 14));
        if (syntaxCheck) {
            out.println();
            out.println("playbook: " + playbook);
            out.flush();
            return ExitCode.OK.code;
        }
        RunOptions options = options(vault);
        RunConfig.apply(config, options);
        List<String> inventoryWarnings = new ArrayList<>();
        Inventory inventory = InventoryLoader.load(RunConfig.inventories(config), playbookDir, vault, inventoryWarnings::add);
        if (listTasks || listHosts || listTags) {
            PlaybookLister lister = new PlaybookLister(pb, out);
            if (listHosts) lister.hosts(inventory, engine.templar(), options.extraVars, limit);
            if (listTasks) lister.tasks(options.tags, options.skipTags, engine.templar(), options.extraVars);
            if (listTags) lister.tags();
            return ExitCode.OK.code;
        }
        EventBus events = json ? new EventBus(secrets, new JsonReporter(out))
                : new EventBus(secrets, new ConsoleReporter(out, options.verbosity, ConsoleReporter.colorWanted()), new CheckSummaryReporter(out));
        for (String w : inventoryWarnings) events.on(new Event.Warning(w));
        StepController stepper = stepController();
        options.connectionOptions = options.connectionOptions.withWarnings(w -> events.on(new Event.Warning(w)));
        try {
            Engine.Job job = new Engine.Job(playbookDir, inventory, loader, options, events, stepper);
            Runner.Outcome outcome = Interrupts.guard(out, () -> engine.run(pb, job));
            return outcome.exitCode().code;
        } finally {
            events.close();
            StepControllers.close(stepper);
        }
    }

    /**
     * --step / --debugger: the step REPL, on the terminal (or a silent dumb terminal when stdin is piped,
     * so sessions can be scripted), or over the given streams when the caller is not the process.
     */
    private StepController stepController() {
        return StepControllers.open(step, debugger, io.in(), io.out());
    }

    private RunOptions options(Vault vault) {
        RunOptions o = new RunOptions();
        o.vault = vault;
        o.check = check;
        o.diff = diff;
        o.forks = forks;
        o.limit = limit;
        o.tags = new LinkedHashSet<>(tags);
        o.skipTags = new LinkedHashSet<>(skipTags);
        o.startAtTask = startAtTask;
        o.extraVars.putAll(ExtraVars.parseAll(extraVars, io.env().cwd(), vault));
        o.verbosity = verbose.length;
        o.remoteUser = user;
        o.connection = connection;
        o.become = become;
        o.becomeUser = becomeUser;
        o.becomeMethod = becomeMethod;
        o.debugger = debugger;
        o.forceHandlers = forceHandlers;
        String password = askPass ? Prompts.secret(io, "SSH password: ") : null;
        String becomePassword = askBecomePass ? Prompts.secret(io, "BECOME password" + (askPass ? "[defaults to SSH password]" : "") + ": ") : null;
        if (askBecomePass && askPass && (becomePassword == null || becomePassword.isEmpty())) becomePassword = password;
        o.connectionOptions = new ConnectionOptions(List.copyOf(knownHosts), acceptNewHostKeys, Duration.ofSeconds(timeout),
                password, becomePassword, null);
        return o;
    }
}
