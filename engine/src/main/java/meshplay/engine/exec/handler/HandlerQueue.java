package meshplay.engine.exec.handler;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import meshplay.engine.exec.RunContext;
import meshplay.engine.model.Keywords;
import meshplay.engine.model.Play;
import meshplay.engine.model.Role;
import meshplay.engine.model.Task;
import meshplay.engine.report.Event;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YNode;

/**
 * Handler notifications of one play: by handler name, "role : name", or `listen` topic. The handlers
 * are, in order, those of the play's roles, the play's own, those of roles brought in by import_role
 * (known when the play starts) and those of roles brought in by include_role (added when included).
 * A flush goes through them once, in that order: each notified handler runs once for its hosts; one
 * notified by a handler later in the order runs in the same flush, one notified by itself or by a
 * handler after it waits for the next flush.
 */
public final class HandlerQueue {
    private final RunContext run;
    private final List<Task> handlers = new ArrayList<>();
    private final Map<Task, Role> roles = new IdentityHashMap<>();
    // by identity: a Task's own hashCode walks its whole YAML tree, on every notification
    private final Map<Task, Set<String>> pending = new IdentityHashMap<>();
    /** Directories of the roles whose handlers are in the list. */
    private final Set<java.nio.file.Path> roleDirs = new java.util.HashSet<>();

    /** One notified handler found by {@link #next}: its place in the order and the hosts it runs for. */
    public record Notified(int index, Task handler, List<String> hosts) {
    }

    public HandlerQueue(RunContext run, Play play) {
        this.run = run;
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
     * Queues the handlers a changed task notifies ({@code names}: its notify keyword, already rendered);
     * warns about names that match nothing, naming the keyword's {@code origin}.
     */
    public synchronized void notify(String host, List<String> names, meshplay.engine.yaml.Origin origin) {
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
            if (!found) {
                run.events.on(new Event.Warning("no handler named or listening to '" + name + "' (notified from "
                        + (origin == null ? "?" : origin) + ")"));
            }
        }
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

    private static boolean named(Task h, String name) {
        return name.equals(h.name()) || h.role() != null && name.equals(h.role() + " : " + h.name());
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
