package meshplay.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes files (playbooks, inventories, a host's files) into a temporary directory for tests. */
public final class FileTree {
    private final Path root;

    public FileTree(Path root) {
        this.root = root;
    }

    /** Writes {@code text} at {@code relative} below the root, creating missing directories; returns the file's path. */
    public Path write(String relative, String text) {
        try {
            Path p = path(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path(String relative) {
        return root.resolve(relative);
    }
}
