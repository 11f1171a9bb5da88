package meshplay.engine.exec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import meshplay.engine.connect.ConnectionOptions;
import meshplay.engine.vault.Vault;

/** Run-wide settings from the command line, ansible.cfg and the environment. Mutable while the CLI fills it; read-only during a run. */
public final class RunOptions {
    public boolean check;
    public boolean diff;
    public int forks = 5;
    public String limit;
    public Set<String> tags = new LinkedHashSet<>();
    public Set<String> skipTags = new LinkedHashSet<>();
    public String startAtTask;
    /** -e values (YNode for trusted text, plain values from JSON), highest precedence. */
    public Map<String, Object> extraVars = new LinkedHashMap<>();
    public int verbosity;
    /** -u: the remote user when the inventory names none. */
    public String remoteUser;
    /** --private-key or ansible.cfg private_key_file: the SSH key when the host names none. */
    public Path privateKeyFile;
    /** ansible.cfg gathering: implicit (gather unless gather_facts: false), explicit (only when true), smart (once per host). */
    public String gathering = "implicit";
    /** -c: the connection type for every host without ansible_connection. */
    public String connection;
    /** -b and --become-user: defaults for tasks that do not set become themselves. */
    public boolean become;
    public String becomeUser;
    public String becomeMethod;
    /** --debugger: a failed task opens the step prompt (the task's debugger: keyword overrides it). */
    public boolean debugger;
    /** --force-handlers: notified handlers run even on hosts that failed (a play's force_handlers overrides it). */
    public boolean forceHandlers;
    /** ansible.cfg error_on_missing_handler: a change notifying a handler the play lacks stops the run (else a warning). */
    public boolean errorOnMissingHandler = true;
    public ConnectionOptions connectionOptions = ConnectionOptions.defaults();
    /** The vault passwords, for vault files that tasks load at run time and for copy/template sources. */
    public Vault vault = Vault.NONE;
}
