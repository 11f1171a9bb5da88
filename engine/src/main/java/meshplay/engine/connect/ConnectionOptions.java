package meshplay.engine.connect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Run-wide transport settings: known_hosts files, whether unknown host keys may be recorded, connect
 * timeout, prompted passwords (the command line); the SSH settings of ansible.cfg and the environment
 * ({@code ssh}); where connections report warnings (such as a changed host key let through because
 * host key checking is off); how many SSH handshakes (TCP connect, key exchange, authentication) may
 * be in flight at once in the run, whatever the forks ({@code handshakes}; 0 means
 * {@link #defaultHandshakes()}).
 */
public record ConnectionOptions(List<Path> knownHostsFiles, boolean acceptNewHostKeys, Duration connectTimeout,
                                String askedPassword, String askedBecomePassword, String keyPassphrase,
                                SshArgDefaults ssh, Consumer<String> warnings, int handshakes) {
    /** The fewest handshakes at once by default: a small machine still logs in to several hosts at a time. */
    static final int MIN_DEFAULT_HANDSHAKES = 8;

    public ConnectionOptions {
        ssh = ssh == null ? SshArgDefaults.NONE : ssh;
        warnings = warnings == null ? w -> { } : warnings;
        if (handshakes < 0) throw new IllegalArgumentException("handshakes must be at least 1, not " + handshakes);
        handshakes = handshakes == 0 ? defaultHandshakes() : handshakes;
    }

    public ConnectionOptions(List<Path> knownHostsFiles, boolean acceptNewHostKeys, Duration connectTimeout,
                             String askedPassword, String askedBecomePassword, String keyPassphrase,
                             SshArgDefaults ssh, Consumer<String> warnings) {
        this(knownHostsFiles, acceptNewHostKeys, connectTimeout, askedPassword, askedBecomePassword, keyPassphrase, ssh, warnings, 0);
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
                keyPassphrase, defaults, warnings, handshakes);
    }

    public ConnectionOptions withWarnings(Consumer<String> sink) {
        return new ConnectionOptions(knownHostsFiles, acceptNewHostKeys, connectTimeout, askedPassword, askedBecomePassword,
                keyPassphrase, ssh, sink, handshakes);
    }

    /** The same options with at most {@code n} handshakes at once (0: the default). */
    public ConnectionOptions withHandshakes(int n) {
        return new ConnectionOptions(knownHostsFiles, acceptNewHostKeys, connectTimeout, askedPassword, askedBecomePassword,
                keyPassphrase, ssh, warnings, n);
    }

    /**
     * Handshakes at once by default: twice the processors, at least {@value #MIN_DEFAULT_HANDSHAKES}. Key
     * exchange and authentication cost CPU on both ends; more at once only makes each one slower.
     */
    public static int defaultHandshakes() {
        return Math.max(MIN_DEFAULT_HANDSHAKES, 2 * Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String toString() {
        return "ConnectionOptions[knownHosts=" + knownHostsFiles + ", acceptNew=" + acceptNewHostKeys
                + ", timeout=" + connectTimeout + ", handshakes=" + handshakes + "]";
    }
}
