package meshplay.engine.connect.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Client-side helpers for tests: an empty ~/.ssh so the real one is never read or changed. */
final class SshTesting {
    private SshTesting() {
    }

    static SshEnvironment emptyEnvironment(Path tmp) throws IOException {
        return SshEnvironment.of(Files.createDirectories(tmp.resolve("home/.ssh")), Map.of());
    }
}
