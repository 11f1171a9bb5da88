package meshplay.engine.exec.actions;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.model.KeywordSet;
import meshplay.engine.model.TaskItem;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.result.TaskResult;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;

/**
 * include_tasks: loads a task file at run time for this host (loops allowed); the included tasks then
 * run in the include's place. `apply` gives keywords to every included task.
 */
public final class IncludeTasksAction implements EngineAction {
    private static final ArgSpec SPEC = ArgSpec.builder(
            "Includes a task file at run time (dynamic: when/loop apply to the include itself). The file is looked "
                    + "up in the role's tasks/ directory, beside the including file, then in the playbook directory.")
            .add(ArgSpec.arg("file", ArgType.STR).doc("the task file (may be given free-form)"))
            .add(ArgSpec.arg("apply", ArgType.DICT).doc("keywords (tags, become, when, ...) applied to the included tasks"))
            .freeForm("file").requiredOneOf("file").build();

    public String name() {
        return "include_tasks";
    }

    public ArgSpec spec() {
        return SPEC;
    }

    public TaskResult run(ActionContext ctx) throws Exception {
        Path file = FileLookup.find(ctx, ctx.args().str("file"), "tasks");
        List<TaskItem> items = ctx.loader().loadTasks(ctx.task(), file);
        Map<String, YNode> apply = new LinkedHashMap<>();
        if (ctx.rawArgs() instanceof YMap m && m.get("apply") instanceof YMap a) apply.putAll(a.entries());
        ctx.include(new Included(file.toString(), items, Map.of(), KeywordSet.of(apply), ctx.role()));
        return TaskResult.builder(TaskResult.Status.OK).data("include", file.toString()).build();
    }
}
