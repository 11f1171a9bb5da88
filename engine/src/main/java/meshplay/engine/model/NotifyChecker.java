package meshplay.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.lang.Nearest;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/**
 * Checks at load time that every literal {@code notify:} names a handler of its play (by name,
 * "role : name", or a {@code listen:} topic). Skipped for plays that use include_role/import_role
 * (their handlers are loaded with the role at run time) or have templated handler names; tasks from
 * include_tasks are checked by the runner.
 */
final class NotifyChecker {
    private NotifyChecker() {
    }

    static void check(Play play) {
        List<TaskItem> all = new ArrayList<>();
        all.addAll(play.preTasks());
        all.addAll(play.tasks());
        all.addAll(play.postTasks());
        all.addAll(play.handlers());
        for (Role r : play.roles()) {
            all.addAll(r.tasks());
            all.addAll(r.handlers());
        }
        if (usesRoleTasks(all) || hasTemplatedHandlerName(play)) return;
        Set<String> known = new LinkedHashSet<>();
        addHandlers(play.handlers(), known);
        for (Role r : play.roles()) addHandlers(r.handlers(), known);
        for (TaskItem item : all) check(item, known);
    }

    private static void addHandlers(List<Task> handlers, Set<String> known) {
        for (Task h : handlers) {
            if (h.name() != null) {
                known.add(h.name());
                if (h.role() != null) known.add(h.role() + " : " + h.name());
            }
            YNode listen = h.keywords().node(Keywords.LISTEN);
            if (listen != null) for (YNode topic : TaskParser.items(listen)) if (topic instanceof YScalar s) known.add(s.text());
        }
    }

    private static void check(TaskItem item, Set<String> known) {
        if (item instanceof Block b) {
            for (List<TaskItem> part : List.of(b.block(), b.rescue(), b.always())) for (TaskItem i : part) check(i, known);
        }
        YNode notify = item.keywords().node(Keywords.NOTIFY);
        if (notify == null) return;
        for (YNode n : TaskParser.items(notify)) {
            if (!(n instanceof YScalar s) || Templates.isTemplate(s) || known.contains(s.text())) continue;
            String near = Nearest.of(s.text(), known);
            throw new UserError(s.origin(), "no handler named '" + s.text() + "' in this play",
                    (near != null ? "did you mean '" + near + "'? " : "") + (known.isEmpty() ? "the play has no handlers"
                            : "handlers (names and listen topics): " + String.join(", ", known)), ExitCode.ERROR);
        }
    }

    private static boolean hasTemplatedHandlerName(Play play) {
        List<Task> handlers = new ArrayList<>(play.handlers());
        for (Role r : play.roles()) handlers.addAll(r.handlers());
        return handlers.stream().anyMatch(h -> Templates.isTemplate(h.name()));
    }

    private static boolean usesRoleTasks(List<TaskItem> items) {
        for (TaskItem item : items) {
            if (item instanceof Task t && (t.action().equals(EngineActions.INCLUDE_ROLE) || t.action().equals(EngineActions.IMPORT_ROLE))) return true;
            if (item instanceof Block b && (usesRoleTasks(b.block()) || usesRoleTasks(b.rescue()) || usesRoleTasks(b.always()))) return true;
        }
        return false;
    }
}
