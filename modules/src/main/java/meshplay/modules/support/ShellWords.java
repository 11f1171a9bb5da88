package meshplay.modules.support;

import java.util.List;

/** For modules: Python shlex.split (POSIX mode); the one implementation is {@link meshplay.engine.connect.ShellWords}. */
public final class ShellWords {
    private ShellWords() {
    }

    public static List<String> split(String line) {
        return meshplay.engine.connect.ShellWords.split(line);
    }
}
