package meshplay.engine.template;

import java.util.Set;
import meshplay.engine.lang.ShortName;

/** Which filters take an undefined value as input (default, mandatory): shared by the translator and the evaluator. */
public final class FilterNames {
    private static final Set<String> UNDEFINED_AWARE = Set.of("default", "d", "mandatory");

    private FilterNames() {
    }

    static boolean acceptsUndefined(String name) {
        return UNDEFINED_AWARE.contains(ShortName.of(name));
    }
}
