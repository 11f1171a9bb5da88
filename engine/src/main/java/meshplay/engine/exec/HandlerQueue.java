package meshplay.engine.exec;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import meshplay.engine.model.Play;
import meshplay.engine.model.Role;
import meshplay.engine.model.Task;
import meshplay.engine.report.Event;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YNode;

/**
 * Handler notifications of one play: by handler name, "role : name", or `listen` topic. Each handler
 * runs once per notified host when flushed, in definition order.
 */
public final class HandlerQueue {
    private final RunContext run;
    private final List<Task> handlers = new ArrayList<>();
    private final Map<Task, Role> roles = new IdentityHashMap<>();
    // by identity: a Task's own hashCode walks its whole YAML tree, on every notification
    private final Map<Task, Set<String>> pending = new IdentityHashMap<>();

    HandlerQueue(RunContext run, Play play) {
        this.run = run;
        handlers.addAll(play.handlers());
        for (Role r : play.roles()) {
            for (Task h : r.handlers()) {
                handlers.add(h);
                roles.put(h, r);
            }
        }
    }

    public List<Task> handlers() {
        return handlers;
    }

    public Role roleOf(Task handler) {
        return roles.get(handler);
    }

    /** Queues the handlers a changed task notifies; warns about names that match nothing. */
    public synchronized void notify(String host, YNode notify) {
        for (String name : names(notify)) {
            boolean found = false;
            for (Task h : handlers) {
                if (matches(h, name)) {
                    pending.computeIfAbsent(h, k -> new LinkedHashSet<>()).add(host);
                    run.events.on(new Event.HandlerNotified(host, h.displayName()));
                    found = true;
                }
            }
            if (!found) {
                run.events.on(new Event.Warning("no handler named or listening to '" + name + "' (notified from "
                        + (notify == null ? "?" : notify.origin()) + ")"));
            }
        }
    }

    /**
     * The next handler (in definition order) notified for any of {@code only}, and those hosts (taken
     * off the queue); null when none. Notifications of other hosts stay queued (the free strategy
     * flushes each host on its own).
     */
    synchronized Map.Entry<Task, List<String>> next(java.util.Collection<String> only) {
        for (Task h : handlers) {
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
            if (!taken.isEmpty()) return Map.entry(h, taken);
        }
        return null;
    }

    private static boolean matches(Task h, String name) {
        if (name.equals(h.name())) return true;
        if (h.role() != null && name.equals(h.role() + " : " + h.name())) return true;
        for (String topic : names(h.keywords().get("listen"))) {
            if (topic.equals(name)) return true;
        }
        return false;
    }

    private static List<String> names(YNode node) {
        List<String> out = new ArrayList<>();
        if (node instanceof YList l) {
            for (YNode n : l.items()) out.addAll(names(n));
        } else if (node != null && node.toJava() != null) {
            out.add(String.valueOf(node.toJava()));
        }
        return out;
    }
}
