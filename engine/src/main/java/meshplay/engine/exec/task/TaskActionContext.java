package meshplay.engine.exec.task;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.exec.HostState;
import meshplay.engine.exec.RunContext;
import meshplay.engine.exec.actions.ActionContext;
import meshplay.engine.exec.actions.Included;
import meshplay.engine.exec.scope.PlayRun;
import meshplay.engine.exec.scope.TaskRequest;
import meshplay.engine.inventory.Inventory;
import meshplay.engine.model.Role;
import meshplay.engine.model.Task;
import meshplay.engine.module.Args;
import meshplay.engine.yaml.YNode;

/** The runner's ActionContext for one host. */
final class TaskActionContext implements ActionContext {
    private final RunContext run;
    private final TaskRequest q;
    private final Args args;
    private final Map<String, Object> vars;
    private final boolean check;
    /** Where set_fact stores: the task's host, or its delegate with delegate_facts. */
    private final String factsHost;
    /** Where include actions put the content they include. */
    private final List<Included> includes;

    TaskActionContext(RunContext run, TaskRequest q, Args args, Map<String, Object> vars, boolean check, String factsHost,
                      List<Included> includes) {
        this.includes = includes;
        this.run = run;
        this.q = q;
        this.args = args;
        this.vars = vars;
        this.check = check;
        this.factsHost = factsHost;
    }

    @Override public Args args() { return args; }
    @Override public YNode rawArgs() { return q.task().args(); }
    @Override public String host() { return q.host(); }
    @Override public Task task() { return q.task(); }
    @Override public Map<String, Object> vars() { return vars; }
    @Override public boolean checkMode() { return check; }
    @Override public void setHostVar(String name, Object value) { run.state.host(factsHost).setVar(name, value); }
    @Override public void includeVars(Map<String, Object> values) { run.state.host(q.host()).includeVars(values); }
    @Override public void clearFacts() { run.state.host(q.host()).clearFacts(); }
    @Override public Inventory inventory() { return run.inventory; }
    @Override public meshplay.engine.model.ContentLoader loader() { return run.loader; }
    @Override public Path roleDir() { return q.scope().roleDir(); }
    @Override public Path taskDir() { return q.task().baseDir(); }
    @Override public Path playbookDir() { return run.playbookDir; }
    @Override public Role role() { return q.scope().role(); }
    @Override public void include(Included content) { includes.add(content); }

    @Override
    public PlayControl play() {
        PlayRun p = q.play();
        return new PlayControl() {
            public void flushHandlers() { p.requestFlush(q.host()); }
            public void endPlay() { p.endPlay(); }
            public void endHost(String host) { p.endHost(host); }
            public void clearHostErrors() {
                // as in Ansible: an unreachable host takes part again at once, from the next task on; a failed
                // host from the next play on, not in this one; a host in an always section (its failure put
                // aside) is cleared too, and goes on after it
                for (String h : p.allHosts()) {
                    HostState s = run.state.host(h);
                    if (s.unreachable()) {
                        s.unreachable(false);
                        run.state.stats.host(h).clearErrors();
                        continue;
                    }
                    s.errorsCleared();
                    run.state.stats.host(h).clearErrors();
                    if (!s.failed()) continue;
                    p.endHost(h);
                    s.failed(false);
                }
            }
        };
    }
}
