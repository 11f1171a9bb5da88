package meshplay.engine.exec.task;

import java.util.LinkedHashMap;
import java.util.Map;
import meshplay.engine.error.UserError;
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

    /** The result as the rules judge it: a changed copy when changed_when or failed_when is written. */
    static TaskResult apply(Conditionals conditionals, TaskResult r, KeywordSet keywords, Map<String, Object> vars, String register) {
        if (r.skipped() || r.unreachable()) return r;
        if (Boolean.TRUE.equals(r.data().get(PredictedUse.MARK))) return applyToPrediction(conditionals, r, keywords, vars, register);
        return evaluate(conditionals, r, keywords, vars, register, false);
    }

    /** A planned-only result has no output to judge: a rule that needs it leaves the prediction as it is. */
    private static TaskResult applyToPrediction(Conditionals conditionals, TaskResult r, KeywordSet keywords, Map<String, Object> vars,
                                                String register) {
        try {
            return evaluate(conditionals, r, keywords, vars, register, true);
        } catch (UserError e) {
            return r.toBuilder()
                    .note("changed_when/failed_when not evaluated: the task did not run in check mode (" + e.getMessage() + ")")
                    .build();
        }
    }

    /**
     * Applies the rules. A rule that cannot be evaluated (an undefined name, an unsafe condition) fails
     * the task as in Ansible: the module's result is kept, marked failed, with the error under
     * changed_when_result or failed_when_result, an ordinary failure that ignore_errors and rescue
     * handle. For a prediction ({@code rethrow}) the error goes to the caller instead.
     */
    private static TaskResult evaluate(Conditionals conditionals, TaskResult r, KeywordSet keywords, Map<String, Object> vars,
                                       String register, boolean rethrow) {
        TaskResult out = r;
        String evaluating = "changed_when_result";
        try {
            YNode changedWhen = keywords.node(Keywords.CHANGED_WHEN);
            if (changedWhen != null) {
                // as in Ansible, changed_when judges a failed result too: it keeps failing, with or without a change
                boolean changed = conditionals.test(changedWhen, bind(vars, register, out));
                TaskResult.Builder judged = out.toBuilder();
                if (out.failed()) judged.failedWithChange(changed);
                else judged.status(changed ? TaskResult.Status.CHANGED : TaskResult.Status.OK);
                out = judged.build();
            }
            evaluating = "failed_when_result";
            YNode failedWhen = keywords.node(Keywords.FAILED_WHEN);
            if (failedWhen != null) {
                boolean failed = conditionals.test(failedWhen, bind(vars, register, out));
                TaskResult.Builder judged = out.toBuilder().data("failed_when_result", failed);
                if (failed) {
                    judged.status(TaskResult.Status.FAILED);
                    if (out.msg() == null) judged.msg("failed_when condition was met");
                } else if (out.failed()) {
                    // a false failed_when overrides the module's failure; a change it made stays
                    judged.status(out.changed() ? TaskResult.Status.CHANGED : TaskResult.Status.OK);
                }
                out = judged.build();
            }
            return out;
        } catch (UserError e) {
            if (rethrow) throw e;
            return out.toBuilder().status(TaskResult.Status.FAILED).data(evaluating, e.getMessage()).build();
        }
    }
}
