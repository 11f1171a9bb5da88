package meshplay.engine.exec.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import meshplay.engine.error.UserError;
import meshplay.engine.exec.RegisterNotes;
import meshplay.engine.exec.RunContext;
import meshplay.engine.exec.scope.TaskRequest;
import meshplay.engine.result.TaskResult;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/**
 * Check mode's dependent tasks: a task that reads a result registered by a task that was only planned
 * (not run) gets a note saying so, and when it fails (typically on an undefined stdout), its message
 * says which task did not run and how to make such read-only probes run in check mode too.
 */
final class PredictedUse {
    /** The key a planned-only result carries in its data (and so in its registered value). */
    static final String MARK = "predicted";

    private PredictedUse() {
    }

    /** The result with the predicted values it used named: in its failure's explanation, or in a note. */
    static TaskResult annotate(RunContext run, TaskRequest q, TaskResult result) {
        Map<String, RegisterNotes.Note> predicted = run.state.registers.predicted(q.host());
        if (predicted.isEmpty()) return result;
        String text = String.join("\n", texts(q));
        Map<String, RegisterNotes.Note> used = new LinkedHashMap<>();
        predicted.forEach((name, note) -> {
            if (Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "\\b").matcher(text).find()) used.put(name, note);
        });
        if (used.isEmpty()) return result;
        List<String> parts = new ArrayList<>();
        used.forEach((name, note) -> parts.add("'" + name + "' from " + note.describe()));
        String what = String.join(", ", parts);
        if (result.failed()) {
            String why = "in check mode this value is unknown: " + what + " did not run, so its result is only predicted"
                    + " (no stdout); give that task `check_mode: false` if it only reads the host, so that it runs in check mode too";
            UserError e = result.userError();
            if (e != null) return result.toBuilder().explain(new UserError(e.origin(), e.getMessage(), why, e.exitCode())).build();
            return result.toBuilder().msg(result.msg() + " -- " + why).build();
        }
        return result.toBuilder().note("uses a predicted result: " + what + " did not run in check mode").build();
    }

    /** The playbook text the task evaluates: its arguments, its own keywords and the inherited conditions. */
    private static List<String> texts(TaskRequest q) {
        List<String> out = new ArrayList<>();
        collect(q.task().args(), out);
        q.task().keywords().all().forEach(k -> collect(k.node(), out));
        q.scope().whens().forEach(n -> collect(n, out));
        return out;
    }

    private static void collect(YNode node, List<String> out) {
        if (node instanceof YScalar s && s.value() != null) out.add(String.valueOf(s.value()));
        else if (node instanceof YList l) l.items().forEach(n -> collect(n, out));
        else if (node instanceof YMap m) m.entries().values().forEach(n -> collect(n, out));
    }
}
