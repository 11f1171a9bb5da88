package meshplay.engine.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base for tests that load files (playbooks, inventories) they write first: each test gets a fresh
 * temporary directory and a {@link FileTree} over it. A subclass's own {@code @BeforeEach} runs after this one.
 */
public abstract class FileTreeTest {
    @TempDir
    protected Path dir;
    protected FileTree files;

    @BeforeEach
    protected final void createFileTree() {
        files = new FileTree(dir);
    }
}
