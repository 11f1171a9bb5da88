package meshplay.engine.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.module.Diff;
import meshplay.engine.yaml.Unsafe;

/**
 * What one task did on one host (or for one loop item). Built by the executor on one thread, then
 * handed to reporters and to register. {@code data} came from the host and is never templated. It
 * sits below the runner, so the reporters and the step hook read it without knowing the runner.
 */
public final class TaskResult {
    public enum Status { OK, CHANGED, SKIPPED, FAILED, UNREACHABLE }

    public static final String NO_LOG_MESSAGE = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";

    private Status status;
    private boolean ignored;
    private String msg;
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final List<Diff> diffs = new ArrayList<>();
    private final List<TaskResult> items = new ArrayList<>();
    private boolean loop;
    private Object item;
    private String label;
    private String loopVar;
    private int attempts;
    private boolean noLog;
    private String note;
    private UserError userError;
    private Throwable exception;
    private String delegatedTo;

    public TaskResult(Status status) {
        this.status = status;
    }

    public static TaskResult ok() {
        return new TaskResult(Status.OK);
    }

    public static TaskResult skipped(String reason) {
        TaskResult r = new TaskResult(Status.SKIPPED);
        r.data.put("skip_reason", reason);
        return r;
    }

    public static TaskResult failed(String msg) {
        TaskResult r = new TaskResult(Status.FAILED);
        r.msg = msg;
        return r;
    }

    public static TaskResult unreachable(String msg) {
        TaskResult r = new TaskResult(Status.UNREACHABLE);
        r.msg = msg;
        return r;
    }

    /** The failure of a user-fixable error: the message names the origin, the hint says how to fix it. */
    public static TaskResult failed(UserError e) {
        TaskResult r = failed(e.getMessage() + (e.origin().line() > 0 ? " (" + e.origin() + ")" : "")
                + (e.hint() == null ? "" : "; " + e.hint()));
        r.userError = e;
        return r;
    }

    public Status status() { return status; }
    public TaskResult status(Status s) { status = s; return this; }
    public boolean changed() { return status == Status.CHANGED; }
    public boolean failed() { return status == Status.FAILED; }
    public boolean skipped() { return status == Status.SKIPPED; }
    public boolean unreachable() { return status == Status.UNREACHABLE; }
    public boolean ignored() { return ignored; }
    public TaskResult ignored(boolean v) { ignored = v; return this; }
    public String msg() { return msg; }
    public TaskResult msg(String m) { msg = m; return this; }
    public Map<String, Object> data() { return data; }
    public List<Diff> diffs() { return diffs; }
    public List<TaskResult> items() { return items; }
    public boolean isLoop() { return loop; }
    public TaskResult loop(boolean v) { loop = v; return this; }
    public Object item() { return item; }
    public String label() { return label; }
    public String loopVar() { return loopVar; }
    public TaskResult item(Object value, String displayLabel, String var) { item = value; label = displayLabel; loopVar = var; return this; }
    public int attempts() { return attempts; }
    public TaskResult attempts(int n) { attempts = n; return this; }
    public boolean noLog() { return noLog; }
    public TaskResult noLog(boolean v) { noLog = v; for (TaskResult i : items) i.noLog(v); return this; }
    public String note() { return note; }
    public TaskResult note(String n) { note = n; return this; }
    public UserError userError() { return userError; }
    /** Replaces the failure's error with a better explained one (message and hint); the msg follows it. */
    public TaskResult explain(UserError e) {
        TaskResult f = failed(e);
        msg = f.msg;
        userError = e;
        return this;
    }
    public Throwable exception() { return exception; }
    public TaskResult exception(Throwable t) { exception = t; return this; }
    /** The host delegate_to sent the task to (rendered), or null. */
    public String delegatedTo() { return delegatedTo; }
    public TaskResult delegatedTo(String host) { delegatedTo = host; return this; }

    /**
     * The value stored by {@code register:} (also what failed_when/changed_when/until see, and
     * ansible_failed_result): module data plus changed/failed/msg/skipped, and for a loop
     * {results: [...]} with the aggregate flags. As in Ansible, all of it is marked unsafe: data, never
     * an expression.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toRegistered() {
        return (Map<String, Object>) Unsafe.mark(registered());
    }

    private Map<String, Object> registered() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (loop) {
            List<Object> results = new ArrayList<>();
            for (TaskResult i : items) results.add(i.toRegistered());
            out.put("results", results);
            out.put("changed", items.stream().anyMatch(TaskResult::changed));
            out.put("failed", items.stream().anyMatch(i -> i.failed() && !i.ignored()) || failed());
            out.put("skipped", !items.isEmpty() && items.stream().allMatch(TaskResult::skipped));
            out.put("msg", msg != null ? msg : failed() ? "One or more items failed" : "All items completed");
            return out;
        }
        out.putAll(data);
        out.put("changed", changed());
        out.put("failed", failed());
        if (skipped()) out.put("skipped", true);
        if (unreachable()) out.put("unreachable", true);
        if (msg != null) out.put("msg", msg);
        if (attempts > 0) out.put("attempts", attempts);
        if (loopVar != null) {
            out.put(loopVar, item);
            out.put("item", item);
            out.put("ansible_loop_var", loopVar);
        }
        return out;
    }
}
