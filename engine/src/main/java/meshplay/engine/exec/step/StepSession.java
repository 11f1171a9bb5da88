package meshplay.engine.exec.step;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import meshplay.engine.exec.ArgRenderer;
import meshplay.engine.exec.RunContext;
import meshplay.engine.exec.actions.EngineAction;
import meshplay.engine.exec.scope.PlayRun;
import meshplay.engine.exec.scope.Scope;
import meshplay.engine.exec.task.TaskExecutor;
import meshplay.engine.model.Keyword;
import meshplay.engine.model.Keywords;
import meshplay.engine.model.Task;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgValidator;
import meshplay.engine.module.Module;
import meshplay.engine.step.SecretNames;
import meshplay.engine.step.StepPoint;
import meshplay.engine.yaml.YNode;

/** The runner's StepPoint: the task about to run and the edits the prompt makes to it. */
final class StepSession implements StepPoint {
    private final RunContext run;
    private final TaskExecutor executor;
    private final Task task;
    private final Scope scope;
    private final PlayRun play;
    private final List<String> hosts;
    private final int number;
    private final Task previous;
    private final Map<String, Object> argOverrides = new LinkedHashMap<>();

    StepSession(RunContext run, TaskExecutor executor, Task task, Scope scope, PlayRun play, List<String> hosts, int number,
                Task previous) {
        this.previous = previous;
        this.run = run;
        this.executor = executor;
        this.task = task;
        this.scope = scope;
        this.play = play;
        this.hosts = List.copyOf(hosts);
        this.number = number;
    }

    Map<String, Object> argOverrides() {
        return argOverrides;
    }

    @Override public Task task() { return task; }
    @Override public int number() { return number; }
    @Override public String playName() { return play.play().name(); }
    @Override public List<String> hosts() { return hosts; }
    @Override public List<Task> taskList() { return play.numberedTasks(); }
    @Override public Task previousTask() { return previous; }

    @Override
    public boolean noLog(String host) {
        Keyword<Boolean> noLog = scope.keyword(Keywords.NO_LOG);
        if (noLog == null) return false;
        try {
            return run.keywords.value(noLog, noLog.templated() ? vars(host) : Map.of(), false);
        } catch (RuntimeException e) {
            return true; // when it cannot be told, hiding is the safe answer
        }
    }

    @Override
    public boolean diffHidden() {
        Keyword<Boolean> diff = scope.keyword(Keywords.DIFF);
        if (diff == null) return false;
        try {
            return !run.keywords.value(diff, diff.templated() ? vars(hosts.get(0)) : Map.of(), true);
        } catch (RuntimeException e) {
            return true; // when it cannot be told, hiding is the safe answer
        }
    }

    @Override
    public Set<String> secretVars(String host) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : vars(host).keySet()) if (SecretNames.looksSecret(name)) out.add(name);
        out.addAll(run.state.registers.secret(host));
        return out;
    }

    @Override
    public List<String> secretValues() {
        return run.options.vault.revealed().longestFirst();
    }

    @Override
    public Map<String, Object> renderedArgs(String host) {
        Map<String, Object> vars = vars(host);
        ArgSpec spec = spec();
        YNode argsKw = scope.keywords().node(Keywords.ARGS);
        Map<String, Object> given = ArgRenderer.render(task, argsKw, spec, run.templar, vars);
        given.putAll(argOverrides);
        Map<String, Object> out = new LinkedHashMap<>();
        given.forEach((k, v) -> out.put(k, ArgValidator.plain(v)));
        return out;
    }

    @Override
    public Map<String, Object> vars(String host) {
        return executor.vars().forTask(host, play, scope);
    }

    @Override
    public Object evaluate(String host, String expression) {
        return run.templar.evaluate(expression, vars(host), task.origin());
    }

    @Override
    public void setVar(String name, Object value) {
        run.state.stepOverrides.put(name, value);
    }

    @Override
    public void setArg(String key, Object value) {
        argOverrides.put(key, value);
    }

    private ArgSpec spec() {
        EngineAction a = run.actions.find(task.action());
        if (a != null) return a.spec();
        Module m = run.modules.find(task.action());
        return m == null ? null : m.spec();
    }
}
