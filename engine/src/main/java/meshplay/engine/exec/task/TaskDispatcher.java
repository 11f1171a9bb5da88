package meshplay.engine.exec.task;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import meshplay.engine.error.RunAbort;
import meshplay.engine.exec.RunContext;
import meshplay.engine.exec.scope.HostRun;
import meshplay.engine.exec.scope.PlayRun;
import meshplay.engine.exec.scope.Scope;
import meshplay.engine.exec.scope.TaskRequest;
import meshplay.engine.exec.scope.TaskRunner;
import meshplay.engine.model.Keyword;
import meshplay.engine.model.Keywords;
import meshplay.engine.model.Task;
import meshplay.engine.report.Event;
import meshplay.engine.result.TaskResult;
import meshplay.engine.yaml.YNode;

/**
 * Runs one task on the hosts of a batch, in parallel (forks, throttle), each host's run by the
 * {@link TaskExecutor}: announces the task and each host's result, runs a run_once task on the first
 * host only, and books every result in the {@link ResultLedger}.
 */
public final class TaskDispatcher implements TaskRunner {
    private final RunContext run;
    private final TaskExecutor executor;
    private final ExecutorService pool;
    private final ResultLedger ledger;
    private final Map<Task, Semaphore> throttles = Collections.synchronizedMap(new IdentityHashMap<>());

    public TaskDispatcher(RunContext run, TaskExecutor executor, ExecutorService pool, ResultLedger ledger) {
        this.run = run;
        this.executor = executor;
        this.pool = pool;
        this.ledger = ledger;
    }

    @Override
    public Map<String, HostRun> run(Task task, Scope scope, PlayRun play, List<String> hosts, boolean handler) {
        return dispatch(task, scope, play, hosts, Map.of(), false, handler);
    }

    /**
     * Runs the task with argument overrides (from the step prompt); a preview runs it in check + diff
     * mode and books nothing.
     */
    public Map<String, HostRun> dispatch(Task task, Scope scope, PlayRun play, List<String> hosts, Map<String, Object> overrides,
                                  boolean preview, boolean handler) {
        boolean meta = task.action().equals("meta") || task.action().endsWith(".meta");
        if (!meta) run.events.on(new Event.TaskStart(task.displayName(), task.origin(), handler, task.action()));
        // as ansible-playbook: a templated run_once is evaluated with the first host's variables
        boolean runOnce = resolve(scope.keyword(Keywords.RUN_ONCE), scope, play, hosts.get(0), false);
        List<String> targets = runOnce ? List.of(hosts.get(0)) : hosts;
        Map<String, Future<HostRun>> futures = new LinkedHashMap<>();
        Semaphore gate = throttle(task, scope);
        for (String h : targets) {
            TaskRequest q = new TaskRequest(task, scope, play, h, overrides, preview);
            futures.put(h, pool.submit(() -> {
                if (gate != null) gate.acquire();
                try {
                    HostRun r = executor.execute(q, item -> {
                        if (!meta) announce(task, scope, play, h, item, true);
                    });
                    if (!meta) announce(task, scope, play, h, r.result(), false);
                    if (!preview) ledger.book(task, scope, play, h, r, meta);
                    return r;
                } finally {
                    if (gate != null) gate.release();
                }
            }));
        }
        Map<String, HostRun> results = new LinkedHashMap<>();
        for (Map.Entry<String, Future<HostRun>> e : futures.entrySet()) {
            try {
                results.put(e.getKey(), e.getValue().get());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                run.state.quit();
                return results;
            } catch (ExecutionException ex) {
                if (ex.getCause() instanceof RunAbort abort) throw abort;
                HostRun r = new HostRun(TaskResult.failed("internal error: " + ex.getCause(), ex.getCause()), List.of());
                if (!meta) announce(task, scope, play, e.getKey(), r.result(), false);
                if (!preview) ledger.book(task, scope, play, e.getKey(), r, meta);
                results.put(e.getKey(), r);
            }
        }
        if (preview) return results;
        TaskResult first = results.containsKey(hosts.get(0)) ? results.get(hosts.get(0)).result() : null;
        if (runOnce && first != null) ledger.copyToOthers(task, scope, play, hosts, first);
        ledger.batchRules(scope, play, results(results));
        return results;
    }

    /** The results alone, by host. */
    public static Map<String, TaskResult> results(Map<String, HostRun> runs) {
        Map<String, TaskResult> out = new LinkedHashMap<>();
        runs.forEach((h, r) -> out.put(h, r.result()));
        return out;
    }

    private void announce(Task task, Scope scope, PlayRun play, String host, TaskResult r, boolean item) {
        String shownHost = r.delegatedTo() != null ? r.delegatedTo() : delegate(scope);
        run.events.on(new Event.HostResult(host, task.displayName(), shownHost, r, item, diffShown(scope, play, host)));
    }

    /**
     * throttle: at most that many hosts run the task at once (below --forks). One gate per task, so the
     * hosts of a free-strategy play, which reach the task at different times, share it; null: no limit.
     */
    private Semaphore throttle(Task task, Scope scope) {
        int limit = run.keywords.value(scope.keyword(Keywords.THROTTLE), run.options.extraVars, 0);
        if (limit <= 0) return null;
        return throttles.computeIfAbsent(task, t -> new Semaphore(limit, true));
    }

    /** The delegate_to keyword as written (shown when the result does not name the host it ran on). */
    private static String delegate(Scope scope) {
        YNode d = scope.keywords().node(Keywords.DELEGATE_TO);
        return d == null || d.toJava() == null ? null : String.valueOf(d.toJava());
    }

    private boolean diffShown(Scope scope, PlayRun play, String host) {
        return resolve(scope.keyword(Keywords.DIFF), scope, play, host, run.options.diff);
    }

    /** A keyword's value for this task: a template is evaluated with {@code host}'s variables. */
    public <T> T resolve(Keyword<T> k, Scope scope, PlayRun play, String host, T fallback) {
        if (k == null) return fallback;
        Map<String, Object> vars = k.templated() ? executor.vars().forTask(host, play, scope) : Map.of();
        return run.keywords.value(k, vars, fallback);
    }
}
