package meshplay.engine.connect;

import java.nio.file.Path;

/**
 * A tiny program for tests that must write from another process (one inside a private mount
 * namespace): writes the file {@code args[1]} to the path {@code args[0]} through a LocalConnection
 * and prints "written" or "failed: MESSAGE". Exit 0 when written, 1 when the write failed.
 */
public final class WriteProbe {
    private WriteProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (LocalConnection c = new LocalConnection("probe")) {
            c.files().write(args[0], Content.of(Path.of(args[1])), WriteOptions.DEFAULT);
            System.out.println("written");
        } catch (ConnectionException e) {
            System.out.println("failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
