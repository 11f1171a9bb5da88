package meshplay.engine.exec.task;

import meshplay.engine.error.UserError;
import meshplay.engine.exec.RunContext;
import meshplay.engine.exec.scope.TaskRequest;
import meshplay.engine.model.Keywords;
import meshplay.engine.result.TaskResult;
import meshplay.engine.yaml.VarsFile;
import meshplay.engine.yaml.YNode;

/** register: stores the result (data, never templated) under the register name for the host. */
final class ResultRegistrar {
    private ResultRegistrar() {
    }

    static void register(RunContext run, TaskRequest q, TaskResult result) {
        YNode reg = q.scope().keywords().node(Keywords.REGISTER);
        if (reg == null) return;
        Object name = reg.toJava();
        if (name == null || !VarsFile.isVariableName(String.valueOf(name))) {
            throw new UserError(reg.origin(), "register: '" + name + "' is not a valid variable name", "use letters, digits and _");
        }
        run.state.host(q.host()).setVar(String.valueOf(name), result.toRegistered());
        run.state.registers.note(q.host(), String.valueOf(name), q.task(), result);
    }
}
