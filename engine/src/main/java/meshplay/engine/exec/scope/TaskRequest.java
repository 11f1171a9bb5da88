package meshplay.engine.exec.scope;

import java.util.Map;
import meshplay.engine.model.Task;

/**
 * One task to run on one host: the task, the keywords it inherits, the play, argument overrides from
 * the step prompt, and whether this is a preview (check + diff, nothing registered or counted).
 */
public record TaskRequest(Task task, Scope scope, PlayRun play, String host, Map<String, Object> argOverrides,
                          boolean preview) {
}
