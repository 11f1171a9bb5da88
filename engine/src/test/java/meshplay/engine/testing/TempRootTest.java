package meshplay.engine.testing;

import java.io.IOException;
import java.nio.file.Path;
import meshplay.engine.connect.LocalConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base for tests that run modules against a temporary root: each test gets a fresh {@link TempRoot}
 * in its own temporary directory and a {@link LocalConnection} to it. A subclass's own
 * {@code @BeforeEach} runs after this one, so it can seed files and fake tools.
 */
public abstract class TempRootTest {
    @TempDir
    protected Path dir;
    protected TempRoot root;
    protected LocalConnection conn;

    @BeforeEach
    protected final void createTempRoot() throws IOException {
        root = new TempRoot(dir);
        conn = root.connection();
    }
}
