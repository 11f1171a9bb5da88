package meshplay.engine.model;

import static meshplay.engine.module.ArgSpec.arg;

import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;

/**
 * Names of the engine actions the loader treats specially. The run-time engine actions (and their
 * argument specs) live in the runner's action registry; import_tasks and import_playbook exist only
 * while loading, so their spec is here.
 */
final class EngineActions {
    static final String IMPORT_TASKS = "import_tasks";
    static final String INCLUDE_ROLE = "include_role";
    static final String IMPORT_ROLE = "import_role";
    static final String IMPORT_PLAYBOOK = "import_playbook";
    static final String INCLUDE_TASKS = "include_tasks";
    /**
     * The actions whose argument names Ansible checks while it parses the playbook; every other
     * action (a module, an action plugin) checks its arguments when the task runs.
     */
    static final java.util.Set<String> ARGS_CHECKED_WHILE_LOADING = java.util.Set.of(IMPORT_TASKS, INCLUDE_TASKS, INCLUDE_ROLE, IMPORT_ROLE);

    static final ArgSpec IMPORT_TASKS_SPEC = ArgSpec.builder("Inserts a task file's tasks while the playbook is loaded.")
            .add(arg("file", ArgType.PATH).required()).freeForm("file").build();

    private EngineActions() {
    }
}
