package meshplay.engine.model;

import java.util.List;
import java.util.Map;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YNode;

/**
 * block/rescue/always. Keywords apply to every task inside. A static import_tasks or a role's task
 * list is also represented as a Block (with the import's keywords), so inheritance is uniform.
 */
public record Block(String name, Origin origin, List<TaskItem> block, List<TaskItem> rescue, List<TaskItem> always,
                    KeywordSet keywords) implements TaskItem {
    public Block {
        block = List.copyOf(block);
        rescue = List.copyOf(rescue);
        always = List.copyOf(always);
    }

    /** A block whose keywords are given as written (name -> node); they are resolved here. */
    public Block(String name, Origin origin, List<TaskItem> block, List<TaskItem> rescue, List<TaskItem> always,
                 Map<String, YNode> keywords) {
        this(name, origin, block, rescue, always, KeywordSet.of(keywords));
    }
}
