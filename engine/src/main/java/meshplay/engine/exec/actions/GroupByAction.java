package meshplay.engine.exec.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.result.TaskResult;

/** group_by: puts the current host into the group named by `key` (e.g. "os_{{ ansible_distribution }}"). */
public final class GroupByAction implements EngineAction {
    private static final ArgSpec SPEC = ArgSpec.builder("Adds the current host to a group named by a template, for later plays.")
            .add(ArgSpec.arg("key", ArgType.STR).required().doc("the group name"))
            .add(ArgSpec.arg("parents", ArgType.LIST).elements(ArgType.STR).doc("accepted; parent groups are not created"))
            .freeForm("key").build();

    public String name() {
        return "group_by";
    }

    public ArgSpec spec() {
        return SPEC;
    }

    public TaskResult run(ActionContext ctx) {
        String group = ctx.args().str("key").trim().replaceAll("[^A-Za-z0-9_]", "_");
        List<String> members = ctx.inventory().groups().getOrDefault(group, List.of());
        boolean already = members.contains(ctx.host());
        ctx.inventory().addHost(ctx.host(), new ArrayList<>(List.of(group)), Map.of());
        return TaskResult.builder(already ? TaskResult.Status.OK : TaskResult.Status.CHANGED).data("add_group", group).build();
    }
}
