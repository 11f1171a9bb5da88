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

    /** As ansible-playbook: 2 when a host failed, else 3 when one was unreachable, else 0. */
    public ExitCode exitCode() {
        Map<String, HostStats> all = snapshot();
        if (all.values().stream().anyMatch(h -> h.failing() > 0)) return ExitCode.HOST_FAILED;
        if (all.values().stream().anyMatch(h -> h.unreachable() > 0)) return ExitCode.HOST_UNREACHABLE;
        return ExitCode.OK;
    }
}
