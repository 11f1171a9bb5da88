package meshplay.engine.exec.handler;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.RunAbort;
import meshplay.engine.error.UserError;
import meshplay.engine.exec.RunContext;
import meshplay.engine.lang.Nearest;
import meshplay.engine.model.Keywords;
import meshplay.engine.model.Play;
import meshplay.engine.model.Role;
import meshplay.engine.model.Task;
import meshplay.engine.report.Event;
import meshplay.engine.template.Templar;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YNode;

/**
 * Handler notifications of one play: by handler name, "role : name", or `listen` topic. The handlers
 * are, in order, those of the play's roles, the play's own, those of roles brought in by import_role
 * (known when the play starts) and those of roles brought in by include_role (added when included).
 * A flush goes through them once, in that order: each notified handler runs once for its hosts; one
 * notified by a handler later in the order runs in the same flush, one notified by itself or by a
 * handler after it waits for the next flush.
 *
 * <p>A templated handler name ("restart {{ svc }}") is rendered the first time a notification looks
 * for it, with the play's variables and those of the handler's role but no host's (as Ansible does);
 * a name that cannot be rendered matches nothing (its listen topics still do).
 */
public final class HandlerQueue {
    private final RunContext run;
    private final List<Task> handlers = new ArrayList<>();
    private final Map<Task, Role> roles = new IdentityHashMap<>();
    // by identity: a Task's own hashCode walks its whole YAML tree, on every notification
    private final Map<Task, Set<String>> pending = new IdentityHashMap<>();
    /** Directories of the roles whose handlers are in the list. */
    private final Set<java.nio.file.Path> roleDirs = new java.util.HashSet<>();
    /** The play's variables without a host, for a handler of this role (null: a play handler). */
    private final Function<Role, Map<String, Object>> nameVars;
    /** Templated handler names, rendered once; empty when the name could not be rendered. */
    private final Map<Task, Optional<String>> renderedNames = new IdentityHashMap<>();

    /** One notified handler found by {@link #next}: its place in the order and the hosts it runs for. */
    public record Notified(int index, Task handler, List<String> hosts) {
    }

    public HandlerQueue(RunContext run, Play play, Function<Role, Map<String, Object>> nameVars) {
        this.run = run;
        this.nameVars = nameVars;
        for (Role r : play.roles()) addRole(r);
        handlers.addAll(play.handlers());
        for (Role r : ImportedRoles.of(run, play)) addRole(r);
    }

    public synchronized List<Task> handlers() {
        return new ArrayList<>(handlers);
    }

    /** Adds the handlers of a role brought in by import_role or include_role, once per role. */
    public synchronized void addRole(Role r) {
        if (!roleDirs.add(r.dir())) return;
        for (Task h : r.handlers()) {
            handlers.add(h);
            roles.put(h, r);
        }
    }

    public synchronized Role roleOf(Task handler) {
        return roles.get(handler);
    }

    /**
     * Queues the handlers a changed task notifies ({@code names}: its notify keyword, already rendered).
     * A name that matches no handler ends the run with exit 1 (a warning with error_on_missing_handler
     * False), as in ansible-playbook 2.14: only when a
     * change notifies it, so a notify on a task that never changes anything is no error.
     */
    public synchronized void notify(String host, List<String> names, Origin origin) {
        for (String name : names) {
            boolean found = false;
            boolean namedFound = false;
            for (Task h : handlers) {
                // by name, the first handler of that name is notified (as in Ansible); by listen topic, every listener
                boolean byName = !namedFound && named(h, name);
                namedFound |= byName;
                if (byName || listens(h, name)) {
                    pending.computeIfAbsent(h, k -> new LinkedHashSet<>()).add(host);
                    run.events.on(new Event.HandlerNotified(host, h.displayName()));
                    found = true;
                }
            }
            if (found) continue;
            // ansible.cfg error_on_missing_handler = False makes it a warning, as in ansible-playbook
            if (run.options.errorOnMissingHandler) throw missing(name, origin);
            run.events.on(new Event.Warning("The requested handler '" + name
                    + "' was not found in either the main handlers list nor in the listening handlers list"));
        }
    }

    private RunAbort missing(String name, Origin origin) {
        Set<String> known = new LinkedHashSet<>();
        for (Task h : handlers) {
            String own = nameOf(h);
            if (own != null) known.add(h.role() != null ? h.role() + " : " + own : own);
            known.addAll(names(h.keywords().node(Keywords.LISTEN)));
        }
        String near = Nearest.of(name, known);
        String hint = (near != null ? "did you mean '" + near + "'? " : "")
                + (known.isEmpty() ? "the play has no handlers" : "handlers (names and listen topics): " + String.join(", ", known));
        return new RunAbort(new UserError(origin == null ? Origin.of("notify") : origin, "The requested handler '" + name
                + "' was not found in either the main handlers list nor in the listening handlers list", hint, ExitCode.ERROR));
    }

    /**
     * The first handler at {@code from} or after it (in the order) notified for any of {@code only}, and
     * those hosts (taken off the queue); null when none. Notifications of other hosts stay queued (the
     * free strategy flushes each host on its own).
     */
    public synchronized Notified next(int from, java.util.Collection<String> only) {
        for (int i = from; i < handlers.size(); i++) {
            Task h = handlers.get(i);
            Set<String> hosts = pending.get(h);
            if (hosts == null) continue;
            List<String> taken = new ArrayList<>();
            for (java.util.Iterator<String> it = hosts.iterator(); it.hasNext(); ) {
                String host = it.next();
                if (only.contains(host)) {
                    taken.add(host);
                    it.remove();
                }
            }
            if (hosts.isEmpty()) pending.remove(h);
            if (!taken.isEmpty()) return new Notified(i, h, taken);
        }
        return null;
    }

    /** After a handler ran: a notification it gave itself for these hosts is dropped, as in Ansible. */
    public synchronized void ran(Task handler, List<String> hosts) {
        Set<String> left = pending.get(handler);
        if (left == null) return;
        left.removeAll(hosts);
        if (left.isEmpty()) pending.remove(handler);
    }

    private boolean named(Task h, String name) {
        String own = nameOf(h);
        return own != null && (name.equals(own) || h.role() != null && name.equals(h.role() + " : " + own));
    }

    /** The handler's name as notify matches it: rendered when it is a template; null when it has none or cannot be rendered. */
    private String nameOf(Task h) {
        if (h.name() == null || !Templar.isTemplate(h.name())) return h.name();
        return renderedNames.computeIfAbsent(h, this::render).orElse(null);
    }

    private Optional<String> render(Task h) {
        try {
            return Optional.of(run.templar.renderTemplate(h.name(), nameVars.apply(roles.get(h)), h.origin()));
        } catch (UserError e) {
            if (names(h.keywords().node(Keywords.LISTEN)).isEmpty()) {
                run.events.on(new Event.Warning("Handler '" + h.name() + "' is unusable because it has no listen topics and the name "
                        + "could not be templated (host-specific variables are not supported in handler names). The error: "
                        + e.getMessage()));
            }
            return Optional.empty();
        }
    }

    private static boolean listens(Task h, String name) {
        for (String topic : names(h.keywords().node(Keywords.LISTEN))) {
            if (topic.equals(name)) return true;
        }
        return false;
    }

    /** The names a notify or listen keyword gives: one, or a list of them. */
    public static List<String> names(YNode node) {
        List<String> out = new ArrayList<>();
        if (node instanceof YList l) {
            for (YNode n : l.items()) out.addAll(names(n));
        } else if (node != null && node.toJava() != null) {
            out.add(String.valueOf(node.toJava()));
        }
        return out;
    }
}
