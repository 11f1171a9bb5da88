package meshplay.engine.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YNode;

/** Loads files the run needs at run time (vars files, included task files, roles); {@link PlaybookLoader} implements it. */
public interface ContentLoader {
    /** A YAML file of variables (include_vars, role and inventory vars): must be a mapping. */
    YNode loadVars(Path file);

    /** A play's vars_files entry: a mapping, or a list of mappings merged in order. */
    default YNode loadPlayVars(Path file) {
        return loadVars(file);
    }

    /** The tasks of a task file named by an include_tasks task (already found: {@code file} exists). */
    List<TaskItem> loadTasks(Task include, Path file);

    /** A role for include_role / import_role; loaders without role support say so. */
    default Role loadRole(String name, Path playbookDir, Map<String, YNode> params, Origin origin) {
        return loadRole(name, playbookDir, params, origin, RoleFiles.MAIN);
    }

    /** A role for include_role / import_role with tasks_from, vars_from, defaults_from, handlers_from. */
    default Role loadRole(String name, Path playbookDir, Map<String, YNode> params, Origin origin, RoleFiles files) {
        throw new UserError(origin, "include_role is not supported by this loader", "use roles: in the play or import_tasks");
    }
}
