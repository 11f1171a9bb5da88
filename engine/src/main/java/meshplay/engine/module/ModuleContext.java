package meshplay.engine.module;

import java.util.Map;
import meshplay.engine.connect.Become;
import meshplay.engine.connect.Connection;
import meshplay.engine.connect.ExecRequest;
import meshplay.engine.connect.ExecResult;
import meshplay.engine.yaml.Origin;

/**
 * Everything a module may use for one host and one task: validated arguments, the host's connection,
 * the run mode, and read access to variables. Modules never see engine internals.
 */
public interface ModuleContext {
    /** Validated, coerced arguments. */
    Args args();

    /** The connection to the target host (already honours delegate_to). */
    Connection connection();

    /** Inventory name of the host the task runs for. */
    String host();

    boolean checkMode();

    boolean diffMode();

    /** The task's origin (file:line:col), for error messages. */
    Origin origin();

    /** become settings of the task, or null. Modules pass it to exec when they run commands. */
    Become become();

    /** The task's environment keyword, applied to commands. */
    Map<String, String> environment();

    /** Variables visible to the task for this host (read-only view). */
    Map<String, Object> vars();

    /**
     * Evaluates an expression written in the playbook (assert's `that`, debug's `var`). Unsafe text (see
     * {@link meshplay.engine.yaml.Unsafe}: it came from a host) is refused with Ansible's message.
     */
    Object evaluate(String expression);

    /**
     * Renders a template text (a template module's source file) against the task's variables.
     * Only controller-side files named in the playbook are rendered, never data from hosts.
     */
    String renderTemplate(String text);

    /**
     * Finds a controller-side file named by a task (copy src, template src): an absolute path as is;
     * a relative one under the role's or playbook's {@code kind} directory ("files", "templates"),
     * then beside the playbook. Throws ModuleFailure naming the places searched when not found.
     */
    java.nio.file.Path controllerFile(String relative, String kind) throws ModuleFailure;

    /**
     * The bytes of a controller file found with {@link #controllerFile}; when {@code decrypt}, a
     * vault-encrypted file is decrypted with the run's vault passwords (copy's decrypt, template).
     */
    default byte[] readControllerFile(java.nio.file.Path file, boolean decrypt) throws Exception {
        return java.nio.file.Files.readAllBytes(file);
    }

    /** Runs a command with the task's become and environment applied; a helper for modules. */
    default ExecResult run(ExecRequest request) throws Exception {
        ExecRequest r = request;
        if (r.become() == null && become() != null) r = r.withBecome(become());
        if (!environment().isEmpty()) {
            java.util.Map<String, String> env = new java.util.LinkedHashMap<>(environment());
            env.putAll(r.env());
            r = r.withEnv(env);
        }
        return connection().exec(r);
    }

    /** Runs argv and fails the task with its stderr when it exits non-zero. */
    default ExecResult runChecked(String... argv) throws Exception {
        ExecResult r = run(ExecRequest.argv(argv));
        if (!r.ok()) {
            throw new ModuleFailure(String.join(" ", argv) + " failed (rc=" + r.rc() + "): " + r.stderr().strip(),
                    Map.of("rc", r.rc(), "stdout", r.stdout(), "stderr", r.stderr()));
        }
        return r;
    }
}
