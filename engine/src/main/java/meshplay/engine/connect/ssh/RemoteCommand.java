package meshplay.engine.connect.ssh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import meshplay.engine.connect.Become;
import meshplay.engine.connect.BecomeWrapper;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.lang.ShellQuote;

/**
 * Turns an {@link ExecRequest} into the one command string sent in the SSH exec request. argv are
 * shell-quoted and run directly by the login shell (no extra "sh -c"); a shell line runs under
 * /bin/sh -c. A command with a timeout runs under coreutils {@code timeout}, which puts it in its own
 * process group and kills that whole group, so nothing outlives the limit even though closing an SSH
 * channel does not kill a command started without a pty.
 */
final class RemoteCommand {
    /** The remote limit is a backstop: the client gives up first and signals the wrapper. */
    static final Duration BACKSTOP_GRACE = Duration.ofSeconds(1);
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private RemoteCommand() {
    }

    /** True when the command must switch user: become is asked for a user other than the login user. */
    static boolean escalates(Become become, String loginUser) {
        return become != null && !become.user().equals(loginUser);
    }

    static String build(ExecRequest r, String loginUser) {
        for (String name : r.env().keySet()) {
            if (!ENV_NAME.matcher(name).matches()) throw new IllegalArgumentException("invalid environment variable name: " + name);
        }
        Map<String, String> env = new TreeMap<>(r.env());
        List<String> inner = new ArrayList<>(r.shell() != null ? List.of("/bin/sh", "-c", r.shell()) : r.argv());
        if (r.timeout() != null) inner.addAll(0, timeoutPrefix(r.timeout()));
        Become become = r.become();
        if (!escalates(become, loginUser)) {
            StringBuilder b = new StringBuilder();
            if (r.chdir() != null) b.append("cd ").append(ShellQuote.quote(r.chdir())).append(" && ");
            b.append(assignments(env));
            b.append(ShellQuote.join(inner));
            return b.toString();
        }
        if ("su".equals(become.method())) {
            StringBuilder script = new StringBuilder();
            if (r.chdir() != null) script.append("cd ").append(ShellQuote.quote(r.chdir())).append(" && ");
            script.append(assignments(env)).append(ShellQuote.join(inner));
            return ShellQuote.join(BecomeWrapper.prefix(become)) + " " + ShellQuote.quote(script.toString());
        }
        // sudo resets the environment, so variables are set after it (env) and chdir inside it
        if (!env.isEmpty()) {
            List<String> withEnv = new ArrayList<>();
            withEnv.add("env");
            env.forEach((k, v) -> withEnv.add(k + "=" + v));
            withEnv.addAll(inner);
            inner = withEnv;
        }
        if (r.chdir() != null) {
            inner = List.of("/bin/sh", "-c", "cd " + ShellQuote.quote(r.chdir()) + " && exec " + ShellQuote.join(inner));
        }
        return ShellQuote.join(BecomeWrapper.prefix(become)) + " " + ShellQuote.join(inner);
    }

    static List<String> timeoutPrefix(Duration timeout) {
        double seconds = timeout.plus(BACKSTOP_GRACE).toMillis() / 1000.0;
        return List.of("timeout", "-k", "2", String.format(Locale.ROOT, "%.3f", seconds));
    }

    private static String assignments(Map<String, String> env) {
        StringBuilder b = new StringBuilder();
        env.forEach((k, v) -> b.append(k).append('=').append(ShellQuote.quote(v)).append(' '));
        return b.toString();
    }
}
