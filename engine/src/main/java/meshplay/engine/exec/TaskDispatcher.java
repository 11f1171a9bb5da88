package meshplay.engine.exec;

import meshplay.engine.model.Keywords;
import meshplay.engine.model.Keyword;
import java.util.ArrayList;
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
import meshplay.engine.model.Role;
import meshplay.engine.model.RoleOrder;
import meshplay.engine.model.Task;
import meshplay.engine.report.Event;
import meshplay.engine.step.StepController;
import meshplay.engine.step.StepDecision;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;

/**
 * Runs one task on the active hosts of a batch, in parallel (forks): tag and --start-at-task
 * selection, the step hook, run_once, the result bookkeeping (stats, host failure, notify), includes,
 * meta: flush_handlers, and the batch-wide rules any_errors_fatal and max_fail_percentage.
 */
final class TaskDispatcher {
    private final RunContext run;
    private final TaskExecutor executor;
    private final ExecutorService pool;
    private final ItemWalker walker;
    private final TagFilter tags;
    private final StepHistory history = new StepHistory();
    private final Map<Task, Semaphore> throttles = Collections.synchronizedMap(new IdentityHashMap<>());

    TaskDispatcher(RunContext run, TaskExecutor executor, ExecutorService pool, ItemWalker walker) {
        this.run = run;
        this.executor = executor;
        this.pool = pool;
        this.walker = walker;
        this.tags = new TagFilter(run.options.tags, run.options.skipTags);
    }

    void run(Task task, Scope outer, PlayRun play, List<String> hosts, boolean handler) {
        Scope scope = outer.enter(task);
        if (!handler && !tags.selects(scope.tags())) return;
        if (!run.startReached) {
            if (!task.displayName().equals(run.options.startAtTask) && !String.valueOf(task.name()).equals(run.options.startAtTask)) return;
            run.startReached = true;
        }
        int number = play.number(task);
        if (play.jumpTarget > 0 && number > 0) {
            if (number < play.jumpTarget) return;
            play.jumpTarget = 0;
        }
        List<String> targets = handler ? hosts : play.activeHosts(hosts);
        if (targets.isEmpty() || run.quit) return;
        StepSession step = new StepSession(run, executor, task, scope, play, targets, number,
                history.last() == null ? null : history.last().task());
        if (run.stepAsking && run.step != StepController.NONE) {
            while (true) {
                StepDecision d = run.step.beforeTask(step);
                switch (d.kind()) {
                    case SKIP -> { return; }
                    case QUIT -> { run.quit = true; return; }
                    case JUMP -> {
                        if (d.target() > number) {
                            play.jumpTarget = d.target();
                            return;
                        }
                        run.events.on(new Event.Warning("jump only goes forward; task " + d.target() + " is not after this one"));
                        continue;
                    }
                    case PREVIEW -> {
                        run.step.previewed(step, runOn(task, scope, play, targets, step.argOverrides(), true, handler));
                        continue;
                    }
                    case REDO_PREVIOUS -> {
                        redoPrevious();
                        if (run.quit) return;
                        continue;
                    }
                    case CONTINUE -> run.stepAsking = false;
                    case RUN -> { }
                }
                break;
            }
        }
        Map<String, TaskResult> results;
        while (true) {
            results = runOn(task, scope, play, targets, step.argOverrides(), false, handler);
            if (run.quit) break;
            StepController.AfterStep after = run.stepAsking ? run.step.afterTask(step, results) : StepController.AfterStep.NEXT;
            if (after == StepController.AfterStep.NEXT && DebuggerPolicy.opens(resolve(scope.keyword(Keywords.DEBUGGER), scope, play, targets.get(0), null), run.options.debugger, results.values())) {
                after = run.step.debug(step, results);
            }
            if (after == StepController.AfterStep.QUIT) run.quit = true;
            if (after != StepController.AfterStep.REDO) break;
            StepHistory.forget(run, task, results);
        }
        history.ran(new StepHistory.Ran(task, scope, play, targets, step.argOverrides(), handler, results));
    }

    /** Step "redo": the task that ran last runs again on the same hosts; only this run counts. */
    private void redoPrevious() {
        StepHistory.Ran p = history.last();
        if (p == null) {
            run.events.on(new Event.Warning("no task has run yet: there is nothing to redo"));
            return;
        }
        StepHistory.forget(run, p.task(), p.results());
        Map<String, TaskResult> results = runOn(p.task(), p.scope(), p.play(), p.hosts(), p.overrides(), false, p.handler());
        history.ran(new StepHistory.Ran(p.task(), p.scope(), p.play(), p.hosts(), p.overrides(), p.handler(), results));
    }

    private Map<String, TaskResult> runOn(Task task, Scope scope, PlayRun play, List<String> hosts, Map<String, Object> overrides,
                                          boolean preview, boolean handler) {
        boolean meta = task.action().equals("meta") || task.action().endsWith(".meta");
        if (!meta) run.events.on(new Event.TaskStart(task.displayName(), task.origin(), handler, task.action()));
        // as ansible-playbook: a templated run_once is evaluated with the first host's variables
        boolean runOnce = resolve(scope.keyword(Keywords.RUN_ONCE), scope, play, hosts.get(0), false);
        List<String> targets = runOnce ? List.of(hosts.get(0)) : hosts;
        Map<String, Future<TaskResult>> futures = new LinkedHashMap<>();
        Semaphore gate = throttle(task, scope);
        for (String h : targets) {
            TaskRequest q = new TaskRequest(task, scope, play, h, overrides, preview);
            futures.put(h, pool.submit(() -> {
                if (gate != null) gate.acquire();
                try {
                    TaskResult r = executor.execute(q, item -> {
                        if (!meta) run.events.on(new Event.HostResult(h, task.displayName(), item.delegatedTo() != null ? item.delegatedTo() : delegate(scope), item, true, diffShown(scope, play, h)));
                    });
                    account(task, scope, play, h, r, preview, meta);
                    return r;
                } finally {
                    if (gate != null) gate.release();
                }
            }));
        }
        Map<String, TaskResult> results = new LinkedHashMap<>();
        for (Map.Entry<String, Future<TaskResult>> e : futures.entrySet()) {
            try {
                results.put(e.getKey(), e.getValue().get());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                run.quit = true;
                return results;
            } catch (ExecutionException ex) {
                if (ex.getCause() instanceof RunAbort abort) throw abort;
                TaskResult r = TaskResult.failed("internal error: " + ex.getCause()).exception(ex.getCause());
                account(task, scope, play, e.getKey(), r, preview, meta);
                results.put(e.getKey(), r);
            }
        }
        if (preview) return results;
        if (runOnce) copyToOthers(task, scope, play, hosts, results);
        runIncludes(task, scope, play, results);
        if (play.takeFlushRequest(hosts)) flushHandlers(play, hosts);
        batchRules(scope, play, results);
        return results;
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

    /** Stats, host failure state and handler notification for one host's result. */
    private void account(Task task, Scope scope, PlayRun play, String host, TaskResult r, boolean preview, boolean meta) {
        if (!meta) run.events.on(new Event.HostResult(host, task.displayName(), r.delegatedTo() != null ? r.delegatedTo() : delegate(scope), r, false, diffShown(scope, play, host)));
        if (preview) return;
        if (!meta) count(task, host, r);
        HostState s = run.host(host);
        if (r.unreachable() && !r.ignored()) {
            s.unreachable(true);
        } else if (r.failed() && !r.ignored()) {
            s.lastFailure(task, r);
            s.failed(true);
        }
        if (r.changed()) play.handlers().notify(host, scope.keywords().node(Keywords.NOTIFY));
    }

    /**
     * As Ansible counts: an include_tasks that included its file counts ok once per file included (per
     * loop item); a successful include_role/import_role is not counted (its tasks are).
     */
    private void count(Task task, String host, TaskResult r) {
        boolean ran = !r.failed() && !r.unreachable() && !r.skipped();
        if (ran && isAction(task, "include_role", "import_role")) return;
        if (ran && isAction(task, "include_tasks") && r.isLoop()) {
            run.stats.host(host).countIncluded(r.included().size());
            return;
        }
        run.stats.host(host).count(r);
    }

    private static boolean isAction(Task task, String... names) {
        for (String n : names) {
            if (task.action().equals(n) || task.action().endsWith("." + n)) return true;
        }
        return false;
    }

    private void copyToOthers(Task task, Scope scope, PlayRun play, List<String> hosts, Map<String, TaskResult> results) {
        TaskResult first = results.get(hosts.get(0));
        if (first == null) return;
        YNode reg = scope.keywords().node(Keywords.REGISTER);
        for (String h : hosts.subList(1, hosts.size())) {
            if (reg != null) run.host(h).setVar(String.valueOf(reg.toJava()), first.toRegistered());
            if (first.failed() && !first.ignored()) {
                run.host(h).lastFailure(task, first);
                run.host(h).failed(true);
                run.stats.host(h).count(first);
            }
            if (first.changed()) play.handlers().notify(h, scope.keywords().node(Keywords.NOTIFY));
        }
    }

    /** include_tasks / include_role: hosts that included the same file (and item) run its tasks together. */
    private void runIncludes(Task task, Scope scope, PlayRun play, Map<String, TaskResult> results) {
        Map<String, Included> byKey = new LinkedHashMap<>();
        Map<String, List<String>> hostsByKey = new LinkedHashMap<>();
        for (Map.Entry<String, TaskResult> e : results.entrySet()) {
            for (Included inc : e.getValue().included()) {
                byKey.putIfAbsent(inc.key(), inc);
                hostsByKey.computeIfAbsent(inc.key(), k -> new ArrayList<>()).add(e.getKey());
            }
        }
        // the include's own when/tags/keywords do not pass to the included tasks; its vars and `apply` do
        Scope outer = scope.parent() != null ? scope.parent() : scope;
        for (Map.Entry<String, Included> e : byKey.entrySet()) {
            Included inc = e.getValue();
            List<String> hosts = hostsByKey.get(e.getKey());
            if (inc.role() != null && inc.key().startsWith(Included.ROLE_PREFIX)) {
                // include_role / import_role: the role's dependencies first, then the role; their handlers join the play's
                for (Role dep : RoleOrder.dependencies(inc.role(), play.rolesSeen())) {
                    play.handlers().addRole(dep);
                    walker.run(dep.tasks(), outer.inRole(dep).withKeywords(inc.apply()), play, hosts);
                }
                play.rolesSeen().add(inc.role().identity());
                play.handlers().addRole(inc.role());
            }
            Scope s = outer;
            if (inc.role() != null) s = s.inRole(inc.role());
            s = s.withKeywords(task.keywords().only(Keywords.VARS));
            s = s.withKeywords(inc.apply()).withIncludeParams(inc.params())
                    .withIncludes(scope.includes().enter(inc, task, scope.role()));
            walker.run(inc.items(), s, play, hosts);
        }
    }

    /** Runs the handlers notified for {@code only} (the hosts of the flushing task or section). */
    void flushHandlers(PlayRun play, List<String> only) {
        boolean force = resolve(play.play().forceHandlers(), Scope.ofPlay(play.play().keywords()), play, play.batch().get(0), run.options.forceHandlers);
        HandlerQueue.Notified next;
        int from = 0;
        while (!play.stopped() && (next = play.handlers().next(from, only)) != null) {
            from = next.index() + 1;
            List<String> hosts = new ArrayList<>();
            for (String h : next.hosts()) {
                HostState s = run.host(h);
                if (!s.unreachable() && (force || !s.failed())) hosts.add(h);
            }
            if (hosts.isEmpty()) continue;
            Task handler = next.handler();
            Scope scope = Scope.ofPlay(play.play().keywords());
            if (play.handlers().roleOf(handler) != null) scope = scope.inRole(play.handlers().roleOf(handler));
            run(handler, scope, play, hosts, true);
            play.handlers().ran(handler, hosts);
        }
    }

    private void batchRules(Scope scope, PlayRun play, Map<String, TaskResult> results) {
        boolean anyFailed = results.values().stream().anyMatch(r -> (r.failed() || r.unreachable()) && !r.ignored());
        if (!anyFailed) return;
        if (anyErrorsFatal(scope.keyword(Keywords.ANY_ERRORS_FATAL))) {
            run.events.on(new Event.Info("NO MORE HOSTS LEFT (any_errors_fatal)", 0));
            play.abort();
            return;
        }
        Keyword<Double> pctKeyword = scope.keyword(Keywords.MAX_FAIL_PERCENTAGE);
        Double pct = run.keywords.value(pctKeyword, run.options.extraVars, null);
        if (pct != null) {
            long failed = play.batch().stream().filter(h -> !run.host(h).active()).count();
            if (failed * 100.0 / play.batch().size() > pct) {
                run.events.on(new Event.Info("NO MORE HOSTS LEFT (max_fail_percentage " + percent(pct) + "% exceeded)", 0));
                play.abort();
            }
        }
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

    /** The delegate_to keyword as written (shown when the result does not name the host it ran on). */
    private static String delegate(Scope scope) {
        YNode d = scope.keywords().node(Keywords.DELEGATE_TO);
        return d == null || d.toJava() == null ? null : String.valueOf(d.toJava());
    }

    private boolean diffShown(Scope scope, PlayRun play, String host) {
        return resolve(scope.keyword(Keywords.DIFF), scope, play, host, run.options.diff);
    }

    /** A keyword's value for this task: a template is evaluated with {@code host}'s variables. */
    private <T> T resolve(Keyword<T> k, Scope scope, PlayRun play, String host, T fallback) {
        if (k == null) return fallback;
        Map<String, Object> vars = k.templated() ? executor.vars().forTask(host, play, scope) : Map.of();
        return run.keywords.value(k, vars, fallback);
    }
}
