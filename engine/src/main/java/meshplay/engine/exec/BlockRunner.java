package meshplay.engine.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.model.Block;
import meshplay.engine.model.Task;

/**
 * block / rescue / always per host: hosts that fail inside the block run the rescue section (with
 * ansible_failed_task and ansible_failed_result set) and count as rescued (as in Ansible, whatever the rescue then does); every
 * host that entered the block runs always, failed or not; an unrescued failure stands afterwards.
 */
final class BlockRunner {
    private final RunContext run;
    private final ItemWalker walker;

    BlockRunner(RunContext run, ItemWalker walker) {
        this.run = run;
        this.walker = walker;
    }

    void run(Block b, Scope outer, PlayRun play, List<String> hosts) {
        Scope scope = outer.enter(b);
        walker.run(b.block(), scope, play, hosts);
        List<String> failedHere = new ArrayList<>();
        for (String h : hosts) {
            HostState s = run.host(h);
            if (s.failed() && !s.unreachable()) failedHere.add(h);
        }
        if (!b.rescue().isEmpty() && !failedHere.isEmpty() && !play.stopped()) {
            for (String h : failedHere) {
                HostState s = run.host(h);
                s.failed(false);
                run.stats.host(h).countRescued();
                s.setVar("ansible_failed_task", describe(s.lastFailedTask()));
                s.setVar("ansible_failed_result", s.lastFailedResult() == null ? Map.of() : s.lastFailedResult().toRegistered());
            }
            walker.run(b.rescue(), scope, play, failedHere);
        }
        if (!b.always().isEmpty() && !play.stopped()) {
            List<String> stillFailed = new ArrayList<>();
            List<String> alwaysHosts = new ArrayList<>();
            for (String h : hosts) {
                HostState s = run.host(h);
                if (s.unreachable()) continue;
                alwaysHosts.add(h);
                if (s.failed()) {
                    stillFailed.add(h);
                    s.failed(false);
                }
            }
            walker.run(b.always(), scope, play, alwaysHosts);
            for (String h : stillFailed) run.host(h).failed(true);
        }
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
