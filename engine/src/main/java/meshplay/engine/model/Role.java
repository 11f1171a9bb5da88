package meshplay.engine.model;

import java.nio.file.Path;
import java.util.List;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YMap;

/**
 * A role as used by a play: its directory, defaults (lowest precedence), vars, params given in the
 * play's roles: entry, tasks (tasks/main.yml) and handlers (handlers/main.yml). Templates and files
 * are looked up under dir/templates and dir/files.
 */
public record Role(String name, Origin origin, Path dir, YMap defaults, YMap vars, YMap params,
                   List<TaskItem> tasks, List<Task> handlers, java.util.Map<String, meshplay.engine.yaml.YNode> keywords) {
    public Role {
        tasks = List.copyOf(tasks);
        handlers = List.copyOf(handlers);
        keywords = java.util.Map.copyOf(keywords);
    }
}
