package meshplay.engine.exec.play;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.exec.RunContext;
import meshplay.engine.exec.include.Traversal;
import meshplay.engine.exec.scope.PlayRun;
import meshplay.engine.exec.scope.Scope;
import meshplay.engine.exec.scope.VarsAssembler;
import meshplay.engine.model.Play;
import meshplay.engine.model.Role;
import meshplay.engine.model.Task;
import meshplay.engine.report.Event;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/**
 * Runs one play: selects its hosts (pattern, --limit, minus hosts that failed earlier), splits them
 * into serial batches, and per batch gathers facts and runs pre_tasks, roles + tasks and post_tasks,
 * flushing handlers after each section. When any_errors_fatal or max_fail_percentage stops the play,
 * or every host of a batch failed, the rest of the playbook does not run (as in ansible-playbook).
 */
final class PlayExecutor {
    private final RunContext run;
    private final Traversal traversal;

    PlayExecutor(RunContext run, Traversal traversal) {
        this.run = run;
        this.traversal = traversal;
    }

    void run(Play play) {
        List<String> hosts = new ArrayList<>();
        for (String h : PlayHosts.select(run, play)) {
            if (run.state.host(h).active()) hosts.add(h);
        }
        run.events.on(new Event.PlayStart(displayName(play), play.origin(), hosts));
        if (hosts.isEmpty()) {
            run.events.on(new Event.NoHosts(displayName(play), "no hosts matched"));
            return;
        }
        boolean free = freeStrategy(play);
        Map<String, Object> varsFiles = loadVarsFiles(play);
        List<Task> numbered = PlayTasks.numbered(play);
        Object serial = run.keywords.render(play.serial(), run.options.extraVars);
        for (List<String> batch : SerialBatches.split(hosts, serial, play.origin())) {
            PlayRun pr = new PlayRun(run, play, hosts, batch, varsFiles, numbered);
            runBatch(play, pr, free);
            if (pr.brokenOff() || batchFailed(batch)) {
                // as ansible-playbook: the plays after this one do not run either
                run.state.breakPlaybook(pr.brokenOff());
                break;
            }
            if (pr.playEnded() || run.state.quitting()) break;
        }
    }

    /** Every host of the batch failed or became unreachable in it. */
    private boolean batchFailed(List<String> batch) {
        return batch.stream().noneMatch(h -> run.state.host(h).active());
    }

    /** A play without a name is shown by its host pattern, as in Ansible. */
    static String displayName(Play play) {
        if (play.name() != null && !play.name().isBlank()) return play.name();
        Object hosts = play.hosts() == null ? null : play.hosts().toJava();
        return hosts instanceof java.util.List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(hosts);
    }

    private void runBatch(Play play, PlayRun pr, boolean free) {
        Scope playScope = Scope.ofPlay(play.keywords());
        gatherFacts(play, pr, playScope);
        if (free) {
            FreeStrategy.run(run, pr.batch(), host -> runSections(play, pr, playScope, List.of(host)));
        } else {
            runSections(play, pr, playScope, pr.batch());
        }
        if (!pr.playEnded() && !run.state.quitting() && pr.activeHosts(pr.batch()).isEmpty()) {
            run.events.on(new Event.NoHosts(displayName(play), "NO MORE HOSTS LEFT"));
        }
    }

    /** pre_tasks, roles + tasks, post_tasks, each followed by the handlers notified for these hosts. */
    private void runSections(Play play, PlayRun pr, Scope playScope, List<String> hosts) {
        traversal.run(play.preTasks(), playScope, pr, hosts);
        flush(pr, hosts);
        for (Role role : play.roles()) {
            traversal.run(role.tasks(), playScope.inRole(role), pr, hosts);
        }
        traversal.run(play.tasks(), playScope, pr, hosts);
        flush(pr, hosts);
        traversal.run(play.postTasks(), playScope, pr, hosts);
        flush(pr, hosts);
    }

    /**
     * strategy: free (and host_pinned, which differs from it only in how Ansible assigns its forks)
     * lets each host run through the play at its own pace. The step prompt and the debugger need
     * every host at the same task, so with them (and with the debug strategy) the play runs linear,
     * with a warning.
     */
    private boolean freeStrategy(Play play) {
        String name = run.keywords.value(play.strategy(), run.options.extraVars, "linear");
        if (name.equals("linear")) return false;
        boolean free = name.equals("free") || name.equals("host_pinned");
        if (free && !run.step.interactive()) return true;
        run.events.on(new Event.Warning("strategy '" + name + "' (" + play.strategy().origin() + ") "
                + (free ? "cannot be used with --step or --debugger" : "is not supported")
                + "; the play runs with the linear strategy"));
        return false;
    }

    private void flush(PlayRun pr, List<String> hosts) {
        traversal.flushHandlers(pr, hosts);
    }

    private void gatherFacts(Play play, PlayRun pr, Scope playScope) {
        // ansible.cfg gathering: implicit gathers unless the play says no, explicit only when it says yes;
        // a templated gather_facts is evaluated with the batch's first host's variables
        boolean implicit = !"explicit".equals(run.options.gathering);
        boolean wanted = pr.value(play.gatherFacts(), implicit);
        if (!wanted) return;
        List<String> hosts = pr.batch();
        if ("smart".equals(run.options.gathering)) {
            // smart: a host whose facts this run already gathered is not asked again
            hosts = hosts.stream().filter(h -> run.state.host(h).facts().isEmpty()).toList();
            if (hosts.isEmpty()) return;
        }
        if (run.modules.find("setup") == null) {
            run.events.on(new Event.Info("fact gathering skipped: no setup module", 2));
            return;
        }
        Task setup = new Task("Gathering Facts", play.origin(), "setup", null,
                Map.of("tags", new YScalar("always", "always", false, play.origin())), null, play.baseDir());
        boolean asking = run.state.stepAsking();
        run.state.stepAsking(false); // facts are gathered without asking, as Ansible's --step does for setup
        try {
            traversal.task(setup, playScope, pr, hosts, false);
        } finally {
            run.state.stepAsking(asking && !run.state.quitting());
        }
    }

    private Map<String, Object> loadVarsFiles(Play play) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (YNode entry : play.varsFiles()) {
            List<YNode> candidates = entry instanceof YList l ? l.items() : List.of(entry);
            UserError last = null;
            boolean loaded = false;
            for (YNode c : candidates) {
                Path p = resolve(play, String.valueOf(run.templar.render(c, run.options.extraVars)));
                if (!p.toFile().exists()) {
                    last = new UserError(c.origin(), "vars file not found: " + p, "check the path (relative to " + play.baseDir() + ")");
                    continue;
                }
                out.putAll(VarsAssembler.entries(run.loader.loadPlayVars(p)));
                loaded = true;
                break;
            }
            if (!loaded && last != null) throw last;
        }
        return out;
    }

    private static Path resolve(Play play, String file) {
        Path p = Path.of(file);
        return p.isAbsolute() || play.baseDir() == null ? p : play.baseDir().resolve(p);
    }
}
