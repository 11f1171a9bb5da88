package meshplay.engine.exec.task;

import java.util.LinkedHashMap;
import java.util.Map;
import meshplay.engine.exec.Conditionals;
import meshplay.engine.model.KeywordSet;
import meshplay.engine.model.Keywords;
import meshplay.engine.result.TaskResult;
import meshplay.engine.yaml.YNode;

/** changed_when and failed_when, evaluated with the result bound under the task's register name. */
final class ResultRules {
    private ResultRules() {
    }

    static Map<String, Object> bind(Map<String, Object> vars, String register, TaskResult r) {
        if (register == null) return vars;
        Map<String, Object> v = new LinkedHashMap<>(vars);
        v.put(register, r.toRegistered());
        return v;
    }

    static void apply(Conditionals conditionals, TaskResult r, KeywordSet keywords, Map<String, Object> vars, String register) {
        if (r.skipped() || r.unreachable()) return;
        if (Boolean.TRUE.equals(r.data().get(PredictedUse.MARK))) {
            applyToPrediction(conditionals, r, keywords, vars, register);
            return;
        }
        evaluate(conditionals, r, keywords, vars, register);
    }

    /** A planned-only result has no output to judge: a rule that needs it leaves the prediction as it is. */
    private static void applyToPrediction(Conditionals conditionals, TaskResult r, KeywordSet keywords, Map<String, Object> vars,
                                          String register) {
        TaskResult.Status before = r.status();
        try {
            evaluate(conditionals, r, keywords, vars, register);
        } catch (meshplay.engine.error.UserError e) {
            r.status(before);
            String note = "changed_when/failed_when not evaluated: the task did not run in check mode (" + e.getMessage() + ")";
            r.note(r.note() == null ? note : r.note() + "; " + note);
        }
    }

    private static void evaluate(Conditionals conditionals, TaskResult r, KeywordSet keywords, Map<String, Object> vars, String register) {
        YNode changedWhen = keywords.node(Keywords.CHANGED_WHEN);
        if (changedWhen != null && !r.failed()) {
            boolean changed = conditionals.test(changedWhen, bind(vars, register, r));
            r.status(changed ? TaskResult.Status.CHANGED : TaskResult.Status.OK);
        }
        YNode failedWhen = keywords.node(Keywords.FAILED_WHEN);
        if (failedWhen != null) {
            boolean wasChanged = r.changed();
            boolean failed = conditionals.test(failedWhen, bind(vars, register, r));
            r.data().put("failed_when_result", failed);
            if (failed) {
                r.status(TaskResult.Status.FAILED);
                if (r.msg() == null) r.msg("failed_when condition was met");
            } else if (r.failed()) {
                r.status(wasChanged ? TaskResult.Status.CHANGED : TaskResult.Status.OK);
            }
        }
    }
}
