package meshplay.engine.model;

import java.util.Map;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YNode;

/** An entry of a task list: a {@link Task} or a {@link Block}. */
public sealed interface TaskItem permits Task, Block {
    String name();

    Origin origin();

    /**
     * Validated keywords of this item (when, tags, become, vars, ignore_errors, ...) as written, so
     * the runner can template them per host. Names are the Ansible keyword names.
     */
    Map<String, YNode> keywords();
}
