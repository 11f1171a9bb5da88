package meshplay.engine.template.filter;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import meshplay.engine.lang.Nearest;
import meshplay.engine.lang.ShortName;
import meshplay.engine.template.TemplateTypeException;

/** Filters and tests by name; names are looked up without their collection prefix. */
public final class Registry {
    private final Map<String, Filter> filters = new TreeMap<>();
    private final Map<String, Test> tests = new TreeMap<>();

    /** Every built-in filter and test. */
    public static Registry standard() {
        Registry r = new Registry();
        StringFilters.register(r);
        NumberFilters.register(r);
        CollectionFilters.register(r);
        SelectionFilters.register(r);
        DataFormatFilters.register(r);
        EncodingFilters.register(r);
        NetworkFilters.register(r);
        StandardTests.register(r);
        return r;
    }

    public Registry filter(String name, Filter f) {
        filters.put(name, f);
        return this;
    }

    public Registry test(String name, Test t) {
        tests.put(name, t);
        return this;
    }

    public Filter filter(String name) {
        Filter f = filters.get(ShortName.of(name));
        if (f == null) throw new TemplateTypeException("unknown filter '" + name + "'" + nearest(name, filters));
        return f;
    }

    public Test test(String name) {
        Test t = tests.get(ShortName.of(name));
        if (t == null) throw new TemplateTypeException("unknown test '" + name + "'" + nearest(name, tests));
        return t;
    }

    /** Every filter by name (for completion and help). */
    public Map<String, Filter> filters() {
        return Collections.unmodifiableMap(filters);
    }

    private static String nearest(String name, Map<String, ?> known) {
        String best = Nearest.of(ShortName.of(name), known.keySet());
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }
}
