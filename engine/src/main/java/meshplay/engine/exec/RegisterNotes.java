package meshplay.engine.exec;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import meshplay.engine.model.Task;
import meshplay.engine.result.TaskResult;
import meshplay.engine.yaml.Origin;

/**
 * What the run knows about each registered variable beyond its value: which task registered it, whether
 * that task only predicted its result (check mode planned it but did not run it) and whether its output
 * is secret (no_log); and which facts no_log tasks set. Dependent tasks and the step prompt read it to explain predicted values and to
 * keep secrets out of sight.
 */
public final class RegisterNotes {
    /** One registered variable: the task that set it and how far its value can be trusted or shown. */
    public record Note(String taskName, Origin origin, boolean predicted, boolean noLog) {
        public String describe() {
            return "task '" + taskName + "' (" + origin + ")";
        }
    }

    private final Map<String, Map<String, Note>> byHost = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> secretFacts = new ConcurrentHashMap<>();

    public void note(String host, String var, Task task, TaskResult result) {
        boolean predicted = Boolean.TRUE.equals(result.data().get("predicted"))
                || result.items().stream().anyMatch(i -> Boolean.TRUE.equals(i.data().get("predicted")));
        byHost.computeIfAbsent(host, h -> new ConcurrentHashMap<>())
                .put(var, new Note(task.displayName(), task.origin(), predicted, result.noLog()));
    }

    /** The registered variables of a host whose values are only predictions. */
    public Map<String, Note> predicted(String host) {
        Map<String, Note> out = new LinkedHashMap<>();
        byHost.getOrDefault(host, Map.of()).forEach((k, n) -> {
            if (n.predicted()) out.put(k, n);
        });
        return out;
    }

    /** Facts (set_fact, a module's ansible_facts) that a no_log task set for {@code host}. */
    public void noteSecretFacts(String host, Set<String> names) {
        secretFacts.computeIfAbsent(host, h -> ConcurrentHashMap.newKeySet()).addAll(names);
    }

    /** The registered variables and facts of a host that no_log tasks set. */
    public Set<String> secret(String host) {
        Set<String> out = new LinkedHashSet<>(secretFacts.getOrDefault(host, Set.of()));
        byHost.getOrDefault(host, Map.of()).forEach((k, n) -> {
            if (n.noLog()) out.add(k);
        });
        return out;
    }
}
