package meshplay.engine.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import meshplay.engine.error.ExitCode;

/** Recap counters for every host; the snapshot lists the hosts sorted by name, as ansible-playbook prints its recap. */
public final class RunStats {
    private final Map<String, HostStats> hosts = Collections.synchronizedMap(new LinkedHashMap<>());

    public HostStats host(String name) {
        return hosts.computeIfAbsent(name, k -> new HostStats());
    }

    /** Every host's counters, sorted by host name. */
    public Map<String, HostStats> snapshot() {
        synchronized (hosts) {
            return new LinkedHashMap<>(new java.util.TreeMap<>(hosts));
        }
    }

    /**
     * As ansible-playbook 2.14: 2 when a play broke off on a failure rule ({@code brokeOnFailure}:
     * any_errors_fatal, max_fail_percentage), else 4 when a host was unreachable (even if others
     * failed), else 2 when a host failed, else 0. Errors that meta: clear_host_errors cleared do not count.
     */
    public ExitCode exitCode(boolean brokeOnFailure) {
        if (brokeOnFailure) return ExitCode.HOST_FAILED;
        Map<String, HostStats> all = snapshot();
        if (all.values().stream().anyMatch(h -> h.unreachableLeft() > 0)) return ExitCode.HOST_UNREACHABLE;
        if (all.values().stream().anyMatch(h -> h.failing() > 0)) return ExitCode.HOST_FAILED;
        return ExitCode.OK;
    }
}
