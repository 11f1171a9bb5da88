package meshplay.engine.model;

import java.util.Map;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YNode;

/**
 * One task (or handler). {@code action} is the module or engine action name with any
 * "ansible.builtin." prefix removed ("copy", "include_tasks", "set_fact", "meta"); {@code args} is a
 * YMap of arguments, a YScalar for free-form ("command: ls -l") or null. {@code role} names the role
 * the task came from, or null. {@code baseDir} is where relative files/templates are looked up.
 */
public record Task(String name, Origin origin, String action, YNode args, KeywordSet keywords,
                   String role, java.nio.file.Path baseDir) implements TaskItem {
    public Task {
    }

    /** A task whose keywords are given as written (name -> node); they are resolved here. */
    public Task(String name, Origin origin, String action, YNode args, Map<String, YNode> keywords,
                String role, java.nio.file.Path baseDir) {
        this(name, origin, action, args, KeywordSet.of(keywords), role, baseDir);
    }

    /** The name shown in output: the task's name, or "action" when it has none. */
    public String displayName() {
        String n = name != null ? name : action;
        return role != null ? role + " : " + n : n;
    }
}
