package meshplay.engine.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.ExitCode;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;

/** Finds a file named in a playbook among the directories it may be relative to. */
final class FileSearch {
    private FileSearch() {
    }

    /** The directory of a file as written ("site.yml" -> "."), so derived paths stay as readable as the user's. */
    static Path dirOf(Path file) {
        Path parent = file.getParent();
        return parent == null ? Path.of(".") : parent;
    }

    static List<Path> distinct(List<Path> dirs) {
        Map<Path, Path> byAbsolute = new LinkedHashMap<>();
        for (Path d : dirs) byAbsolute.putIfAbsent(d.toAbsolutePath().normalize(), d);
        return new ArrayList<>(byAbsolute.values());
    }

    /** The first existing regular file; fails at {@code origin} listing every place searched. */
    static Path find(String name, List<Path> dirs, Origin origin, String what) {
        Path given = Path.of(name);
        List<Path> candidates = given.isAbsolute() ? List.of(given) : dirs.stream().map(d -> d.resolve(given).normalize()).toList();
        for (Path c : candidates) if (Files.isRegularFile(c)) return c;
        throw new UserError(origin, what + " not found: " + name,
                "searched " + String.join(", ", candidates.stream().map(FileSearch::display).toList()), ExitCode.ERROR);
    }

    /** Absolute, so "searched ..." hints say exactly where. */
    static String display(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
