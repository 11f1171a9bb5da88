package meshplay.engine.exec.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import meshplay.engine.error.UserError;
import meshplay.engine.exec.RunContext;
import meshplay.engine.exec.actions.Included;
import meshplay.engine.exec.handler.HandlerQueue;
import meshplay.engine.exec.scope.HostRun;
import meshplay.engine.exec.scope.TaskRequest;
import meshplay.engine.exec.scope.VarsAssembler;
import meshplay.engine.model.Keywords;
import meshplay.engine.report.Event;
import meshplay.engine.result.TaskResult;
import meshplay.engine.template.Templar;
import meshplay.engine.yaml.YNode;

/**
 * Runs one task on one host: variables, `when`, loop items, retries (until), result rules, then
 * ignore_errors, register and notify. Each step is delegated to a class of its own.
 */
public final class TaskExecutor {
    private final RunContext run;
    private final VarsAssembler assembler;
    private final ActionInvoker invoker;

    public TaskExecutor(RunContext run) {
        this.run = run;
        this.assembler = new VarsAssembler(run);
        this.invoker = new ActionInvoker(run, assembler);
    }

    public VarsAssembler vars() {
        return assembler;
    }

    /** Runs the task; loop items are passed to {@code itemSink} as they finish. */
    HostRun execute(TaskRequest q, Consumer<TaskResult> itemSink) {
        TaskResult result;
        List<Included> included = new ArrayList<>();
        boolean noLog = false;
        HostKeywords kw = null;
        try {
            Map<String, Object> vars = assembler.forTask(q.host(), q.play(), q.scope());
            kw = new HostKeywords(run.keywords, q.scope().keywords(), vars);
            noLog = kw.get(Keywords.NO_LOG, false);
            if (LoopExpander.hasLoop(kw)) {
                result = runLoop(q, kw, vars, noLog, itemSink, included);
            } else if (!run.conditionals.all(q.scope().whens(), vars)) {
                result = TaskResult.skipped("Conditional result was False");
            } else {
                result = withNotify(runWithRetries(q, vars, included), q, vars);
            }
            boolean ignored = result.failed() && kw.get(Keywords.IGNORE_ERRORS, false)
                    || result.unreachable() && kw.get(Keywords.IGNORE_UNREACHABLE, false);
            if (ignored) result = result.toBuilder().ignored(true).build();
        } catch (meshplay.engine.error.RunAbort e) {
            throw e;
        } catch (UserError e) {
            result = TaskResult.failed(e);
        } catch (RuntimeException e) {
            result = TaskResult.failed("error while running the task: " + e, e);
        }
        result = PredictedUse.annotate(run, q, result.toBuilder().noLog(noLog).build());
        if (!q.preview()) {
            ResultRegistrar.register(run, q, result);
            if (noLog) markSecretFacts(q.host(), result);
        }
        return new HostRun(result, included);
    }

    /**
     * Facts a no_log task set (set_fact, a module's ansible_facts, per loop item too) stay secret: the
     * step prompt hides them by name and no output shows their values.
     */
    private void markSecretFacts(String host, TaskResult result) {
        List<TaskResult> all = new ArrayList<>(result.items());
        all.add(result);
        for (TaskResult r : all) {
            if (r.data().get("ansible_facts") instanceof Map<?, ?> facts && !facts.isEmpty()) {
                Set<String> names = new LinkedHashSet<>();
                facts.forEach((k, v) -> {
                    names.add(String.valueOf(k));
                    run.events.secrets().add(v);
                });
                run.state.registers.noteSecretFacts(host, names);
            }
        }
    }

    private TaskResult runLoop(TaskRequest q, HostKeywords kw, Map<String, Object> vars, boolean noLog, Consumer<TaskResult> sink,
                               List<Included> included) {
        List<Object> items;
        try {
            items = LoopExpander.items(kw, run.templar);
        } catch (LoopExpander.NotAList notAList) {
            throw notAList;
        } catch (RuntimeException loopError) {
            // as in Ansible: a loop that cannot be evaluated (an undefined name) is no error when `when` is false
            if (whenIsFalse(q, vars)) return TaskResult.skipped("Conditional result was False");
            throw loopError;
        }
        LoopExpander.Control control = LoopExpander.control(kw);
        List<TaskResult> results = new ArrayList<>();
        Map<String, Object> loopVars = vars;
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> itemVars = new LinkedHashMap<>(loopVars);
            Map<String, Object> binding = LoopExpander.bind(control, items, i);
            itemVars.putAll(binding);
            List<Included> itemIncludes = new ArrayList<>();
            TaskResult outcome = run.conditionals.all(q.scope().whens(), itemVars)
                    ? withNotify(runWithRetries(q, itemVars, itemIncludes), q, itemVars)
                    : TaskResult.skipped("Conditional result was False");
            String label = control.label() == null ? null : String.valueOf(run.templar.render(control.label(), itemVars));
            TaskResult r = outcome.toBuilder().item(items.get(i), label, control.loopVar()).noLog(noLog).build();
            for (Included inc : itemIncludes) {
                // each item's include runs on its own, with the item's loop variables bound
                Map<String, Object> params = new LinkedHashMap<>(inc.params());
                params.putAll(binding);
                included.add(new Included(inc.key() + Included.ITEM_SEPARATOR + i, inc.items(), params, inc.apply(), inc.role()));
            }
            results.add(r);
            sink.accept(r);
            if (setsHostVars(r)) {
                // as in Ansible, the facts an item set (set_fact) are visible to the next
                // item, e.g. a list accumulated with "{{ acc | default([]) + [item] }}"
                loopVars = assembler.forTask(q.host(), q.play(), q.scope());
            }
            if (control.pause() > 0 && i < items.size() - 1) sleep(control.pause());
        }
        return TaskResult.ofLoop(results);
    }

    /**
     * The result with the handler names its notify keyword gives, rendered with the host's (or item's)
     * variables as Ansible templates notify ("restart {{ service }}"); a skipped result names none.
     */
    private TaskResult withNotify(TaskResult r, TaskRequest q, Map<String, Object> vars) {
        YNode node = q.scope().keywords().node(Keywords.NOTIFY);
        if (node == null || r.skipped()) return r;
        List<String> names = HandlerQueue.names(node);
        if (names.stream().anyMatch(Templar::isTemplate)) {
            Object rendered = run.templar.render(node, vars);
            names = rendered instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                    : rendered == null ? List.of() : List.of(String.valueOf(rendered));
        }
        return r.toBuilder().notify(names).build();
    }

    private boolean whenIsFalse(TaskRequest q, Map<String, Object> vars) {
        try {
            return !run.conditionals.all(q.scope().whens(), vars);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean setsHostVars(TaskResult r) {
        return !r.failed() && !r.skipped() && r.data().get("ansible_facts") instanceof Map<?, ?> f && !f.isEmpty();
    }

    private TaskResult runWithRetries(TaskRequest q, Map<String, Object> vars, List<Included> included) {
        HostKeywords kw = new HostKeywords(run.keywords, q.scope().keywords(), vars);
        YNode until = kw.node(Keywords.UNTIL);
        String register = kw.get(Keywords.REGISTER);
        // as in Ansible: `retries` counts the attempts after the first (default 3); 0 or less runs it once
        int retries = until == null ? 0 : Math.max(0, kw.get(Keywords.RETRIES, 3));
        int attempts = retries + 1;
        double delay = until == null ? 0 : kw.get(Keywords.DELAY, 5.0);
        int attempt = 0;
        while (true) {
            attempt++;
            // an include that is retried includes its content once: what the last attempt included
            included.clear();
            TaskResult result = invoker.invoke(q, kw, vars, included);
            // as in Ansible, changed_when/failed_when of a retried task see its attempts so far
            if (until != null) result = result.toBuilder().attempts(attempt).build();
            TaskResult judged = ResultRules.apply(run.conditionals, result, q.scope().keywords(), vars, register);
            if (until == null) return judged;
            TaskResult r = judged.toBuilder().attempts(attempt).build();
            if (r.unreachable()) return r;
            if (run.conditionals.test(until, ResultRules.bind(vars, register, r))) return r;
            if (attempt >= attempts) {
                // as in Ansible, a failed_when that judged the last attempt decides; without one, the task fails
                TaskResult.Builder exhausted = r.toBuilder();
                boolean failedWhenDecides = kw.node(Keywords.FAILED_WHEN) != null;
                if (!failedWhenDecides) exhausted.status(TaskResult.Status.FAILED);
                // Ansible reports the retries, not the attempts, once they are used up
                if (retries > 0) exhausted.attempts(retries);
                if (!failedWhenDecides && r.msg() == null) exhausted.msg("the until condition was still false after " + attempt + " attempts");
                return exhausted.build();
            }
            run.events.on(new Event.Info("FAILED - RETRYING: [" + q.host() + "]: " + q.task().displayName() + " ("
                    + (attempts - attempt) + " retries left).", 0));
            sleep(delay);
        }
    }

    private static void sleep(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
