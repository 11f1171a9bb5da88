package meshplay.engine.exec.actions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import meshplay.engine.module.ModuleFailure;

/**
 * Finds a controller-side file named by an engine action: role dir/kind, the task's dir, the playbook dir.
 * A missing file fails the task with the task's file:line:col, since the task runs far from where it is written.
 */
final class FileLookup {
    private FileLookup() {
    }

    static Path find(ActionContext ctx, String name, String kind) throws ModuleFailure {
        Path p = Path.of(name);
        if (p.isAbsolute()) {
            if (Files.exists(p)) return p;
            throw new ModuleFailure("file not found: " + name + " (" + where(ctx) + ")");
        }
        List<Path> tried = new ArrayList<>();
        if (ctx.roleDir() != null) tried.add(ctx.roleDir().resolve(kind).resolve(name));
        if (ctx.taskDir() != null) {
            tried.add(ctx.taskDir().resolve(kind).resolve(name));
            tried.add(ctx.taskDir().resolve(name));
        }
        tried.add(ctx.playbookDir().resolve(kind).resolve(name));
        tried.add(ctx.playbookDir().resolve(name));
        for (Path c : tried) {
            if (Files.exists(c)) return c;
        }
        throw new ModuleFailure("could not find '" + name + "' (" + where(ctx) + "); searched: "
                + String.join(", ", new LinkedHashSet<>(tried.stream().map(Path::toString).toList())));
    }

    private static String where(ActionContext ctx) {
        return ctx.task().action() + " at " + ctx.task().origin();
    }
}
