package meshplay.engine.connect;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One command. Either {@code argv} (quoted for the remote shell by the connection) or {@code shell}
 * (a line for /bin/sh -c) is set. {@code timeout} null means no limit. {@code become} null means run
 * as the connecting user.
 */
public record ExecRequest(List<String> argv, String shell, byte[] stdin, Map<String, String> env,
                          String chdir, Duration timeout, Become become) {

    public ExecRequest {
        argv = argv == null ? null : List.copyOf(argv);
        env = env == null ? Map.of() : Map.copyOf(env);
        if ((argv == null) == (shell == null)) {
            throw new IllegalArgumentException("exactly one of argv or shell must be given");
        }
    }

    public static ExecRequest argv(String... argv) {
        return new ExecRequest(List.of(argv), null, null, null, null, null, null);
    }

    public static ExecRequest argv(List<String> argv) {
        return new ExecRequest(argv, null, null, null, null, null, null);
    }

    public static ExecRequest shell(String line) {
        return new ExecRequest(null, line, null, null, null, null, null);
    }

    public ExecRequest withStdin(String text) {
        return new ExecRequest(argv, shell, text == null ? null : text.getBytes(StandardCharsets.UTF_8), env, chdir, timeout, become);
    }

    public ExecRequest withStdin(byte[] data) {
        return new ExecRequest(argv, shell, data, env, chdir, timeout, become);
    }

    public ExecRequest withEnv(Map<String, String> newEnv) {
        return new ExecRequest(argv, shell, stdin, newEnv, chdir, timeout, become);
    }

    public ExecRequest withChdir(String dir) {
        return new ExecRequest(argv, shell, stdin, env, dir, timeout, become);
    }

    public ExecRequest withTimeout(Duration t) {
        return new ExecRequest(argv, shell, stdin, env, chdir, t, become);
    }

    public ExecRequest withBecome(Become b) {
        return new ExecRequest(argv, shell, stdin, env, chdir, timeout, b);
    }

    /** A one-line description for logs and errors (never includes stdin, which may hold secrets). */
    public String describe() {
        return shell != null ? shell : String.join(" ", argv);
    }
}
