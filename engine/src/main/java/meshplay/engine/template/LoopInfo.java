package meshplay.engine.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an item stands in its loop: index, index0, first, last, length, revindex, revindex0, and
 * previtem / nextitem only where there is one. It is the "loop" variable inside {% for %}, and the
 * runner's ansible_loop for loop_control.extended.
 */
public final class LoopInfo {
    private LoopInfo() {
    }

    public static Map<String, Object> of(List<?> items, int i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", i + 1);
        m.put("index0", i);
        m.put("revindex", items.size() - i);
        m.put("revindex0", items.size() - i - 1);
        m.put("first", i == 0);
        m.put("last", i == items.size() - 1);
        m.put("length", items.size());
        if (i > 0) m.put("previtem", items.get(i - 1));
        if (i + 1 < items.size()) m.put("nextitem", items.get(i + 1));
        return m;
    }
}
