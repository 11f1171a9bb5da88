package meshplay.engine.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;

/**
 * Finds a role's directory: PLAYBOOK_DIR/roles/NAME, PLAYBOOK_DIR/../roles/NAME, each configured
 * roles path entry /NAME, then PLAYBOOK_DIR/NAME. A name with a '/' is a path relative to the playbook.
 */
final class RoleLocator {
    private final List<Path> rolesPath;

    RoleLocator(List<Path> rolesPath) {
        this.rolesPath = List.copyOf(rolesPath);
    }

    Path find(String name, Origin origin, Path playbookDir) {
        List<Path> candidates = candidates(name, playbookDir);
        for (Path c : candidates) if (Files.isDirectory(c)) return c;
        throw new UserError(origin, "role '" + name + "' not found",
                "searched " + String.join(", ", candidates.stream().map(FileSearch::display).toList())
                        + "; create the role directory there or add its parent to the roles path", ExitCode.ERROR);
    }

    private List<Path> candidates(String name, Path playbookDir) {
        Path given = Path.of(name);
        if (given.isAbsolute()) return List.of(given);
        if (name.contains("/")) return List.of(playbookDir.resolve(given).normalize());
        List<Path> out = new ArrayList<>();
        out.add(playbookDir.resolve("roles").resolve(name).normalize());
        out.add(playbookDir.resolve("..").resolve("roles").resolve(name).normalize());
        for (Path p : rolesPath) out.add(p.resolve(name).normalize());
        out.add(playbookDir.resolve(name).normalize());
        return FileSearch.distinct(out);
    }
}
