package meshplay.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YNode;

/**
 * The order in which roles run, as in Ansible: each role's dependencies (from meta/main.yml, depth
 * first) before the role itself; a role used again with the same parameters is left out unless its
 * meta/main.yml sets allow_duplicates. A dependency takes the keywords (when, tags, become, ...) of
 * the role that depends on it, under its own.
 */
public final class RoleOrder {
    private RoleOrder() {
    }

    /** The roles to run for {@code roles} (a play's roles: list), given the uses in {@code seen}, which grows. */
    public static List<Role> flatten(List<Role> roles, Set<Object> seen) {
        List<Role> out = new ArrayList<>();
        for (Role r : roles) add(r, seen, out);
        return out;
    }

    /** The dependencies of one role to run before it (include_role / import_role, which always run the role itself). */
    public static List<Role> dependencies(Role role, Set<Object> seen) {
        List<Role> out = new ArrayList<>();
        for (Role d : role.dependencies()) add(inherit(d, role.keywords().asWritten()), seen, out);
        return out;
    }

    private static void add(Role r, Set<Object> seen, List<Role> out) {
        for (Role d : r.dependencies()) add(inherit(d, r.keywords().asWritten()), seen, out);
        if (seen.add(r.identity()) || r.allowDuplicates()) out.add(r);
    }

    private static Role inherit(Role dep, Map<String, YNode> outer) {
        if (outer.isEmpty()) return dep;
        Map<String, YNode> kw = new LinkedHashMap<>(outer);
        for (Map.Entry<String, YNode> e : dep.keywords().asWritten().entrySet()) {
            YNode mine = e.getValue();
            YNode theirs = outer.get(e.getKey());
            boolean both = theirs != null && (e.getKey().equals("when") || e.getKey().equals("tags"));
            kw.put(e.getKey(), both ? concat(theirs, mine) : mine);
        }
        return dep.withKeywords(kw);
    }

    private static YNode concat(YNode outer, YNode inner) {
        List<YNode> all = new ArrayList<>(TaskParser.items(outer));
        all.addAll(TaskParser.items(inner));
        return new YList(all, inner.origin());
    }
}
