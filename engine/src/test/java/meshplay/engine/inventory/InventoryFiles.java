package meshplay.engine.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes inventory trees into a temporary directory. */
final class InventoryFiles {
    private final Path root;

    InventoryFiles(Path root) {
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
}
