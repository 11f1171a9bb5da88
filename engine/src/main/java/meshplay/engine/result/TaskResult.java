package meshplay.engine.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.module.Diff;
import meshplay.engine.yaml.Unsafe;

/**
 * What one task did on one host (or for one loop item): an immutable value. It is built once with a
 * {@link Builder}; a stage that refines it (changed_when/failed_when, until, ignore_errors, no_log)
 * makes a changed copy with {@link #toBuilder()}, so a result that reporters, register or the step
 * prompt hold never changes under them. {@code data} came from the host and is never templated. It
 * sits below the runner, so the reporters and the step hook read it without knowing the runner.
 *
 * <p>Its parts: the outcome (status, msg, data, diffs, attempts, and the error that explains a
 * failure; a failure may still have changed the host, as a command that ran and exited non-zero); the loop (an aggregate's items, or this item's value, label and loop variable); the
 * display (no_log, a note, the delegate host), which never changes what the run does; and the control
 * flow: whether a failure or an unreachable host was ignored, read by the runner as {@link #hostEffect()}.
 */
public final class TaskResult {
    public enum Status { OK, CHANGED, SKIPPED, FAILED, UNREACHABLE }

    /**
     * What the runner does with the host after this result: control flow, decided by the status and by
     * ignore_errors / ignore_unreachable.
     */
    public enum HostEffect {
        /** The host goes on with its next task (after an ignored failure too). */
        CONTINUES,
        /** The host has failed: it leaves the play, or its block's rescue runs. */
        FAILS,
        /** The host could not be reached: it leaves the play. */
        UNREACHABLE
    }

    public static final String NO_LOG_MESSAGE = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";

    // the outcome: what happened
    private final Status status;
    /** A failed result that changed the host before failing (Status.CHANGED is a change that succeeded). */
    private final boolean failedWithChange;
    private final String msg;
    private final Map<String, Object> data;
    private final List<Diff> diffs;
    private final int attempts;
    /** until ran out of retries: the registered result says failed even when failed_when kept the task from failing. */
    private final boolean untilExhausted;
    private final UserError userError;
    private final Throwable exception;
    // the loop: an aggregate's items, or one item's value
    private final boolean loop;
    private final List<TaskResult> items;
    private final Object item;
    private final String label;
    private final String loopVar;
    // the handlers: the names notify gave, rendered for this host (and item)
    private final List<String> notify;
    // the display: how it is shown, never what the run does
    private final boolean noLog;
    private final String note;
    private final String delegatedTo;
    // the control flow: a failure or unreachable host that ignore_errors / ignore_unreachable let pass
    private final boolean ignored;

    private TaskResult(Builder b) {
        status = b.status;
        failedWithChange = b.status == Status.FAILED && b.failedWithChange;
        msg = b.msg;
        data = Collections.unmodifiableMap(new LinkedHashMap<>(b.data));
        diffs = List.copyOf(b.diffs);
        attempts = b.attempts;
        untilExhausted = b.untilExhausted;
        userError = b.userError;
        exception = b.exception;
        loop = b.loop;
        // a no_log aggregate hides its items too
        items = b.noLog ? b.items.stream().map(i -> i.noLog ? i : i.toBuilder().noLog(true).build()).toList() : List.copyOf(b.items);
        item = b.item;
        label = b.label;
        loopVar = b.loopVar;
        notify = List.copyOf(b.notify);
        noLog = b.noLog;
        note = b.note;
        delegatedTo = b.delegatedTo;
        ignored = b.ignored;
    }

    public static Builder builder(Status status) {
        return new Builder(status);
    }

    /** A builder that starts as a copy of this result, to make a refined one. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public static TaskResult ok() {
        return builder(Status.OK).build();
    }

    public static TaskResult skipped(String reason) {
        return builder(Status.SKIPPED).data("skip_reason", reason).build();
    }

    public static TaskResult failed(String msg) {
        return builder(Status.FAILED).msg(msg).build();
    }

    /** An unexpected failure: {@code cause} is shown at -vvv. */
    public static TaskResult failed(String msg, Throwable cause) {
        return builder(Status.FAILED).msg(msg).exception(cause).build();
    }

    public static TaskResult unreachable(String msg) {
        return builder(Status.UNREACHABLE).msg(msg).build();
    }

    /** The failure of a user-fixable error: the message names the origin, the hint says how to fix it. */
    public static TaskResult failed(UserError e) {
        return builder(Status.FAILED).explain(e).build();
    }

    /**
     * A loop's result from its items' results, as Ansible aggregates them: unreachable when an item
     * was, else failed when one failed, else changed when one changed, else skipped when all were
     * skipped (or there were no items), else ok. It is shown on the host the first item ran on.
     */
    public static TaskResult ofLoop(List<TaskResult> items) {
        Builder b = builder(Status.OK).loop(items);
        if (items.isEmpty()) return b.status(Status.SKIPPED).data("skip_reason", "No items in the list").build();
        b.delegatedTo(items.get(0).delegatedTo());
        // as in Ansible, a loop that changed notifies what every item named
        b.notify(items.stream().flatMap(i -> i.notified().stream()).distinct().toList());
        if (items.stream().anyMatch(TaskResult::unreachable)) b.status(Status.UNREACHABLE);
        else if (items.stream().anyMatch(TaskResult::failed)) {
            b.status(Status.FAILED).msg("One or more items failed").failedWithChange(items.stream().anyMatch(TaskResult::changed));
        }
        else if (items.stream().anyMatch(TaskResult::changed)) b.status(Status.CHANGED);
        else if (items.stream().allMatch(TaskResult::skipped)) b.status(Status.SKIPPED);
        return b.build();
    }

    public Status status() { return status; }
    /**
     * Whether the host was changed: a change that succeeded, or a failure that changed it first (a
     * command that ran and exited non-zero). As in Ansible, only a change that succeeded notifies
     * handlers ({@link #changedOk()}); an ignored failure with a change counts changed in the recap.
     */
    public boolean changed() { return status == Status.CHANGED || failedWithChange; }
    /** A change that succeeded: what notifies handlers. */
    public boolean changedOk() { return status == Status.CHANGED; }
    public boolean failed() { return status == Status.FAILED; }
    public boolean skipped() { return status == Status.SKIPPED; }
    public boolean unreachable() { return status == Status.UNREACHABLE; }
    public String msg() { return msg; }
    /** The module's or action's data, read-only. */
    public Map<String, Object> data() { return data; }
    public List<Diff> diffs() { return diffs; }
    /** The attempts `until` made (0 without until). */
    public int attempts() { return attempts; }
    /** until ran out of retries (see {@link Builder#untilExhausted()}). */
    public boolean untilExhausted() { return untilExhausted; }
    /** The user-fixable error that failed the task (shown with its origin and hint), or null. */
    public UserError userError() { return userError; }
    /** The cause of an unexpected failure (shown at -vvv), or null. */
    public Throwable exception() { return exception; }

    /** True for a loop's aggregate result, whose {@link #items()} are the items' results. */
    public boolean isLoop() { return loop; }
    public List<TaskResult> items() { return items; }
    /** The loop item this result is for (with its display label and loop variable), or null. */
    public Object item() { return item; }
    public String label() { return label; }
    public String loopVar() { return loopVar; }

    /**
     * The handler names the task's notify keyword gave, rendered with this host's (and item's)
     * variables; for a loop, those of all its items. They are notified when the task changed and did not fail.
     */
    public List<String> notified() { return notify; }

    public boolean noLog() { return noLog; }
    /** A remark for the user (check mode could not know, a predicted value was used, ...), or null. */
    public String note() { return note; }
    /** The host delegate_to sent the task to (rendered), or null. */
    public String delegatedTo() { return delegatedTo; }

    /** True when ignore_errors (or ignore_unreachable) let this failure pass. */
    public boolean ignored() { return ignored; }

    /** What the host does next: a failure or unreachable host that was not ignored takes it out. */
    public HostEffect hostEffect() {
        if (ignored) return HostEffect.CONTINUES;
        if (status == Status.FAILED) return HostEffect.FAILS;
        if (status == Status.UNREACHABLE) return HostEffect.UNREACHABLE;
        return HostEffect.CONTINUES;
    }

    /** True when the host leaves the play after this result (failed or unreachable, not ignored). */
    public boolean stopsHost() {
        return hostEffect() != HostEffect.CONTINUES;
    }

    /**
     * The value stored by {@code register:} (also what failed_when/changed_when/until see, and
     * ansible_failed_result): module data plus changed/failed/msg/skipped, and for a loop
     * {results: [...]} with the aggregate flags. As in Ansible, all of it is marked unsafe: data, never
     * an expression. Each call returns a fresh map.
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
            out.put("failed", items.stream().anyMatch(i -> i.failed() && !i.ignored() || i.untilExhausted) || failed());
            out.put("skipped", !items.isEmpty() && items.stream().allMatch(TaskResult::skipped));
            out.put("msg", msg != null ? msg : Boolean.TRUE.equals(out.get("failed")) ? "One or more items failed" : "All items completed");
            return out;
        }
        out.putAll(data);
        out.put("changed", changed());
        out.put("failed", failed() || untilExhausted);
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

    /** Gathers the parts of a result; {@link #build()} makes the immutable value. Used on one thread. */
    public static final class Builder {
        private Status status;
        private boolean failedWithChange;
        private String msg;
        private final Map<String, Object> data = new LinkedHashMap<>();
        private final List<Diff> diffs = new ArrayList<>();
        private int attempts;
        private boolean untilExhausted;
        private UserError userError;
        private Throwable exception;
        private boolean loop;
        private final List<TaskResult> items = new ArrayList<>();
        private Object item;
        private String label;
        private String loopVar;
        private final List<String> notify = new ArrayList<>();
        private boolean noLog;
        private String note;
        private String delegatedTo;
        private boolean ignored;

        private Builder(Status status) {
            this.status = status;
        }

        private Builder(TaskResult r) {
            status = r.status;
            failedWithChange = r.failedWithChange;
            msg = r.msg;
            data.putAll(r.data);
            diffs.addAll(r.diffs);
            attempts = r.attempts;
            untilExhausted = r.untilExhausted;
            userError = r.userError;
            exception = r.exception;
            loop = r.loop;
            items.addAll(r.items);
            item = r.item;
            label = r.label;
            loopVar = r.loopVar;
            notify.addAll(r.notify);
            noLog = r.noLog;
            note = r.note;
            delegatedTo = r.delegatedTo;
            ignored = r.ignored;
        }

        /**
         * Sets the outcome. A changed result that becomes FAILED (failed_when, until used up) keeps its
         * change: in Ansible, failed and changed are separate flags.
         */
        public Builder status(Status s) {
            if (s == Status.FAILED && status == Status.CHANGED) failedWithChange = true;
            status = s;
            return this;
        }

        /** For a FAILED status: whether the task changed the host before it failed (ignored otherwise). */
        public Builder failedWithChange(boolean v) { failedWithChange = v; return this; }
        public Builder msg(String m) { msg = m; return this; }
        public Builder data(String key, Object value) { data.put(key, value); return this; }
        public Builder data(Map<String, ?> values) { data.putAll(values); return this; }
        public Builder diffs(List<Diff> d) { diffs.addAll(d); return this; }
        public Builder attempts(int n) { attempts = n; return this; }

        /**
         * until ran out of retries. As in Ansible, the registered result then says {@code failed: true}
         * even when a false failed_when keeps the task itself from failing (and from the recap's failures).
         */
        public Builder untilExhausted() { untilExhausted = true; return this; }

        /** The failure's user-fixable error; the msg follows it (message, origin and hint). */
        public Builder explain(UserError e) {
            userError = e;
            msg = e.getMessage() + (e.origin().line() > 0 ? " (" + e.origin() + ")" : "") + (e.hint() == null ? "" : "; " + e.hint());
            return this;
        }

        public Builder exception(Throwable t) { exception = t; return this; }

        /** Makes this a loop's aggregate over the items' results. */
        public Builder loop(List<TaskResult> itemResults) {
            loop = true;
            items.clear();
            items.addAll(itemResults);
            return this;
        }

        /** Makes this the result of one loop item: its value, its display label (or null) and the loop variable. */
        public Builder item(Object value, String displayLabel, String var) {
            item = value;
            label = displayLabel;
            loopVar = var;
            return this;
        }

        /** The handler names notify gave, rendered (replaces any set before). */
        public Builder notify(List<String> names) {
            notify.clear();
            notify.addAll(names);
            return this;
        }

        public Builder noLog(boolean v) { noLog = v; return this; }

        /** Adds a remark to the note ("; " between remarks). */
        public Builder note(String n) {
            note = note == null ? n : note + "; " + n;
            return this;
        }

        public Builder delegatedTo(String host) { delegatedTo = host; return this; }
        public Builder ignored(boolean v) { ignored = v; return this; }

        public TaskResult build() {
            return new TaskResult(this);
        }
    }
}
