package meshplay.engine.exec.include;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import meshplay.engine.template.Templar;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YScalar;

/**
 * The tags of a task as Ansible selects them: a tag written as a template ({@code tags: "{{ the_tags }}"})
 * is rendered with the task's variables, and a list it renders to gives one tag per element.
 */
public final class TagValues {
    private TagValues() {
    }

    /** True when one of the tags is a template and so depends on variables. */
    public static boolean templated(Set<String> tags) {
        for (String t : tags) {
            if (Templar.isTemplate(t)) return true;
        }
        return false;
    }

    /** The tags with each templated one replaced by what it renders to. */
    public static Set<String> render(Set<String> tags, Templar templar, Map<String, Object> vars) {
        if (!templated(tags)) return tags;
        Set<String> out = new LinkedHashSet<>();
        for (String t : tags) {
            if (!Templar.isTemplate(t)) {
                out.add(t);
                continue;
            }
            Object v = templar.render(new YScalar(t, t, true, Origin.UNKNOWN), vars);
            if (v instanceof Collection<?> c) {
                for (Object o : c) out.add(String.valueOf(o));
            } else if (v != null) {
                out.add(String.valueOf(v));
            }
        }
        return out;
    }
}
