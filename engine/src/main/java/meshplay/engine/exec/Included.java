package meshplay.engine.exec;

import java.util.List;
import java.util.Map;
import meshplay.engine.model.Role;
import meshplay.engine.model.TaskItem;
import meshplay.engine.yaml.YNode;

/**
 * Tasks brought in at run time by include_tasks / include_role for one host (and one loop item):
 * the tasks, the values bound for them (loop item, vars) and the `apply` keywords.
 */
public record Included(String key, List<TaskItem> items, Map<String, Object> params, Map<String, YNode> apply, Role role) {
    /** How the key of a role's inclusion starts (include_role / import_role): its handlers join the play's. */
    public static final String ROLE_KEY = "role:";
}
