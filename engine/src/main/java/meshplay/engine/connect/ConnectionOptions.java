package meshplay.engine.connect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Run-wide transport settings from the command line: known_hosts files, whether unknown host keys may
 * be recorded, connect timeout, prompted passwords.
 */
public record ConnectionOptions(List<Path> knownHostsFiles, boolean acceptNewHostKeys, Duration connectTimeout,
                                String askedPassword, String askedBecomePassword, String keyPassphrase) {
    public static ConnectionOptions defaults() {
        return new ConnectionOptions(List.of(), false, Duration.ofSeconds(10), null, null, null);
    }

    @Override
    public String toString() {
        return "ConnectionOptions[knownHosts=" + knownHostsFiles + ", acceptNew=" + acceptNewHostKeys
                + ", timeout=" + connectTimeout + "]";
    }
}
