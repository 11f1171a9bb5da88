package meshplay.engine.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** dict.items() as a list of [key, value] pairs. */
final class PyItems {
    private PyItems() {
    }

    static List<Object> of(Map<?, ?> m) {
        List<Object> out = new ArrayList<>(m.size());
        m.forEach((k, v) -> out.add(new ArrayList<>(Arrays.asList(k, v))));
        return out;
    }
}
