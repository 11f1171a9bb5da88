package meshplay.engine.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import meshplay.engine.testing.TempRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalConnectionFakeToolTest {
    @TempDir
    Path dir;

    @Test
    void aFakeToolWinsOverTheHostsOwnProgram() throws Exception {
        TempRoot root = new TempRoot(dir);
        root.fakeTool("uname", "echo fake-release");
        ExecResult r = root.connection().exec(ExecRequest.argv("uname", "-r"));
        assertEquals("fake-release\n", r.stdout());
    }

    @Test
    void programsWithoutAFakeStillRun() throws Exception {
        TempRoot root = new TempRoot(dir);
        ExecResult r = root.connection().exec(ExecRequest.argv("echo", "real"));
        assertEquals("real\n", r.stdout());
    }
}
