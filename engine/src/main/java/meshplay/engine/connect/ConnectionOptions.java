package meshplay.engine.connect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Run-wide transport settings: known_hosts files, whether unknown host keys may be recorded, connect
 * timeout, prompted passwords (the command line); the SSH settings of ansible.cfg and the environment
 * ({@code ssh}); where connections report warnings (such as a changed host key let through because
 * host key checking is off).
 */
public record ConnectionOptions(List<Path> knownHostsFiles, boolean acceptNewHostKeys, Duration connectTimeout,
                                String askedPassword, String askedBecomePassword, String keyPassphrase,
                                SshArgDefaults ssh, Consumer<String> warnings) {
    public ConnectionOptions {
        ssh = ssh == null ? SshArgDefaults.NONE : ssh;
        warnings = warnings == null ? w -> { } : warnings;
    }

    public ConnectionOptions(List<Path> knownHostsFiles, boolean acceptNewHostKeys, Duration connectTimeout,
                             String askedPassword, String askedBecomePassword, String keyPassphrase) {
        this(knownHostsFiles, acceptNewHostKeys, connectTimeout, askedPassword, askedBecomePassword, keyPassphrase, null, null);
    }

    public static ConnectionOptions defaults() {
        return new ConnectionOptions(List.of(), false, Duration.ofSeconds(10), null, null, null);
    }

    public ConnectionOptions withSsh(SshArgDefaults defaults) {
        return new ConnectionOptions(knownHostsFiles, acceptNewHostKeys, connectTimeout, askedPassword, askedBecomePassword,
                keyPassphrase, defaults, warnings);
    }

    public ConnectionOptions withWarnings(Consumer<String> sink) {
        return new ConnectionOptions(knownHostsFiles, acceptNewHostKeys, connectTimeout, askedPassword, askedBecomePassword,
                keyPassphrase, ssh, sink);
    }

    @Override
    public String toString() {
        return "ConnectionOptions[knownHosts=" + knownHostsFiles + ", acceptNew=" + acceptNewHostKeys
                + ", timeout=" + connectTimeout + "]";
    }
}
