package meshplay.engine.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YNode;

/**
 * One play. {@code hosts} is the host pattern as written (may contain templates). {@code varsFiles}
 * are the vars_files entries as written (resolved relative to {@code baseDir} at run time).
 * {@code keywords} holds the other play keywords (serial, strategy, become, gather_facts, ...).
 */
public record Play(String name, Origin origin, YNode hosts, Map<String, YNode> vars, List<YNode> varsFiles,
                   List<TaskItem> preTasks, List<Role> roles, List<TaskItem> tasks, List<TaskItem> postTasks,
                   List<Task> handlers, Map<String, YNode> keywords, Path baseDir) {
    public Play {
        vars = Map.copyOf(vars);
        varsFiles = List.copyOf(varsFiles);
        preTasks = List.copyOf(preTasks);
        roles = List.copyOf(roles);
        tasks = List.copyOf(tasks);
        postTasks = List.copyOf(postTasks);
        handlers = List.copyOf(handlers);
        keywords = Map.copyOf(keywords);
    }
}
