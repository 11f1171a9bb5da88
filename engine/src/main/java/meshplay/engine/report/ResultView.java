package meshplay.engine.report;

import java.util.LinkedHashMap;
import java.util.Map;
import meshplay.engine.lang.Json;
import meshplay.engine.result.TaskResult;

/** What reporters may show of a result: everything, or only the censored notice under no_log. */
public final class ResultView {
    private ResultView() {
    }

    /** The result as the console shows it: what the task returned, with meshplay's note (if any) as "note". */
    public static Map<String, Object> of(TaskResult r) {
        Map<String, Object> out = returned(r);
        if (!r.noLog() && r.note() != null) out.put("note", r.note());
        return out;
    }

    /** What the task returned, as Ansible's callbacks get it: without meshplay's note, which --json shows apart. */
    public static Map<String, Object> returned(TaskResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (r.noLog()) {
            out.put("censored", TaskResult.NO_LOG_MESSAGE);
            out.put("changed", r.changed());
            if (r.failed()) out.put("failed", true);
            return out;
        }
        Map<String, Object> reg = r.toRegistered();
        if (r.isLoop()) {
            reg.remove("results");
        }
        reg.remove("ansible_loop_var");
        if (r.loopVar() != null) reg.remove(r.loopVar());
        return reg;
    }

    /** The label of a loop item as shown in "(item=...)"; hidden under no_log as Ansible does. */
    public static String itemLabel(TaskResult r) {
        if (r.noLog()) return "None";
        if (r.label() != null) return r.label();
        Object item = r.item();
        return item instanceof Map || item instanceof java.util.List ? Json.write(item, Json.COMPACT) : String.valueOf(item);
    }
}
