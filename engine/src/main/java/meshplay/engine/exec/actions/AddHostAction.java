package meshplay.engine.exec.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.ArgValidator;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.result.TaskResult;

/** add_host: adds a host (and its groups and variables) to the in-memory inventory for later plays. */
public final class AddHostAction implements EngineAction {
    private static final ArgSpec SPEC = ArgSpec.builder(
            "Adds a host to the inventory of this run. Arguments other than name and groups become host variables.")
            .add(ArgSpec.arg("name", ArgType.STR).required().aliases("host", "hostname").doc("the new host's inventory name"))
            .add(ArgSpec.arg("groups", ArgType.LIST).elements(ArgType.STR).aliases("group", "groupname").doc("groups to put it in"))
            .acceptsAnyArgs().build();

    public String name() {
        return "add_host";
    }

    public ArgSpec spec() {
        return SPEC;
    }

    public TaskResult run(ActionContext ctx) throws ModuleFailure {
        Map<String, Object> vars = new LinkedHashMap<>(ctx.args().asMap());
        Object name = first(vars, "name", "host", "hostname");
        if (name == null) throw new ModuleFailure("add_host needs name:");
        Object groups = first(vars, "groups", "group", "groupname");
        List<String> groupList = new ArrayList<>();
        if (groups != null) {
            for (Object g : (List<?>) ArgValidator.coerce(ArgType.LIST, ArgType.STR, groups)) groupList.add(String.valueOf(g));
        }
        String host = String.valueOf(name);
        boolean existed = ctx.inventory().hosts().contains(host);
        ctx.inventory().addHost(host, groupList, vars);
        return TaskResult.builder(existed ? TaskResult.Status.OK : TaskResult.Status.CHANGED)
                .data("add_host", Map.of("host_name", host, "groups", groupList)).build();
    }

    private static Object first(Map<String, Object> vars, String... keys) {
        Object found = null;
        for (String k : keys) {
            Object v = vars.remove(k);
            if (found == null) found = v;
        }
        return found;
    }
}
