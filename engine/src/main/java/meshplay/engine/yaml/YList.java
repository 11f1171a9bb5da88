package meshplay.engine.yaml;

import java.util.ArrayList;
import java.util.List;

/** A sequence. */
public record YList(List<YNode> items, Origin origin) implements YNode {
    public YList {
        items = List.copyOf(items);
    }

    @Override
    public List<Object> toJava() {
        List<Object> out = new ArrayList<>(items.size());
        for (YNode n : items) out.add(n == null ? null : n.toJava());
        return out;
    }
}
