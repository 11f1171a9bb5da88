package meshplay.engine.exec.scope;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import meshplay.engine.error.UserError;
import meshplay.engine.exec.actions.Included;
import meshplay.engine.model.Role;
import meshplay.engine.model.Task;
import meshplay.engine.yaml.Origin;

/**
 * The includes (include_tasks, include_role, import_role) that the running tasks are nested in, outermost
 * first. A recursive include is legitimate when a `when:` ends it, so a file may appear again; but the
 * nesting is limited to {@link #MAX_DEPTH} levels (ansible-core has no limit: a runaway recursion runs
 * until it is killed), and an import_role of a role that is already running is a cycle, as in Ansible.
 * Both errors name the chain.
 */
public record IncludeChain(List<Link> links) {
    /** Deeper than any bounded recursion in practice, well within the runner's stack. */
    public static final int MAX_DEPTH = 100;
    public static final IncludeChain NONE = new IncludeChain(List.of());
    private static final String IMPORT_ROLE = "import_role";

    /** {@code task} (at {@code from}) included {@code target}: a task file's path or "role:NAME". */
    public record Link(String target, String action, Origin from) {
        String describe() {
            String what = target.startsWith(Included.ROLE_PREFIX) ? target.substring(Included.ROLE_PREFIX.length()) : fileName(target);
            return from + " " + action + " " + what;
        }
    }

    public IncludeChain {
        links = List.copyOf(links);
    }

    /** The chain inside {@code included}, brought in by {@code task}; {@code role} is the role the task belongs to, or null. */
    public IncludeChain enter(Included included, Task task, Role role) {
        Link link = new Link(included.target(), task.action(), task.origin());
        List<Link> next = new ArrayList<>(links);
        next.add(link);
        if (IMPORT_ROLE.equals(task.action()) && running(link.target(), role)) {
            throw new UserError(task.origin(), "role recursion: " + cycle(next),
                    "a role cannot import itself, directly or through other roles; use include_role with a `when:` that ends the recursion");
        }
        if (next.size() > MAX_DEPTH) {
            throw new UserError(task.origin(), "includes nested more than " + MAX_DEPTH + " levels deep: " + cycle(next),
                    "a recursive include_tasks or include_role needs a `when:` that becomes false within " + MAX_DEPTH + " levels");
        }
        return new IncludeChain(next);
    }

    private boolean running(String target, Role role) {
        if (role != null && target.equals(Included.ROLE_PREFIX + role.name())) return true;
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i).target().equals(target)) return true;
        }
        return false;
    }

    /**
     * The repeating part of the chain (from the include after the previous one of the last target) and
     * where the chain started; without a repeat, its last levels.
     */
    private static String cycle(List<Link> chain) {
        String last = chain.get(chain.size() - 1).target();
        int start = Math.max(0, chain.size() - 5);
        for (int i = chain.size() - 2; i >= 0; i--) {
            if (chain.get(i).target().equals(last)) {
                start = i + 1;
                break;
            }
        }
        List<String> parts = new ArrayList<>();
        for (Link l : chain.subList(start, chain.size())) parts.add(l.describe());
        String cycle = String.join(" -> ", parts);
        return start == 0 ? cycle : cycle + " (the chain starts at " + chain.get(0).describe() + ")";
    }

    private static String fileName(String path) {
        Path name = Path.of(path).getFileName();
        return name == null ? path : name.toString();
    }
}
