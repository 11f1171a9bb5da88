package meshplay.engine.model;

import static meshplay.engine.module.ArgSpec.arg;

import java.util.List;
import java.util.Map;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;

/**
 * Actions the engine itself performs (they change what runs or the variables, rather than a host),
 * with argument specs so their arguments are checked like a module's.
 */
final class EngineActions {
    static final String INCLUDE_TASKS = "include_tasks";
    static final String IMPORT_TASKS = "import_tasks";
    static final String INCLUDE_ROLE = "include_role";
    static final String IMPORT_ROLE = "import_role";
    static final String INCLUDE_VARS = "include_vars";
    static final String IMPORT_PLAYBOOK = "import_playbook";
    static final String META = "meta";

    static final List<String> META_ACTIONS = List.of("flush_handlers", "end_play", "end_host", "end_batch", "noop",
            "refresh_inventory", "clear_facts", "clear_host_errors", "reset_connection", "role_complete");

    private static final Map<String, ArgSpec> SPECS = Map.of(
            INCLUDE_TASKS, ArgSpec.builder("Loads a task file when the task runs.")
                    .add(arg("file", ArgType.PATH).required()).add(arg("apply", ArgType.DICT)).freeForm("file").build(),
            IMPORT_TASKS, ArgSpec.builder("Inserts a task file's tasks while the playbook is loaded.")
                    .add(arg("file", ArgType.PATH).required()).freeForm("file").build(),
            INCLUDE_VARS, ArgSpec.builder("Loads variables from a file or directory when the task runs.")
                    .add(arg("file", ArgType.PATH)).add(arg("dir", ArgType.PATH)).add(arg("name", ArgType.STR))
                    .add(arg("depth", ArgType.INT)).add(arg("files_matching", ArgType.STR)).add(arg("ignore_files", ArgType.LIST))
                    .add(arg("extensions", ArgType.LIST)).add(arg("ignore_unknown_extensions", ArgType.BOOL))
                    .freeForm("file").build(),
            INCLUDE_ROLE, roleSpec(true),
            IMPORT_ROLE, roleSpec(false),
            META, ArgSpec.builder("Controls the run: " + String.join(", ", META_ACTIONS) + ".")
                    .add(arg("_raw_params", ArgType.STR).required()).freeForm("_raw_params").build(),
            "set_fact", ArgSpec.builder("Sets host variables.").acceptsAnyArgs().build(),
            "add_host", ArgSpec.builder("Adds a host to the in-memory inventory.").acceptsAnyArgs().build(),
            "group_by", ArgSpec.builder("Creates groups from a key.")
                    .add(arg("key", ArgType.STR).required()).add(arg("parents", ArgType.LIST)).build());

    private EngineActions() {
    }

    private static ArgSpec roleSpec(boolean dynamic) {
        ArgSpec.Builder b = ArgSpec.builder(dynamic ? "Runs a role's tasks when the task runs." : "Inserts a role's tasks while the playbook is loaded.")
                .add(arg("name", ArgType.STR).required()).add(arg("tasks_from", ArgType.STR)).add(arg("vars_from", ArgType.STR))
                .add(arg("defaults_from", ArgType.STR)).add(arg("handlers_from", ArgType.STR))
                .add(arg("allow_duplicates", ArgType.BOOL)).add(arg("public", ArgType.BOOL));
        if (dynamic) b.add(arg("apply", ArgType.DICT));
        return b.build();
    }

    static boolean isEngineAction(String name) {
        return SPECS.containsKey(name);
    }

    static ArgSpec spec(String name) {
        return SPECS.get(name);
    }

    static java.util.Set<String> names() {
        return SPECS.keySet();
    }
}
