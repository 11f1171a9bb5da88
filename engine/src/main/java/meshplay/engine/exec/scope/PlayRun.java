package meshplay.engine.exec.scope;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import meshplay.engine.exec.RunContext;
import meshplay.engine.exec.handler.HandlerQueue;
import meshplay.engine.model.Keyword;
import meshplay.engine.model.Play;
import meshplay.engine.model.Task;

/** The state of one play while one serial batch runs: its hosts, handlers, ended hosts, abort flag. */
public final class PlayRun {
    private final RunContext run;
    private final Play play;
    private final List<String> allHosts;
    private final List<String> batch;
    private final Map<String, Object> varsFiles;
    private final HandlerQueue handlers;
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private final Map<Task, Integer> numbers;
    private final List<Task> numbered;
    private volatile boolean playEnded;
    private volatile boolean aborted;
    private volatile boolean brokenOff;
    private final Set<String> flushRequests = ConcurrentHashMap.newKeySet();
    /** Uses of roles (Role.identity) in this play: a dependency used the same way again does not run again. */
    private final Set<Object> rolesSeen = ConcurrentHashMap.newKeySet();
    /** A step "jump N": tasks numbered below it are passed over. */
    public volatile int jumpTarget;

    public PlayRun(RunContext run, Play play, List<String> allHosts, List<String> batch, Map<String, Object> varsFiles,
            List<Task> numbered) {
        this.run = run;
        this.play = play;
        this.allHosts = List.copyOf(allHosts);
        this.batch = List.copyOf(batch);
        this.varsFiles = varsFiles;
        this.handlers = new HandlerQueue(run, play, role -> new VarsAssembler(run).forPlay(this, role));
        this.numbered = numbered;
        this.numbers = new IdentityHashMap<>();
        for (meshplay.engine.model.Role r : play.roles()) rolesSeen.add(r.identity());
        for (int i = 0; i < numbered.size(); i++) numbers.put(numbered.get(i), i + 1);
    }

    public Play play() { return play; }
    public List<String> allHosts() { return allHosts; }
    public List<String> batch() { return batch; }
    public Map<String, Object> varsFiles() { return varsFiles; }
    public HandlerQueue handlers() { return handlers; }
    public Set<Object> rolesSeen() { return rolesSeen; }
    public RunContext run() { return run; }

    /** The task's number in the play's static task list (1-based), or 0 for included tasks and handlers. */
    public int number(Task t) {
        return numbers.getOrDefault(t, 0);
    }

    public List<Task> numberedTasks() {
        return numbered;
    }

    /** Hosts of {@code hosts} that still run: not failed, unreachable or ended. */
    public List<String> activeHosts(List<String> hosts) {
        List<String> out = new ArrayList<>();
        for (String h : hosts) {
            if (run.state.host(h).active() && !ended.contains(h)) out.add(h);
        }
        return out;
    }

    public void endHost(String host) {
        ended.add(host);
    }

    /** True when the host was ended (meta end_host, any_errors_fatal) and runs nothing more in this play. */
    public boolean ended(String host) {
        return ended.contains(host);
    }

    /** meta: flush_handlers asks (per host); the dispatcher flushes once the task has run on its hosts. */
    public void requestFlush(String host) {
        flushRequests.add(host);
    }

    /** True once after one of {@code hosts} asked for a flush. */
    public boolean takeFlushRequest(List<String> hosts) {
        boolean asked = false;
        for (String h : hosts) asked |= flushRequests.remove(h);
        return asked;
    }

    public void endPlay() {
        playEnded = true;
    }

    public boolean playEnded() {
        return playEnded;
    }

    /** max_fail_percentage exceeded: no further task of this play runs, for any host. */
    public void abort() {
        aborted = true;
    }

    /** any_errors_fatal stopped hosts: the play goes on for hosts in a rescue or always section, no later play runs. */
    public void breakOff() {
        brokenOff = true;
    }

    /** True when no play after this one runs: it was aborted or broken off. */
    public boolean brokenOff() {
        return aborted || brokenOff;
    }

    /**
     * A play keyword's value for this batch (gather_facts, force_handlers): a template is evaluated
     * with the variables of the batch's first host.
     */
    public <T> T value(Keyword<T> k, T fallback) {
        if (k == null) return fallback;
        Map<String, Object> vars = k.templated() ? new VarsAssembler(run).forTask(batch.get(0), this, Scope.ofPlay(play.keywords())) : Map.of();
        return run.keywords.value(k, vars, fallback);
    }

    public boolean stopped() {
        return aborted || playEnded || run.state.quitting();
    }
}
