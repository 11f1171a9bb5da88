package meshplay.engine.exec.handler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.exec.RunContext;
import meshplay.engine.model.Block;
import meshplay.engine.model.Play;
import meshplay.engine.model.Role;
import meshplay.engine.model.RoleFiles;
import meshplay.engine.model.Task;
import meshplay.engine.model.TaskItem;
import meshplay.engine.yaml.KeyValueText;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;

/**
 * The roles a play brings in with import_role under a literal name, in the order written: as in
 * Ansible, their handlers belong to the play from its start, before the import_role task runs.
 */
final class ImportedRoles {
    private ImportedRoles() {
    }

    static List<Role> of(RunContext run, Play play) {
        List<Role> out = new ArrayList<>();
        List<TaskItem> items = new ArrayList<>(play.preTasks());
        for (Role r : play.roles()) items.addAll(r.tasks());
        items.addAll(play.tasks());
        items.addAll(play.postTasks());
        collect(run, items, out);
        return out;
    }

    private static void collect(RunContext run, List<TaskItem> items, List<Role> out) {
        for (TaskItem item : items) {
            if (item instanceof Block b) {
                collect(run, b.block(), out);
                collect(run, b.rescue(), out);
                collect(run, b.always(), out);
            } else if (item instanceof Task t && isImportRole(t)) {
                YMap args = args(t.args());
                String name = literal(args, "name");
                if (name == null) continue;
                RoleFiles files = new RoleFiles(literal(args, "tasks_from"), literal(args, "vars_from"), literal(args, "defaults_from"),
                        literal(args, "handlers_from"));
                try {
                    Role role = run.loader.loadRole(name, run.playbookDir, Map.of(), t.origin(), files);
                    out.addAll(meshplay.engine.model.RoleOrder.dependencies(role, new java.util.HashSet<>()));
                    out.add(role);
                } catch (UserError e) {
                    // the import_role task reports it when it runs
                }
            }
        }
    }

    private static boolean isImportRole(Task t) {
        return t.action().equals("import_role") || t.action().endsWith(".import_role");
    }

    private static YMap args(YNode args) {
        return args instanceof YMap m ? m : args instanceof YScalar s && s.value() != null ? KeyValueText.parse(s).orElse(null) : null;
    }

    private static String literal(YMap args, String key) {
        if (args == null || !(args.get(key) instanceof YScalar v) || v.value() == null) return null;
        return meshplay.engine.template.Templar.isTemplate(v.text()) ? null : v.text();
    }
}
