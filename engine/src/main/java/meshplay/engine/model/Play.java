package meshplay.engine.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YNode;

/**
 * One play. {@code hosts} is the host pattern as written (may contain templates). {@code varsFiles}
 * are the vars_files entries as written (resolved relative to {@code baseDir} at run time).
 * {@code keywords} holds the other play keywords (serial, strategy, become, gather_facts, ...), resolved
 * to typed values while loading; the accessors below name the ones that apply to the play as a whole.
 */
public record Play(String name, Origin origin, YNode hosts, Map<String, YNode> vars, List<YNode> varsFiles,
                   List<TaskItem> preTasks, List<Role> roles, List<TaskItem> tasks, List<TaskItem> postTasks,
                   List<Task> handlers, KeywordSet keywords, Path baseDir) {
    public Play {
        vars = Map.copyOf(vars);
        varsFiles = List.copyOf(varsFiles);
        preTasks = List.copyOf(preTasks);
        roles = List.copyOf(roles);
        tasks = List.copyOf(tasks);
        postTasks = List.copyOf(postTasks);
        handlers = List.copyOf(handlers);
    }

    /** A play whose keywords are given as written (name -> node); they are resolved here. */
    public Play(String name, Origin origin, YNode hosts, Map<String, YNode> vars, List<YNode> varsFiles,
                List<TaskItem> preTasks, List<Role> roles, List<TaskItem> tasks, List<TaskItem> postTasks,
                List<Task> handlers, Map<String, YNode> keywords, Path baseDir) {
        this(name, origin, hosts, vars, varsFiles, preTasks, roles, tasks, postTasks, handlers, KeywordSet.of(keywords), baseDir);
    }

    /** serial: batch sizes (a number, "N%", or a list of those), or null. */
    public Keyword<YNode> serial() {
        return keywords.get(Keywords.SERIAL);
    }

    /** strategy: linear or free, or null. */
    public Keyword<String> strategy() {
        return keywords.get(Keywords.STRATEGY);
    }

    /** gather_facts, or null (ansible.cfg's gathering decides). */
    public Keyword<Boolean> gatherFacts() {
        return keywords.get(Keywords.GATHER_FACTS);
    }

    /** force_handlers, or null (--force-handlers decides). */
    public Keyword<Boolean> forceHandlers() {
        return keywords.get(Keywords.FORCE_HANDLERS);
    }

    /** order: the order of the play's hosts, or null (inventory order). */
    public Keyword<String> order() {
        return keywords.get(Keywords.ORDER);
    }
}
