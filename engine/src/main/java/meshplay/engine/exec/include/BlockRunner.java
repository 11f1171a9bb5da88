package meshplay.engine.exec.include;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.exec.HostState;
import meshplay.engine.exec.RunContext;
import meshplay.engine.exec.scope.PlayRun;
import meshplay.engine.model.Block;
import meshplay.engine.model.Task;

/**
 * The host bookkeeping of block / rescue / always, for the {@link Traversal}: hosts that failed
 * inside the block run the rescue section (with ansible_failed_task and ansible_failed_result set)
 * and count as rescued (as in Ansible, whatever the rescue then does); every host that entered the
 * block runs always, failed or not; an unrescued failure stands afterwards.
 */
final class BlockRunner {
    private BlockRunner() {
    }

    /** The hosts that run the rescue section (none when there is none or the play stopped), each marked rescued. */
    static List<String> enterRescue(RunContext run, Block b, PlayRun play, List<String> hosts) {
        List<String> failedHere = new ArrayList<>();
        for (String h : hosts) {
            HostState s = run.state.host(h);
            if (s.failed() && !s.unreachable() && !play.ended(h)) failedHere.add(h);
        }
        if (b.rescue().isEmpty() || failedHere.isEmpty() || play.stopped()) return List.of();
        for (String h : failedHere) {
            HostState s = run.state.host(h);
            s.failed(false);
            run.state.stats.host(h).countRescued();
            s.setVar("ansible_failed_task", describe(s.lastFailedTask()));
            s.setVar("ansible_failed_result", s.lastFailedResult() == null ? Map.of() : s.lastFailedResult().toRegistered());
        }
        return failedHere;
    }

    /**
     * The hosts of the always section, and those of them whose failure stands again once it has run
     * (unless meta: clear_host_errors ran in between: {@code clears} is each one's count before).
     */
    record Always(List<String> hosts, List<String> stillFailed, Map<String, Integer> clears) {
        void restore(RunContext run) {
            for (String h : stillFailed) {
                HostState s = run.state.host(h);
                if (s.errorClears() == clears.get(h)) s.failed(true);
            }
        }
    }

    /** Every reachable host that entered the block runs always; a failed one is cleared for it. */
    static Always enterAlways(RunContext run, List<String> hosts) {
        List<String> stillFailed = new ArrayList<>();
        List<String> alwaysHosts = new ArrayList<>();
        Map<String, Integer> clears = new LinkedHashMap<>();
        for (String h : hosts) {
            HostState s = run.state.host(h);
            if (s.unreachable()) continue;
            alwaysHosts.add(h);
            if (s.failed()) {
                stillFailed.add(h);
                clears.put(h, s.errorClears());
                s.failed(false);
            }
        }
        return new Always(alwaysHosts, stillFailed, clears);
    }

    private static Map<String, Object> describe(Task t) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (t == null) return m;
        m.put("name", t.name() == null ? "" : t.name()); // as in Ansible: the task's own name, without the role's
        m.put("action", t.action());
        m.put("origin", String.valueOf(t.origin()));
        return m;
    }
}
