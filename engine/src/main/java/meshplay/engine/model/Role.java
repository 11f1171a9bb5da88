package meshplay.engine.model;

import java.nio.file.Path;
import java.util.List;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YMap;

/**
 * A role as used by a play: its directory, defaults (lowest precedence), vars, params given in the
 * play's roles: entry, tasks (tasks/main.yml) and handlers (handlers/main.yml), and from meta/main.yml
 * the roles it depends on (which run before it) and allow_duplicates. Templates and files are looked
 * up under dir/templates and dir/files.
 */
public record Role(String name, Origin origin, Path dir, YMap defaults, YMap vars, YMap params,
                   List<TaskItem> tasks, List<Task> handlers, KeywordSet keywords,
                   List<Role> dependencies, boolean allowDuplicates) {
    public Role {
        tasks = List.copyOf(tasks);
        handlers = List.copyOf(handlers);
        dependencies = List.copyOf(dependencies);
    }

    /** The same role with other keywords (a dependency takes those of the role that depends on it). */
    public Role withKeywords(java.util.Map<String, meshplay.engine.yaml.YNode> newKeywords) {
        return new Role(name, origin, dir, defaults, vars, params, tasks, handlers, KeywordSet.of(newKeywords), dependencies, allowDuplicates);
    }

    /**
     * What makes two uses of a role the same use: its directory and its parameters. A role used again
     * the same way is not run again in a play, unless its meta/main.yml sets allow_duplicates.
     */
    public Object identity() {
        return List.of(dir.toAbsolutePath().normalize(), params == null ? java.util.Map.of() : params.toJava());
    }
}
