package meshplay.modules.system;

import java.nio.file.Path;
import meshplay.engine.connect.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A test class whose tests share one {@link SystemSandbox}, started before them and checked and ended after them. */
abstract class SandboxedTest {
    @TempDir
    static Path dir;
    static SystemSandbox sandbox;
    static Connection host;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SystemSandbox.start(dir);
        host = sandbox.connection();
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) sandbox.close();
        sandbox = null;
    }
}
