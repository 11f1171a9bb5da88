package meshplay.engine.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/** Builds YNode values for tests, as the YAML loader would. */
final class Y {
    static final Origin AT = new Origin("play.yml", 7, 9);

    private Y() {
    }

    /** A quoted string scalar (playbook text). */
    static YScalar s(String text) {
        return new YScalar(text, text, true, AT);
    }

    static YScalar s(String text, Origin origin) {
        return new YScalar(text, text, true, origin);
    }

    /** A plain scalar with its resolved value. */
    static YScalar plain(String text, Object value) {
        return new YScalar(text, value, false, AT);
    }

    static YMap map(Object... keysAndValues) {
        Map<String, YNode> m = new LinkedHashMap<>();
        Map<String, Origin> o = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], (YNode) keysAndValues[i + 1]);
            o.put((String) keysAndValues[i], AT);
        }
        return new YMap(m, o, AT);
    }

    static YList list(YNode... items) {
        return new YList(List.of(items), AT);
    }

    /** A mutable map of variables from name/value pairs. */
    static Map<String, Object> vars(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return m;
    }
}
