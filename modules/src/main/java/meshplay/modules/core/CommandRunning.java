package meshplay.modules.core;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.lang.ShellQuote;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.Change;
import meshplay.engine.module.BaseModule;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.module.Plan;
import meshplay.engine.module.PlanKind;

/**
 * What command and shell share: creates/removes guards, chdir, stdin, and Ansible's result shape
 * (rc, stdout, stderr, *_lines, start, end, delta; "non-zero return code" on failure).
 *
 * @param <A> the module's arguments, which hold the shared ones as a {@link Guards} component
 */
abstract class CommandRunning<A extends Record> extends BaseModule<A> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /** The arguments both modules accept (see {@link #commonArgs}). */
    record Guards(String creates, String removes, String chdir, String stdin, boolean stdinAddNewline, boolean stripEmptyEnds) {
    }

    CommandRunning(String name, ArgSpec spec, Class<A> argsType) {
        super(name, spec, argsType);
    }

    /** The shared arguments of the task. */
    protected abstract Guards guards(A args);

    /** The request for the command line the task gave (without chdir/stdin). */
    protected abstract ExecRequest request(A args) throws ModuleFailure;

    /** The "cmd" value of the result: argv list for command, the line for shell. */
    protected abstract Object reportedCommand(A args) throws ModuleFailure;

    /** How the change is summarised: "run: ls -l". */
    protected abstract String display(A args) throws ModuleFailure;

    /** The arguments both modules accept, after the module's own. */
    protected static ArgSpec.Builder commonArgs(ArgSpec.Builder b) {
        return b.add(ArgSpec.arg("creates", ArgType.PATH).doc("a path or glob (* ?); when it exists the command is not run"))
                .add(ArgSpec.arg("removes", ArgType.PATH).doc("a path or glob (* ?); when it does not exist the command is not run"))
                .add(ArgSpec.arg("chdir", ArgType.PATH).doc("directory to run the command in"))
                .add(ArgSpec.arg("stdin", ArgType.STR).noLog().doc("text given to the command on standard input"))
                .add(ArgSpec.arg("stdin_add_newline", ArgType.BOOL).defaultValue(true).doc("append a newline to stdin"))
                .add(ArgSpec.arg("strip_empty_ends", ArgType.BOOL).defaultValue(true).doc("strip trailing newlines from stdout and stderr"));
    }

    @Override
    public PlanKind kind() {
        return PlanKind.RUN_TO_PREDICT;
    }

    @Override
    protected Plan plan(ModuleContext ctx, A args) throws Exception {
        Guards guards = guards(args);
        String chdir = guards.chdir();
        Object cmd = reportedCommand(args);
        String creates = guards.creates();
        if (creates != null && exists(ctx, relativeTo(chdir, creates))) {
            return skipped(cmd, "skipped, since " + creates + " exists", "Did not run command since '" + creates + "' exists");
        }
        String removes = guards.removes();
        if (removes != null && !exists(ctx, relativeTo(chdir, removes))) {
            return skipped(cmd, "skipped, since " + removes + " does not exist", "Did not run command since '" + removes + "' does not exist");
        }
        ExecRequest request = request(args);
        if (chdir != null) request = request.withChdir(chdir);
        if (guards.stdin() != null) request = request.withStdin(guards.stdin() + (guards.stdinAddNewline() ? "\n" : ""));
        ExecRequest toRun = request;
        boolean strip = guards.stripEmptyEnds();
        Change change = new Change("run: " + display(args), null, (c, result) -> run(c, toRun, cmd, strip, result));
        return Plan.of(List.of(change), Map.of("cmd", cmd));
    }

    private static void run(ModuleContext ctx, ExecRequest request, Object cmd, boolean strip, ModuleResult.Builder result) throws Exception {
        LocalDateTime start = LocalDateTime.now();
        long t0 = System.nanoTime();
        ExecResult r = ctx.run(request);
        long nanos = System.nanoTime() - t0;
        LocalDateTime end = LocalDateTime.now();
        String out = strip ? stripEnds(r.stdout()) : r.stdout();
        String err = strip ? stripEnds(r.stderr()) : r.stderr();
        result.put("cmd", cmd).put("rc", r.rc()).put("stdout", out).put("stderr", err)
                .put("stdout_lines", lines(out)).put("stderr_lines", lines(err))
                .put("start", start.format(TIME)).put("end", end.format(TIME)).put("delta", delta(Duration.ofNanos(nanos)));
        if (r.timedOut()) result.failed("command timed out");
        else if (r.rc() != 0) result.failed("non-zero return code");
    }

    private static Plan skipped(Object cmd, String stdout, String msg) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cmd", cmd);
        data.put("rc", 0);
        data.put("stdout", stdout);
        data.put("stdout_lines", List.of(stdout));
        data.put("stderr", "");
        data.put("stderr_lines", List.of());
        data.put("msg", msg);
        return Plan.noChange(data).withNote(stdout);
    }

    /** Whether a path exists; a path with * or ? is a glob, expanded by the target's shell. */
    private static boolean exists(ModuleContext ctx, String path) throws Exception {
        if (path.indexOf('*') < 0 && path.indexOf('?') < 0) return ctx.connection().files().stat(path, true) != null;
        StringBuilder glob = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) glob.append(ShellQuote.quote(literal.toString()));
                literal.setLength(0);
                glob.append(c);
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) glob.append(ShellQuote.quote(literal.toString()));
        return ctx.run(ExecRequest.shell("for f in " + glob + "; do [ -e \"$f\" ] && exit 0; done; exit 1")).rc() == 0;
    }

    static String relativeTo(String chdir, String path) {
        if (path.startsWith("/") || chdir == null) return path;
        return chdir.endsWith("/") ? chdir + path : chdir + "/" + path;
    }

    private static String stripEnds(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) end--;
        return s.substring(0, end);
    }

    private static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\r?\n", -1));
    }

    /** Python's timedelta text: "0:00:00.003014". */
    static String delta(Duration d) {
        long micros = d.toNanos() / 1000;
        long secs = micros / 1_000_000;
        // by hand: String.format parses its pattern at every call, and this runs for every command
        return (secs / 3600) + ":" + twoDigits((secs / 60) % 60) + ":" + twoDigits(secs % 60) + "." + sixDigits(micros % 1_000_000);
    }

    private static String twoDigits(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }

    private static String sixDigits(long n) {
        String s = Long.toString(n);
        return "000000".substring(s.length()) + s;
    }
}
