package meshplay.engine.exec.include;

import java.util.Set;

/**
 * --tags / --skip-tags selection as Ansible does it: `always` runs unless skipped by name, `never`
 * runs only when one of its other tags is asked for, `tagged` / `untagged` / `all` select by presence.
 */
public final class TagFilter {
    private final Set<String> only;
    private final Set<String> skip;

    public TagFilter(Set<String> only, Set<String> skip) {
        this.only = only == null ? Set.of() : only;
        this.skip = skip == null ? Set.of() : skip;
    }

    public boolean selects(Set<String> taskTags) {
        if (!skip.isEmpty()) {
            if (skip.contains("all") && !taskTags.contains("always")) return false;
            if (skip.contains("tagged") && !taskTags.isEmpty() && !taskTags.contains("always")) return false;
            if (skip.contains("untagged") && taskTags.isEmpty()) return false;
            for (String t : taskTags) {
                if (skip.contains(t)) return false;
            }
        }
        boolean explicitAll = only.isEmpty() || only.contains("all");
        if (taskTags.contains("never")) {
            for (String t : taskTags) {
                if (!t.equals("never") && !t.equals("always") && only.contains(t)) return true;
            }
            return only.contains("never");
        }
        if (taskTags.contains("always")) return true;
        if (explicitAll) return true;
        if (only.contains("tagged") && !taskTags.isEmpty()) return true;
        if (only.contains("untagged") && taskTags.isEmpty()) return true;
        for (String t : taskTags) {
            if (only.contains(t)) return true;
        }
        return false;
    }
}
