package meshplay.engine.exec.include;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.exec.HostState;
import meshplay.engine.exec.RunContext;
import meshplay.engine.exec.actions.Included;
import meshplay.engine.exec.handler.HandlerQueue;
import meshplay.engine.exec.scope.BlockSection;
import meshplay.engine.exec.scope.HostRun;
import meshplay.engine.exec.scope.PlayRun;
import meshplay.engine.exec.scope.Scope;
import meshplay.engine.exec.scope.TaskRunner;
import meshplay.engine.exec.scope.VarsAssembler;
import meshplay.engine.model.Block;
import meshplay.engine.model.Keywords;
import meshplay.engine.model.Role;
import meshplay.engine.model.RoleOrder;
import meshplay.engine.model.Task;
import meshplay.engine.model.TaskItem;

/**
 * Walks a task list the linear way: each item runs on every active host before the next starts.
 * A block runs its rescue and always sections per host ({@link BlockRunner}); a task is selected
 * (tags, --start-at-task) and handed to the {@link TaskRunner}, which returns what each host did,
 * included content among it: the traversal then walks that content on the hosts that included it,
 * and runs the handlers when a task asked for a flush.
 */
public final class Traversal {
    private final RunContext run;
    private final TaskRunner tasks;
    private final TagFilter tags;

    public Traversal(RunContext run, TaskRunner tasks) {
        this.run = run;
        this.tasks = tasks;
        this.tags = new TagFilter(run.options.tags, run.options.skipTags);
    }

    public void run(List<TaskItem> items, Scope scope, PlayRun play, List<String> hosts) {
        for (TaskItem item : items) {
            if (play.stopped()) return;
            List<String> live = play.activeHosts(hosts);
            if (live.isEmpty()) return;
            if (item instanceof Block b) block(b, scope, play, live);
            else task((Task) item, scope, play, live, false);
        }
    }

    private void block(Block b, Scope outer, PlayRun play, List<String> hosts) {
        Scope scope = outer.enter(b);
        run(b.block(), scope.inSection(b, BlockSection.Part.BLOCK), play, hosts);
        List<String> rescued = BlockRunner.enterRescue(run, b, play, hosts);
        if (!rescued.isEmpty()) run(b.rescue(), scope.inSection(b, BlockSection.Part.RESCUE), play, rescued);
        if (b.always().isEmpty() || play.stopped()) return;
        BlockRunner.Always always = BlockRunner.enterAlways(run, hosts);
        run(b.always(), scope.inSection(b, BlockSection.Part.ALWAYS), play, always.hosts());
        always.restore(run);
    }

    /** Runs one task (or handler) on the hosts, then what it included, then the handlers if it asked for a flush. */
    public void task(Task task, Scope outer, PlayRun play, List<String> hosts, boolean handler) {
        Scope scope = outer.enter(task);
        if (!handler && !TagValues.templated(scope.tags()) && !tags.selects(scope.tags())) return;
        if (!run.state.startReached()) {
            if (!task.displayName().equals(run.options.startAtTask) && !String.valueOf(task.name()).equals(run.options.startAtTask)) return;
            run.state.reachStart();
        }
        List<String> targets = handler ? hosts : play.activeHosts(hosts);
        if (!handler && TagValues.templated(scope.tags())) targets = selectedByTags(targets, scope, play);
        if (targets.isEmpty() || run.state.quitting()) return;
        Map<String, HostRun> runs = tasks.run(task, scope, play, targets, handler);
        if (runs.isEmpty()) return;
        runIncludes(task, scope, play, runs);
        if (play.takeFlushRequest(targets)) flushHandlers(play, targets);
    }

    /** The hosts on which a task with templated tags is selected: its tags rendered with each host's variables. */
    private List<String> selectedByTags(List<String> hosts, Scope scope, PlayRun play) {
        VarsAssembler vars = new VarsAssembler(run);
        List<String> selected = new ArrayList<>();
        for (String h : hosts) {
            if (tags.selects(TagValues.render(scope.tags(), run.templar, vars.forTask(h, play, scope)))) selected.add(h);
        }
        return selected;
    }

    /** include_tasks / include_role: hosts that included the same file (and item) run its tasks together. */
    private void runIncludes(Task task, Scope scope, PlayRun play, Map<String, HostRun> runs) {
        Map<String, Included> byKey = new LinkedHashMap<>();
        Map<String, List<String>> hostsByKey = new LinkedHashMap<>();
        runs.forEach((host, r) -> {
            for (Included inc : r.included()) {
                byKey.putIfAbsent(inc.key(), inc);
                hostsByKey.computeIfAbsent(inc.key(), k -> new ArrayList<>()).add(host);
            }
        });
        // the include's own when/tags/keywords do not pass to the included tasks; its vars and `apply` do
        Scope outer = scope.parent() != null ? scope.parent() : scope;
        for (Map.Entry<String, Included> e : byKey.entrySet()) {
            Included inc = e.getValue();
            List<String> hosts = hostsByKey.get(e.getKey());
            if (inc.role() != null && inc.key().startsWith(Included.ROLE_PREFIX)) {
                // include_role / import_role: the role's dependencies first, then the role; their handlers join the play's
                for (Role dep : RoleOrder.dependencies(inc.role(), play.rolesSeen())) {
                    play.handlers().addRole(dep);
                    run(dep.tasks(), outer.inRole(dep).withKeywords(inc.apply()), play, hosts);
                }
                play.rolesSeen().add(inc.role().identity());
                play.handlers().addRole(inc.role());
            }
            Scope s = outer;
            if (inc.role() != null) s = s.inRole(inc.role());
            s = s.withKeywords(task.keywords().only(Keywords.VARS));
            s = s.withKeywords(inc.apply()).withIncludeParams(inc.params())
                    .withIncludes(scope.includes().enter(inc, task, scope.role()));
            run(inc.items(), s, play, hosts);
        }
    }

    /** Runs the handlers notified for {@code only} (the hosts of the flushing task or section). */
    public void flushHandlers(PlayRun play, List<String> only) {
        if (run.state.quitting()) return;
        boolean force = play.value(play.play().forceHandlers(), run.options.forceHandlers);
        HandlerQueue.Notified next;
        int from = 0;
        while (!play.stopped() && (next = play.handlers().next(from, only)) != null) {
            from = next.index() + 1;
            List<String> hosts = new ArrayList<>();
            for (String h : next.hosts()) {
                HostState s = run.state.host(h);
                if (!s.unreachable() && !play.ended(h) && (force || !s.failed())) hosts.add(h);
            }
            if (hosts.isEmpty()) continue;
            Task handler = next.handler();
            Scope scope = Scope.ofPlay(play.play().keywords());
            if (play.handlers().roleOf(handler) != null) scope = scope.inRole(play.handlers().roleOf(handler));
            task(handler, scope, play, hosts, true);
            play.handlers().ran(handler, hosts);
        }
    }
}
