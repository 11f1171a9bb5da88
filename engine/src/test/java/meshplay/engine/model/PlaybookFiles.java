package meshplay.engine.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes playbook trees into a temporary directory for loader tests. */
final class PlaybookFiles {
    private final Path root;

    PlaybookFiles(Path root) {
        this.root = root;
    }

    Path write(String relative, String text) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path(String relative) {
        return root.resolve(relative);
    }
}
