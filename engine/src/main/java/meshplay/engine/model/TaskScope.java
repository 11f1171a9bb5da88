package meshplay.engine.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;

/**
 * Where a task list is being read from: its file, the role it belongs to (or null), the directory
 * where the task's files and templates are looked up, and the chain of files importing it (to stop cycles).
 */
record TaskScope(Path file, String role, Path roleDir, Path baseDir, Path playbookDir, List<Path> chain) {
    TaskScope {
        chain = List.copyOf(chain);
    }

    static TaskScope play(Path playbookFile, Path playbookDir) {
        return new TaskScope(playbookFile, null, null, playbookDir, playbookDir, List.of());
    }

    static TaskScope role(Path file, String role, Path roleDir, Path playbookDir) {
        return new TaskScope(file, role, roleDir, roleDir, playbookDir, List.of());
    }

    /** The scope of a file imported from this one; fails when the file is already being imported. */
    TaskScope enter(Path imported, Origin importOrigin) {
        Path key = imported.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(chain);
        if (next.isEmpty()) next.add(file.toAbsolutePath().normalize());
        if (next.contains(key)) {
            throw new UserError(importOrigin, "import cycle: " + cycle(next, key), "remove the import that leads back to a file already being imported");
        }
        next.add(key);
        return new TaskScope(imported, role, roleDir, baseDir, playbookDir, next);
    }

    /** "a.yml -> b.yml -> a.yml": the files of {@code chain} from {@code again}'s first import, then {@code again}. */
    static String cycle(List<Path> chain, Path again) {
        StringBuilder cycle = new StringBuilder();
        for (Path p : chain.subList(chain.indexOf(again), chain.size())) cycle.append(p.getFileName()).append(" -> ");
        return cycle.append(again.getFileName()).toString();
    }

    /**
     * Directories where a relative task file name is looked up, most specific first; in a role, the
     * playbook's directory last, as Ansible's loader falls back to its base directory.
     */
    List<Path> searchDirs() {
        List<Path> dirs = new ArrayList<>();
        dirs.add(FileSearch.dirOf(file));
        if (roleDir != null) dirs.add(roleDir.resolve("tasks"));
        if (baseDir != null) dirs.add(baseDir);
        if (roleDir != null && playbookDir != null) dirs.add(playbookDir);
        return FileSearch.distinct(dirs);
    }
}
