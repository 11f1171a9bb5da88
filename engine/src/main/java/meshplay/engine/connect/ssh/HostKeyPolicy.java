package meshplay.engine.connect.ssh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import meshplay.engine.connect.ConnectionOptions;
import meshplay.engine.connect.HostAddress;
import meshplay.engine.connect.SshArgs;
import meshplay.engine.connect.SshArgDefaults;

/**
 * How one host's key is checked, and against which known_hosts files, as Ansible's ssh connection
 * would tell ssh. The ssh arguments are read in Ansible's order, first value winning as in ssh:
 * ssh_args (ansible_ssh_args, else ansible.cfg/environment), then {@code -o StrictHostKeyChecking=no}
 * when host key checking is off (ansible_host_key_checking / ansible_ssh_host_key_checking, else
 * ansible.cfg/environment), then ssh_common_args, then ssh_extra_args (the host variable, else
 * ansible.cfg/environment). With no StrictHostKeyChecking anywhere, --accept-new-host-keys gives
 * accept-new, and the default is strict. UserKnownHostsFile (whitespace-separated files, ~ is the home,
 * {@code none} for no file) replaces ~/.ssh/known_hosts; --known-hosts files are checked first.
 */
record HostKeyPolicy(Mode mode, List<Path> knownHostsFiles, String reason) {
    /** OpenSSH's StrictHostKeyChecking values. */
    enum Mode {
        /** yes (and ask, which cannot ask here): only known keys. */
        STRICT,
        /** accept-new: unknown keys are recorded, changed keys refused. */
        ACCEPT_NEW,
        /** no/off: unknown keys are recorded; a changed key is let through with a warning, without password login. */
        OFF
    }

    static final Path NO_FILE = Path.of("/dev/null");

    static HostKeyPolicy of(HostAddress address, ConnectionOptions options, SshEnvironment env) {
        SshArgDefaults d = options.ssh();
        Boolean checking = bool(address, "ansible_host_key_checking");
        if (checking == null) checking = bool(address, "ansible_ssh_host_key_checking");
        if (checking == null) checking = d.hostKeyChecking();
        List<String> texts = new ArrayList<>();
        texts.add(text(address, "ansible_ssh_args", d.sshArgs()));
        if (Boolean.FALSE.equals(checking)) texts.add("-o StrictHostKeyChecking=no");
        texts.add(text(address, "ansible_ssh_common_args", d.commonArgs()));
        texts.add(text(address, "ansible_ssh_extra_args", d.extraArgs()));
        SshArgs args = SshArgs.parse(texts);

        String strict = args.option("StrictHostKeyChecking");
        Mode mode;
        String reason;
        if (strict != null) {
            mode = mode(strict, address);
            reason = "StrictHostKeyChecking=" + strict + (Boolean.FALSE.equals(checking) && "no".equals(strict) ? " (host_key_checking is off)" : "");
        } else {
            mode = options.acceptNewHostKeys() ? Mode.ACCEPT_NEW : Mode.STRICT;
            reason = options.acceptNewHostKeys() ? "--accept-new-host-keys" : "strict by default";
        }
        Set<Path> files = new LinkedHashSet<>(options.knownHostsFiles() == null ? List.of() : options.knownHostsFiles());
        String user = args.option("UserKnownHostsFile");
        if (user == null) {
            files.add(env.knownHosts());
        } else if (!user.equalsIgnoreCase("none")) {
            for (String f : user.trim().split("\\s+")) files.add(expand(f, env));
        }
        if (files.isEmpty()) files.add(NO_FILE);
        return new HostKeyPolicy(mode, List.copyOf(files), reason);
    }

    private static Mode mode(String value, HostAddress address) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "ask" -> Mode.STRICT;
            case "accept-new" -> Mode.ACCEPT_NEW;
            case "no", "off", "false" -> Mode.OFF;
            default -> throw new IllegalArgumentException("StrictHostKeyChecking=" + value + " for " + address.inventoryName()
                    + " is not one of yes, accept-new, no, off, ask");
        };
    }

    /** "~/" is the home (the parent of the ssh directory, so tests can use their own); relative is from the working directory. */
    private static Path expand(String file, SshEnvironment env) {
        if (file.startsWith("~/")) {
            Path home = env.sshDir().getParent() != null ? env.sshDir().getParent() : Path.of(System.getProperty("user.home"));
            return home.resolve(file.substring(2));
        }
        return Path.of(file).toAbsolutePath().normalize();
    }

    private static String text(HostAddress address, String var, String fallback) {
        Object v = address.vars().get(var);
        if (v == null) return fallback;
        return String.valueOf(v);
    }

    /** The connector hands boolean host variables over as Boolean (it owns the truthiness rules). */
    private static Boolean bool(HostAddress address, String var) {
        Object v = address.vars().get(var);
        if (v == null || v instanceof Boolean) return (Boolean) v;
        throw new IllegalArgumentException(var + " of " + address.inventoryName() + " must be true or false, not '" + v + "'");
    }
}
