package meshplay.engine.exec.task;

import java.util.List;
import java.util.Map;
import meshplay.engine.exec.HostState;
import meshplay.engine.exec.RunContext;
import meshplay.engine.exec.scope.BlockSection;
import meshplay.engine.exec.scope.HostRun;
import meshplay.engine.exec.scope.PlayRun;
import meshplay.engine.exec.scope.Scope;
import meshplay.engine.model.Keyword;
import meshplay.engine.model.Keywords;
import meshplay.engine.model.Task;
import meshplay.engine.report.Event;
import meshplay.engine.result.TaskResult;
import meshplay.engine.yaml.YNode;

/**
 * Books what a task did: each host's recap counters, its failed/unreachable state and the handlers
 * its change notifies (for run_once, on every host of the task); then the batch-wide rules
 * any_errors_fatal and max_fail_percentage, which stop the play. The step prompt's redo takes a
 * booking back with {@link #forget}.
 */
public final class ResultLedger {
    private final RunContext run;

    public ResultLedger(RunContext run) {
        this.run = run;
    }

    /** Counters, host failure state and handler notification for one host's result. */
    void book(Task task, Scope scope, PlayRun play, String host, HostRun hostRun, boolean meta) {
        TaskResult r = hostRun.result();
        if (!meta) count(task, host, hostRun);
        HostState s = run.state.host(host);
        switch (r.hostEffect()) {
            case UNREACHABLE -> s.unreachable(true);
            case FAILS -> {
                s.lastFailure(task, r);
                s.failed(true);
            }
            case CONTINUES -> {
            }
        }
        if (r.changedOk()) notifyHandlers(r, scope, play, host);
    }

    /** Notifies the handlers the result names (its notify keyword, rendered when the task ran) for the host. */
    private static void notifyHandlers(TaskResult r, Scope scope, PlayRun play, String host) {
        if (r.notified().isEmpty()) return;
        YNode node = scope.keywords().node(Keywords.NOTIFY);
        play.handlers().notify(host, r.notified(), node == null ? null : node.origin());
    }

    /**
     * As Ansible counts: an include_tasks that included its file counts ok once per file included (per
     * loop item); a successful include_role/import_role is not counted (its tasks are).
     */
    private void count(Task task, String host, HostRun hostRun) {
        TaskResult r = hostRun.result();
        boolean ran = !r.failed() && !r.unreachable() && !r.skipped();
        if (ran && isAction(task, "include_role", "import_role")) return;
        if (ran && isAction(task, "include_tasks") && r.isLoop()) {
            run.state.stats.host(host).countIncluded(hostRun.included().size());
            return;
        }
        run.state.stats.host(host).count(r);
    }

    private static boolean isAction(Task task, String... names) {
        for (String n : names) {
            if (task.action().equals(n) || task.action().endsWith("." + n)) return true;
        }
        return false;
    }

    /** run_once: the first host's result stands for the others (registered, failed, notified). */
    void copyToOthers(Task task, Scope scope, PlayRun play, List<String> hosts, TaskResult first) {
        YNode reg = scope.keywords().node(Keywords.REGISTER);
        for (String h : hosts.subList(1, hosts.size())) {
            if (reg != null) run.state.host(h).setVar(String.valueOf(reg.toJava()), first.toRegistered());
            if (first.hostEffect() == TaskResult.HostEffect.FAILS) {
                run.state.host(h).lastFailure(task, first);
                run.state.host(h).failed(true);
                run.state.stats.host(h).count(first);
            }
            if (first.changedOk()) notifyHandlers(first, scope, play, h);
        }
    }

    /** any_errors_fatal and max_fail_percentage: after a failure, they may stop the play for every host. */
    void batchRules(Scope scope, PlayRun play, Map<String, TaskResult> results) {
        boolean anyFailed = results.values().stream().anyMatch(TaskResult::stopsHost);
        if (!anyFailed) return;
        if (anyErrorsFatal(scope.keyword(Keywords.ANY_ERRORS_FATAL))) {
            boolean unreachable = results.values().stream().anyMatch(r -> r.hostEffect() == TaskResult.HostEffect.UNREACHABLE);
            if (unreachable || BlockSection.failureStopsHost(scope.section())) stopTheOthers(scope, play, results);
            return;
        }
        Double pct = run.keywords.value(scope.keyword(Keywords.MAX_FAIL_PERCENTAGE), run.options.extraVars, null);
        if (pct != null) {
            // as in Ansible, the hosts that failed: unreachable ones do not count
            long failed = play.batch().stream().filter(h -> run.state.host(h).failed()).count();
            if (failed * 100.0 / play.batch().size() > pct) {
                run.events.on(new Event.Info("NO MORE HOSTS LEFT (max_fail_percentage " + percent(pct) + "% exceeded)", 0));
                play.abort();
            }
        }
    }

    /**
     * any_errors_fatal as Ansible's linear strategy applies it once a host failed for good: every host
     * of the batch stops, except one whose next task is in a rescue or always section (one that failed
     * here into an enclosing rescue or always, or one that ran this task inside a rescue or always).
     * Those go on; once a host was stopped, the plays after this one do not run.
     */
    private void stopTheOthers(Scope scope, PlayRun play, Map<String, TaskResult> results) {
        boolean failedGoOn = BlockSection.failureGoesToRescueOrAlways(scope.section());
        boolean othersGoOn = BlockSection.inRescueOrAlways(scope.section());
        boolean anyGoesOn = false;
        boolean anyStopped = false;
        for (String h : play.batch()) {
            TaskResult r = results.get(h);
            HostState s = run.state.host(h);
            if (s.unreachable() || play.ended(h)) continue;
            boolean goesOn = r != null && (r.stopsHost() ? failedGoOn : othersGoOn);
            anyGoesOn |= goesOn;
            anyStopped |= !goesOn;
            if (!goesOn) play.endHost(h);
        }
        if (!anyGoesOn) run.events.on(new Event.Info("NO MORE HOSTS LEFT (any_errors_fatal)", 0));
        if (anyStopped) play.breakOff();
    }

    /**
     * any_errors_fatal as ansible-playbook 2.14 reads it: its strategy looks at the keyword unrendered,
     * so a templated value counts as set whatever it would render to.
     */
    private static boolean anyErrorsFatal(Keyword<Boolean> k) {
        if (k == null) return false;
        return k.templated() || Boolean.TRUE.equals(k.literal());
    }

    private static String percent(double pct) {
        return pct == Math.rint(pct) ? String.valueOf((long) pct) : String.valueOf(pct);
    }

    /** Takes back what {@code results} booked, so the task can run again on those hosts (step redo). */
    public void forget(Task task, Map<String, TaskResult> results) {
        if (task.action().equals("meta") || task.action().endsWith(".meta")) return; // meta results are not counted
        for (Map.Entry<String, TaskResult> e : results.entrySet()) {
            TaskResult r = e.getValue();
            run.state.stats.host(e.getKey()).uncount(r);
            HostState s = run.state.host(e.getKey());
            if (r.hostEffect() == TaskResult.HostEffect.FAILS) s.failed(false);
            if (r.hostEffect() == TaskResult.HostEffect.UNREACHABLE) s.unreachable(false);
        }
    }
}
