package meshplay.modules.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;
import meshplay.engine.module.Args;
import meshplay.engine.module.Change;
import meshplay.engine.module.Diff;
import meshplay.engine.module.ModuleContext;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.module.ModuleResult;
import meshplay.engine.testing.ModuleHarness;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FileContentTest extends TempRootTest {
    ModuleContext ctx;

    @BeforeEach
    void setUp() throws Exception {
        ctx = ModuleHarness.context(new Args(Map.of()), conn, false, Map.of());
    }

    private void apply(Change change) throws Exception {
        change.action().apply(ctx, ModuleResult.builder());
    }

    @Test
    void textChangeCreatesWritesAndRemoves() throws Exception {
        assertNull(FileContent.readText(conn.files(), "/etc/x.d/a.conf"));
        Change create = FileContent.textChange("/etc/x.d/a.conf", null, "a=1\n");
        assertEquals("create /etc/x.d/a.conf", create.summary());
        assertEquals(Diff.file("/etc/x.d/a.conf", null, "a=1\n"), create.diff());
        apply(create);
        assertEquals("a=1\n", root.read("/etc/x.d/a.conf"));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.path("/etc/x.d/a.conf"))), "a new file gets 0644");

        assertNull(FileContent.textChange("/etc/x.d/a.conf", "a=1\n", "a=1\n"), "equal text is no change");
        apply(FileContent.textChange("/etc/x.d/a.conf", "a=1\n", "a=2\n"));
        assertEquals("a=2\n", FileContent.readText(conn.files(), "/etc/x.d/a.conf"));

        Change remove = FileContent.textChange("/etc/x.d/a.conf", "a=2\n", null);
        assertEquals("remove /etc/x.d/a.conf", remove.summary());
        assertEquals(Diff.file("/etc/x.d/a.conf", "a=2\n", null), remove.diff());
        apply(remove);
        assertFalse(root.exists("/etc/x.d/a.conf"));
    }

    @Test
    void textChangeRefusesWhenTheFileChangedSincePlanning() throws Exception {
        root.file("/etc/a.conf", "a=1\n");
        Change write = FileContent.textChange("/etc/a.conf", FileContent.readText(conn.files(), "/etc/a.conf"), "a=2\n");
        Change remove = FileContent.textChange("/etc/a.conf", "a=1\n", null);
        root.file("/etc/a.conf", "a=3\n");
        for (Change c : new Change[]{write, remove}) {
            ModuleFailure f = assertThrows(ModuleFailure.class, () -> apply(c));
            assertTrue(f.getMessage().contains("changed on the host after it was read; nothing was written"), f.getMessage());
            assertEquals("a=3\n", root.read("/etc/a.conf"));
        }
    }

    @Test
    void textChangeKeepsABackupWhenAsked() throws Exception {
        root.file("/etc/a.conf", "a=1\n");
        ModuleResult.Builder result = ModuleResult.builder();
        FileContent.textChange("/etc/a.conf", "a=1\n", "a=2\n", true).action().apply(ctx, result);
        String backup = (String) result.build().data().get("backup_file");
        assertEquals("a=1\n", root.read(backup));
        assertEquals("a=2\n", root.read("/etc/a.conf"));
    }
}
