package meshplay.engine.template.filter;

import java.util.List;
import java.util.Map;

/** What filters such as map/select need from the evaluation: other filters and tests, attribute paths. */
public interface FilterEnv {
    Object filter(String name, Object input, List<Object> args, Map<String, Object> kwargs);

    boolean test(String name, Object input, List<Object> args);

    /** container[key] with the template rules: a missing key is an UndefinedException, trusted values are rendered. */
    Object item(Object container, Object key, String path);

    /** Follows a dotted path ("a.b.0") through maps and lists; throws UndefinedException when missing. */
    Object attribute(Object value, String path);
}
