package meshplay.engine.exec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import meshplay.engine.result.TaskResult;

/**
 * What the run knows about one host across plays: facts and registered/set_fact values (data from
 * the host or already rendered: never templated), include_vars values (trusted YNode), and whether the
 * host failed or became unreachable (then it takes no further part in the run).
 */
public final class HostState {
    private final String name;
    private final Map<String, Object> facts = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Object> hostVars = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Object> includedVars = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile boolean failed;
    private volatile boolean unreachable;
    /** How many times meta: clear_host_errors ran: a failure put aside for an always section is then forgotten. */
    private volatile int errorClears;
    private volatile meshplay.engine.model.Task lastFailedTask;
    private volatile TaskResult lastFailedResult;

    public HostState(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Map<String, Object> facts() {
        synchronized (facts) {
            return new LinkedHashMap<>(facts);
        }
    }

    public void addFacts(Map<String, Object> more) {
        facts.putAll(more);
    }

    public void clearFacts() {
        facts.clear();
    }

    /** set_fact and register values. */
    public Map<String, Object> hostVars() {
        synchronized (hostVars) {
            return new LinkedHashMap<>(hostVars);
        }
    }

    public void setVar(String name, Object value) {
        hostVars.put(name, value);
    }

    public Map<String, Object> includedVars() {
        synchronized (includedVars) {
            return new LinkedHashMap<>(includedVars);
        }
    }

    public void includeVars(Map<String, Object> values) {
        includedVars.putAll(values);
    }

    public boolean failed() {
        return failed;
    }

    public void failed(boolean v) {
        failed = v;
    }

    /** meta: clear_host_errors ran while the host is in the play. */
    public void errorsCleared() {
        errorClears++;
    }

    public int errorClears() {
        return errorClears;
    }

    public boolean unreachable() {
        return unreachable;
    }

    public void unreachable(boolean v) {
        unreachable = v;
    }

    /** Remembers the failure that a rescue section can inspect (ansible_failed_task / _result). */
    public void lastFailure(meshplay.engine.model.Task task, TaskResult result) {
        lastFailedTask = task;
        lastFailedResult = result;
    }

    public meshplay.engine.model.Task lastFailedTask() {
        return lastFailedTask;
    }

    public TaskResult lastFailedResult() {
        return lastFailedResult;
    }

    /** True when the host still takes part in the run. */
    public boolean active() {
        return !failed && !unreachable;
    }
}
