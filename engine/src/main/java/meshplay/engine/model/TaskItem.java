package meshplay.engine.model;

import meshplay.engine.yaml.Origin;

/** An entry of a task list: a {@link Task} or a {@link Block}. */
public sealed interface TaskItem permits Task, Block {
    String name();

    Origin origin();

    /**
     * Validated keywords of this item (when, tags, become, vars, ignore_errors, ...), each a typed
     * literal or a template the runner evaluates per host.
     */
    KeywordSet keywords();
}
