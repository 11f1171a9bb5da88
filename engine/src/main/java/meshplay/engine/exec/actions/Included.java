package meshplay.engine.exec.actions;

import java.util.List;
import java.util.Map;
import meshplay.engine.model.KeywordSet;
import meshplay.engine.model.Role;
import meshplay.engine.model.TaskItem;

/**
 * Tasks brought in at run time by include_tasks / include_role for one host (and one loop item):
 * the tasks, the values bound for them (loop item, vars) and the `apply` keywords. The include action
 * hands it to {@link ActionContext#include}; the runner returns it, as a value, to the traversal that runs it.
 */
public record Included(String key, List<TaskItem> items, Map<String, Object> params, KeywordSet apply, Role role) {
    /** Starts the key of an included role ("role:NAME", include_role / import_role: its handlers join the play's); a task file's key is its path. */
    public static final String ROLE_PREFIX = "role:";
    /** Marks the loop item in a key ("FILE#2"): each item's include runs on its own. */
    public static final String ITEM_SEPARATOR = "#";

    /** What is included: the task file's path, or "role:NAME", without the loop item. */
    public String target() {
        int item = key.lastIndexOf(ITEM_SEPARATOR);
        return item > 0 && key.substring(item + 1).chars().allMatch(Character::isDigit) ? key.substring(0, item) : key;
    }
}
