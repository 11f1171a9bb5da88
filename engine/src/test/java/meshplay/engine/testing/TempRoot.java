package meshplay.engine.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import meshplay.engine.connect.LocalConnection;

/**
 * A temporary directory standing in for a host's "/", with a bin/ directory of fake tools first on
 * PATH. Module tests seed files under it and read back what the module wrote.
 */
public final class TempRoot {
    private final Path root;
    private final Path bin;

    public TempRoot(Path dir) throws IOException {
        this.root = Files.createDirectories(dir.resolve("root"));
        this.bin = Files.createDirectories(dir.resolve("fakebin"));
    }

    public Path root() {
        return root;
    }

    /** The local path for a target path. */
    public Path path(String targetPath) {
        return root.resolve(targetPath.substring(1));
    }

    public TempRoot file(String targetPath, String content) throws IOException {
        new FileTree(root).write(targetPath.substring(1), content);
        return this;
    }

    public String read(String targetPath) throws IOException {
        return Files.readString(path(targetPath));
    }

    public boolean exists(String targetPath) {
        return Files.exists(path(targetPath));
    }

    /** Installs a fake tool: a /bin/sh script run instead of the real one. */
    public TempRoot fakeTool(String name, String script) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return this;
    }

    public LocalConnection connection() {
        return connection(Map.of());
    }

    /** A connection whose file paths resolve under the root; MESHPLAY_TEST_ROOT tells fake tools where it is. */
    public LocalConnection connection(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("MESHPLAY_TEST_ROOT", root.toString());
        return new LocalConnection("testhost", root, new ArrayList<>(List.of(bin)), all);
    }
}
