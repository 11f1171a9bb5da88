package meshplay.cli.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import meshplay.engine.connect.ConnectionOptions;
import meshplay.engine.connect.SshArgDefaults;
import meshplay.engine.connect.SshArgs;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.exec.RunOptions;
import meshplay.engine.yaml.Origin;

/**
 * Puts the effective settings into a run's options: forks, remote user, private key, timeout, SSH
 * handshakes at once, become defaults, force_handlers, fact gathering, connection type, vault password file and the SSH host key settings.
 * The command line has already won inside {@link EffectiveConfig}; what the command line alone can set
 * (check, diff, tags, ...) is left as it is.
 */
public final class RunConfig {
    private RunConfig() {
    }

    public static void apply(EffectiveConfig c, RunOptions o) {
        o.forks = atLeastOne(c, Setting.DEFAULT_FORKS, "forks", "set forks to the number of hosts to run at once");
        o.remoteUser = c.string(Setting.DEFAULT_REMOTE_USER);
        o.privateKeyFile = c.path(Setting.DEFAULT_PRIVATE_KEY_FILE);
        o.become = c.bool(Setting.DEFAULT_BECOME);
        if (c.isSet(Setting.DEFAULT_BECOME_USER)) o.becomeUser = c.string(Setting.DEFAULT_BECOME_USER);
        if (c.isSet(Setting.DEFAULT_BECOME_METHOD)) o.becomeMethod = c.string(Setting.DEFAULT_BECOME_METHOD);
        o.forceHandlers = c.bool(Setting.DEFAULT_FORCE_HANDLERS);
        o.errorOnMissingHandler = c.bool(Setting.ERROR_ON_MISSING_HANDLER);
        o.gathering = c.string(Setting.DEFAULT_GATHERING);
        String transport = c.string(Setting.DEFAULT_TRANSPORT);
        o.connection = transport == null || transport.equals("smart") ? null : transport;
        ConnectionOptions co = o.connectionOptions;
        Boolean checking = c.isSet(Setting.HOST_KEY_CHECKING) ? c.bool(Setting.HOST_KEY_CHECKING) : null;
        o.connectionOptions = new ConnectionOptions(co.knownHostsFiles(), co.acceptNewHostKeys(),
                Duration.ofSeconds(c.integer(Setting.DEFAULT_TIMEOUT)), co.askedPassword(), co.askedBecomePassword(), co.keyPassphrase(),
                new SshArgDefaults(checking, c.string(Setting.SSH_ARGS), c.string(Setting.SSH_COMMON_ARGS), c.string(Setting.SSH_EXTRA_ARGS)),
                co.warnings(), atLeastOne(c, Setting.MESHPLAY_SSH_HANDSHAKES, "handshakes",
                        "set it to the number of SSH logins to run at once, or leave it out for the default ("
                                + ConnectionOptions.defaultHandshakes() + " here)"));
    }

    /** A whole-number setting that must be at least 1; a smaller one is an error naming where it was set (exit 5). */
    private static int atLeastOne(EffectiveConfig c, Setting s, String name, String hint) {
        int n = c.integer(s);
        if (n < 1) throw new UserError(Origin.of(c.value(s).origin()), name + " must be at least 1, not " + n, hint, ExitCode.BAD_OPTIONS);
        return n;
    }

    /** The inventory sources: the command line's, else ansible.cfg's or ANSIBLE_INVENTORY's, else /etc/ansible/hosts if it exists. */
    public static List<String> inventories(EffectiveConfig c) {
        return c.strings(Setting.DEFAULT_HOST_LIST);
    }

    /** The roles path, for the playbook loader. */
    public static List<Path> rolesPath(EffectiveConfig c) {
        List<Path> out = new ArrayList<>();
        for (String p : c.strings(Setting.DEFAULT_ROLES_PATH)) out.add(Path.of(p));
        return out;
    }

    /** Whether results are printed as JSON events (stdout_callback=json). */
    public static boolean jsonOutput(EffectiveConfig c) {
        return "json".equals(c.string(Setting.DEFAULT_STDOUT_CALLBACK));
    }

    /** Notes about settings meshplay reads but carries out in its own way. */
    public static List<String> notes(EffectiveConfig c) {
        List<String> out = new ArrayList<>();
        if ("yaml".equals(c.string(Setting.DEFAULT_STDOUT_CALLBACK))) {
            out.add("stdout_callback=yaml (" + c.value(Setting.DEFAULT_STDOUT_CALLBACK).origin()
                    + "): results are shown in meshplay's default format (-v shows each result)");
        }
        for (Setting s : List.of(Setting.SSH_ARGS, Setting.SSH_COMMON_ARGS, Setting.SSH_EXTRA_ARGS)) {
            String text = c.string(s);
            if (text == null || text.isBlank()) continue;
            List<String> unused;
            try {
                unused = SshArgs.unused(text);
            } catch (IllegalArgumentException e) {
                throw new UserError(Origin.of(c.value(s).origin()), s.name() + ": " + e.getMessage(), "close the quote", ExitCode.BAD_OPTIONS);
            }
            if (!unused.isEmpty()) {
                out.add(s.keys.get(0).key() + " (" + c.value(s).origin() + "): only -o UserKnownHostsFile and -o StrictHostKeyChecking are used;"
                        + " ignored: " + String.join(", ", unused));
            }
        }
        return out;
    }
}
