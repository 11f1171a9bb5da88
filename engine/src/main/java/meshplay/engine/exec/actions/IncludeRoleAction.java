package meshplay.engine.exec.actions;

import java.util.LinkedHashMap;
import java.util.Map;
import meshplay.engine.model.KeywordSet;
import meshplay.engine.model.Keywords;
import meshplay.engine.model.Role;
import meshplay.engine.model.RoleFiles;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.result.TaskResult;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;

/** include_role / import_role as a task: loads the role through the content loader and runs its tasks here. */
public final class IncludeRoleAction implements EngineAction {
    private final String name;

    IncludeRoleAction(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public ArgSpec spec() {
        return ArgSpec.builder("Runs a role's tasks in place of this task (role defaults, vars and files apply). "
                        + "Needs role loading support from the playbook loader; without it the task fails and says so.")
                .add(ArgSpec.arg("name", ArgType.STR).required().doc("the role's name (a directory under roles/)"))
                .add(ArgSpec.arg("apply", ArgType.DICT).doc("keywords applied to the role's tasks"))
                .add(ArgSpec.arg("public", ArgType.BOOL).doc("accepted for compatibility; role vars stay with the role's tasks"))
                .add(ArgSpec.arg("tasks_from", ArgType.STR).doc("the file of the role's tasks/ to run instead of main"))
                .add(ArgSpec.arg("vars_from", ArgType.STR).doc("the file of the role's vars/ to load instead of main"))
                .add(ArgSpec.arg("defaults_from", ArgType.STR).doc("the file of the role's defaults/ to load instead of main"))
                .add(ArgSpec.arg("handlers_from", ArgType.STR).doc("the file of the role's handlers/ to load instead of main"))
                .add(ArgSpec.arg("allow_duplicates", ArgType.BOOL).doc("accepted; an included role always runs"))
                .add(ArgSpec.arg("rolespec_validate", ArgType.BOOL).doc("accepted; argument specs are not validated"))
                .build();
    }

    public TaskResult run(ActionContext ctx) {
        Map<String, YNode> params = new LinkedHashMap<>(ctx.task().keywords().node(Keywords.VARS) instanceof YMap v ? v.entries() : Map.of());
        RoleFiles files = new RoleFiles(ctx.args().str("tasks_from"), ctx.args().str("vars_from"), ctx.args().str("defaults_from"),
                ctx.args().str("handlers_from"));
        Role role = ctx.loader().loadRole(ctx.args().str("name"), ctx.playbookDir(), params, ctx.task().origin(), files);
        Map<String, YNode> apply = new LinkedHashMap<>();
        if (ctx.rawArgs() instanceof YMap m && m.get("apply") instanceof YMap a) apply.putAll(a.entries());
        ctx.include(new Included(Included.ROLE_PREFIX + role.name(), role.tasks(), Map.of(), KeywordSet.of(apply), role));
        return TaskResult.builder(TaskResult.Status.OK).data("include", role.dir().toString()).build();
    }
}
