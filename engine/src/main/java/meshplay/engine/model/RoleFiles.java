package meshplay.engine.model;

/**
 * Which files of a role to load: tasks_from, vars_from, defaults_from and handlers_from of
 * include_role/import_role; "main" for a role listed under roles:.
 */
public record RoleFiles(String tasksFrom, String varsFrom, String defaultsFrom, String handlersFrom) {
    public static final RoleFiles MAIN = new RoleFiles("main", "main", "main", "main");

    public RoleFiles {
        tasksFrom = tasksFrom == null ? "main" : tasksFrom;
        varsFrom = varsFrom == null ? "main" : varsFrom;
        defaultsFrom = defaultsFrom == null ? "main" : defaultsFrom;
        handlersFrom = handlersFrom == null ? "main" : handlersFrom;
    }
}
