package meshplay.cli.repl;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import meshplay.engine.result.TaskResult;
import meshplay.engine.step.SecretNames;
import meshplay.engine.step.StepController;
import meshplay.engine.step.StepDecision;
import meshplay.engine.step.StepPoint;

/**
 * The interactive step prompt (--step) and debugger (--debugger, debugger: keyword). Before each task
 * it shows the task, its origin, hosts and rendered arguments and reads commands until one decides
 * (run, skip, continue, diff, jump, redo, quit); after a failed task the debugger shows the results
 * and offers retry (redo), continue and quit. No secret or no_log value is ever printed.
 */
public final class StepRepl implements StepController, AutoCloseable {
    private static final String STEP_PROMPT = "step> ";
    private static final String DEBUG_PROMPT = "debug> ";

    private final ReplTerminal terminal;
    private final ReplCompleter completer;
    private final PrintWriter out;
    private boolean asking;

    StepRepl(ReplTerminal terminal, ReplCompleter completer, boolean stepping) {
        this.terminal = terminal;
        this.completer = completer;
        this.out = terminal.out();
        this.asking = stepping;
    }

    @Override
    public StepDecision beforeTask(StepPoint point) {
        if (!asking) return StepDecision.RUN;
        completer.at(point, false);
        out.println();
        out.print(TaskView.header(point));
        out.println("  (y run, n skip, c continue, d diff, h help)");
        out.flush();
        while (true) {
            String line = terminal.readLine(STEP_PROMPT, typed -> shown(point, typed));
            if (line == null) return quit();
            ReplCommand.Parsed cmd = ReplCommand.parse(line);
            if (cmd.word().isEmpty()) continue;
            StepDecision d = stepCommand(point, cmd);
            out.flush();
            if (d != null) return d;
        }
    }

    private StepDecision stepCommand(StepPoint point, ReplCommand.Parsed cmd) {
        if (cmd.command() == null) {
            unknown(cmd, false);
            return null;
        }
        switch (cmd.command()) {
            case RUN: return StepDecision.RUN;
            case SKIP: return StepDecision.SKIP;
            case CONTINUE:
                asking = false;
                return StepDecision.CONTINUE;
            case DIFF: return StepDecision.PREVIEW;
            case QUIT: return quit();
            case JUMP: return jump(point, cmd.rest());
            case REDO:
                if (point.previousTask() == null) {
                    out.println("nothing has run yet: there is no previous task to redo");
                    return null;
                }
                out.println("redo: TASK [" + point.previousTask().displayName() + "]");
                return StepDecision.REDO_PREVIOUS;
            default:
                shared(point, cmd, false);
                return null;
        }
    }

    @Override
    public void previewed(StepPoint point, Map<String, TaskResult> results) {
        out.println("PREVIEW (check mode, nothing was changed):");
        out.print(TaskView.results(point, results, true));
        out.flush();
    }

    @Override
    public AfterStep debug(StepPoint point, Map<String, TaskResult> results) {
        completer.at(point, true);
        out.println();
        out.println("DEBUGGER TASK [" + point.task().displayName() + "] at " + TaskView.where(point.origin()));
        out.print(TaskView.results(point, results, false));
        out.println("  (redo retries the task after args/set edits, c continues, q quits, h help)");
        out.flush();
        while (true) {
            String line = terminal.readLine(DEBUG_PROMPT, typed -> shown(point, typed));
            if (line == null) {
                quit();
                return AfterStep.QUIT;
            }
            ReplCommand.Parsed cmd = ReplCommand.parse(line);
            if (cmd.word().isEmpty()) continue;
            if (cmd.command() == null || !cmd.command().inDebugger) {
                unknown(cmd, true);
                out.flush();
                continue;
            }
            switch (cmd.command()) {
                case CONTINUE: return AfterStep.NEXT;
                case REDO:
                    out.println("retrying TASK [" + point.task().displayName() + "]");
                    out.flush();
                    return AfterStep.REDO;
                case QUIT:
                    quit();
                    return AfterStep.QUIT;
                default:
                    shared(point, cmd, true);
                    out.flush();
            }
        }
    }

    /** Commands that inspect or edit and then ask again: the same in step mode and in the debugger. */
    private void shared(StepPoint point, ReplCommand.Parsed cmd, boolean debugger) {
        switch (cmd.command()) {
            case PRINT -> print(point, cmd.rest());
            case VARS -> vars(point, cmd.rest());
            case SET -> set(point, cmd.rest());
            case ARGS -> args(point, cmd.rest());
            case LIST -> out.print(TaskView.list(point));
            case HELP -> out.print(ReplCommand.help(debugger));
            default -> unknown(cmd, debugger);
        }
    }

    private StepDecision quit() {
        out.println("quit: the run ends here");
        out.flush();
        asking = false;
        return StepDecision.QUIT;
    }

    private StepDecision jump(StepPoint point, String arg) {
        int n;
        try {
            n = Integer.parseInt(arg.strip());
        } catch (NumberFormatException e) {
            out.println("jump N: N is a task number from `list`");
            return null;
        }
        int size = point.taskList().size();
        if (point.number() == 0) {
            out.println("jump works from the play's own tasks (this one was included or is a handler)");
        } else if (n <= point.number()) {
            out.println("jump only goes forward: task " + n + " is not after this one (" + point.number() + "); use redo to run the previous task again");
        } else if (n > size) {
            out.println("there is no task " + n + " (the play has " + size + ")");
        } else {
            out.println("jump: skipping to task " + n + " [" + point.taskList().get(n - 1).displayName() + "]");
            return StepDecision.jump(n);
        }
        return null;
    }

    private void print(StepPoint point, String expression) {
        if (expression.isBlank()) {
            out.println("p EXPR: an expression or a variable name, e.g. p ansible_hostname or p result.rc == 0");
            return;
        }
        for (String host : point.hosts()) {
            Secrets secrets = Secrets.of(point, host);
            List<String> secret = secrets.mentionedIn(expression);
            String value;
            if (!secret.isEmpty()) {
                value = "(hidden: " + String.join(", ", secret) + " is secret: a password or set by a no_log task)";
            } else {
                try {
                    value = secrets.mask(ValueText.show(point.evaluate(host, expression)));
                } catch (RuntimeException e) {
                    value = "error: " + secrets.mask(String.valueOf(e.getMessage()));
                }
            }
            out.println("  " + host + ": " + value);
        }
    }

    private void vars(StepPoint point, String hostArg) {
        String host = hostArg.isBlank() ? point.hosts().get(0) : hostArg.strip();
        Map<String, Object> vars;
        try {
            vars = new TreeMap<>(point.vars(host));
        } catch (RuntimeException e) {
            out.println("no variables for '" + host + "': " + e.getMessage());
            return;
        }
        Secrets secrets = Secrets.of(point, host);
        out.println("variables of " + host + " (" + vars.size() + "):");
        for (String name : vars.keySet()) {
            out.println("  " + name + " = " + ValueText.brief(varText(point, host, name, secrets), 100));
        }
    }

    private static String varText(StepPoint point, String host, String name, Secrets secrets) {
        if (secrets.isSecret(name)) return Secrets.MASK;
        if (name.equals("hostvars")) return "(every host's variables: p hostvars['HOST'].NAME)";
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) return ValueText.show(point.vars(host).get(name));
        try {
            return secrets.mask(ValueText.show(point.evaluate(host, name)));
        } catch (RuntimeException e) {
            return "(does not render: " + e.getMessage() + ")";
        }
    }

    private void set(StepPoint point, String text) {
        String[] kv = ValueText.assignment(text);
        String bare = text.strip();
        if (kv == null && bare.matches("[A-Za-z_][A-Za-z0-9_]*") && isSecretName(point, bare)) {
            // a secret typed where no one sees it: set NAME, then the value at a hidden prompt
            String typed = terminal.readHidden("value of " + bare + " (hidden): ");
            if (typed == null) return;
            kv = new String[]{bare, typed};
        }
        if (kv == null || !kv[0].matches("[A-Za-z_][A-Za-z0-9_]*")) {
            out.println("set VAR=VALUE: a variable name, '=', and a value (true, 3, [1,2], {\"k\": 1} or text);"
                    + " set VAR alone asks for a secret's value without showing it");
            return;
        }
        Object value = ValueText.parse(kv[1]);
        point.setVar(kv[0], value);
        String shown = isSecretName(point, kv[0]) ? Secrets.MASK + " (secret: not shown, not kept in the history)" : ValueText.show(value);
        out.println("  " + kv[0] + " = " + shown + "  (every host, for the rest of the run)");
    }

    /** A name whose value the prompt never shows: it looks secret, or it is secret on one of the task's hosts. */
    private static boolean isSecretName(StepPoint point, String name) {
        if (SecretNames.looksSecret(name)) return true;
        for (String host : point.hosts()) if (Secrets.of(point, host).isSecret(name)) return true;
        return false;
    }

    /**
     * What a typed line may show (echo, history): itself, or with the value masked when it assigns a
     * secret name (set/args NAME=VALUE) or holds the value of a secret variable.
     */
    private String shown(StepPoint point, String line) {
        ReplCommand.Parsed cmd = ReplCommand.parse(line);
        if (cmd.command() == ReplCommand.SET || cmd.command() == ReplCommand.ARGS) {
            String[] kv = ValueText.assignment(cmd.rest());
            if (kv != null && isSecretName(point, kv[0].strip())) return cmd.word() + " " + kv[0].strip() + "=" + Secrets.MASK;
        }
        String masked = line;
        for (String host : point.hosts()) masked = Secrets.of(point, host).mask(masked);
        return masked;
    }

    private void args(StepPoint point, String text) {
        if (!text.isBlank()) {
            String[] kv = ValueText.assignment(text);
            if (kv == null || kv[0].isEmpty()) {
                out.println("args KEY=VALUE: an argument name of the task's module, '=', and a value");
                return;
            }
            point.setArg(kv[0], ValueText.argument(kv[1]));
        }
        out.print(TaskView.args(point));
    }

    private void unknown(ReplCommand.Parsed cmd, boolean debugger) {
        if (cmd.command() != null) out.println("'" + cmd.word() + "' is not available in the debugger");
        else out.println("unknown command '" + cmd.word() + "'");
        out.print(ReplCommand.help(debugger));
    }

    @Override
    public void close() {
        terminal.close();
    }

}
